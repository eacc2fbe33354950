// The one resolver of Foundry's native binaries (forge, anvil, cast). They come from npm's
// per-platform packages (@foundry-rs/<tool>-<os>-<arch>/bin/<tool>). npm's own wrapper in
// node_modules/.bin exits 0 whatever the tool returned, so nothing in this project calls it: every
// npm script, orchestrator, test and benchmark resolves the binary here, and a failing forge test,
// a stale gas snapshot or a failed deploy fails whatever ran it.
//
// Also a command (Node 24 runs this file as it is): `node script/lib/foundry.ts forge test` runs
// the native tool with the arguments given and exits with its status; `script/tools/forge`, `anvil`
// and `cast` are shims around that for npm scripts and people.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export type FoundryTool = "forge" | "anvil" | "cast";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** npm's platform suffixes of the @foundry-rs packages (see their optionalDependencies). */
function platformSuffix(): string {
  const os = { linux: "linux", darwin: "darwin", win32: "win32" }[process.platform as string];
  const arch = { x64: "amd64", arm64: "arm64" }[process.arch as string];
  if (!os || !arch) {
    throw new Error(`Foundry's npm packages have no binary for ${process.platform}-${process.arch}`);
  }
  return `${os}-${arch}`;
}

/** Absolute path of the native binary of a Foundry tool installed by `npm install`. */
export function foundryBin(tool: FoundryTool): string {
  const suffix = platformSuffix();
  const file = path.join(
    REPO,
    "node_modules",
    "@foundry-rs",
    `${tool}-${suffix}`,
    "bin",
    process.platform === "win32" ? `${tool}.exe` : tool,
  );
  if (!existsSync(file)) {
    throw new Error(
      `${tool} is not installed (no ${path.relative(REPO, file)}): run \`npm install\` in ${REPO}`,
    );
  }
  return file;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const [tool, ...args] = process.argv.slice(2);
  if (tool !== "forge" && tool !== "anvil" && tool !== "cast") {
    console.error("usage: node script/lib/foundry.ts <forge|anvil|cast> [arguments]");
    process.exit(2);
  }
  const result = spawnSync(foundryBin(tool), args, { stdio: "inherit" });
  if (result.error) {
    console.error(result.error.message);
    process.exit(1);
  }
  if (result.signal) process.kill(process.pid, result.signal);
  process.exit(result.status ?? 1);
}

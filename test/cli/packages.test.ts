// The installable packages as a user gets them: `npm pack` tarballs of the CLI and the SDK, each
// installed into an empty directory outside the repository. The CLI installs without the
// registry (everything is bundled), starts fast, knows the deployments and reads a config file;
// the SDK imports as ES modules and type-checks from its .d.ts under Node's own resolution.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { tempDir } from "../../script/lib/tempDir";

const REPO = path.resolve(import.meta.dirname, "..", "..");
const { version } = JSON.parse(readFileSync(path.join(REPO, "packages", "cli", "package.json"), "utf8"));
const CLI_TGZ = path.join(REPO, "packages", `greenprint-cli-${version}.tgz`);
const SDK_TGZ = path.join(REPO, "packages", `greenprint-sdk-${version}.tgz`);

function npm(args: string[], cwd: string): string {
  return execFileSync("npm", [...args, "--no-audit", "--no-fund", "--loglevel", "error"], {
    cwd,
    encoding: "utf8",
  });
}

/** Environment without any GREENPRINT_ setting of the developer running the tests. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("GREENPRINT_")) env[k] = v;
  return { ...env, PUBLIC_APP_URL: "", ...extra } as unknown as NodeJS.ProcessEnv;
}

describe("installable packages", { timeout: 600_000 }, () => {
  before(() => {
    execFileSync(process.execPath, ["--import", "tsx", "packages/build.ts", "cli", "sdk", "--pack"], {
      cwd: REPO,
      stdio: "inherit",
    });
  });

  it("the CLI installs offline into an empty directory and runs from node_modules/.bin", () => {
    const dir = tempDir("cli-install");
    npm(["install", "--offline", CLI_TGZ], dir);
    const installed = JSON.parse(
      readFileSync(path.join(dir, "node_modules", "@greenprint", "cli", "package.json"), "utf8"),
    );
    assert.deepEqual(installed.dependencies ?? {}, {}, "the CLI bundles what it needs");
    const bin = path.join(dir, "node_modules", ".bin", "greenprint");
    const started = performance.now();
    const help = spawnSync(bin, ["--help"], { cwd: dir, encoding: "utf8", env: cleanEnv() });
    const ms = performance.now() - started;
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /model-card/);
    // The target is < 1 s (bench/README.md "CLI start-up"); the bound leaves room for a loaded machine.
    assert.ok(ms < 5000, `greenprint --help took ${ms.toFixed(0)} ms`);

    writeFileSync(
      path.join(dir, "greenprint.config.json"),
      JSON.stringify({
        rpcUrl: "http://127.0.0.1:1",
        appUrl: "https://greenprint.example",
        keystore: "k.json",
      }),
    );
    const config = spawnSync(bin, ["config", "--json", "--rpc-url", "http://127.0.0.1:2"], {
      cwd: dir,
      encoding: "utf8",
      env: cleanEnv({ GREENPRINT_API_URL: "https://api.example/v1" }),
    });
    assert.equal(config.status, 0, config.stderr);
    const s = JSON.parse(config.stdout);
    assert.deepEqual(s.settings.rpcUrl, { value: "http://127.0.0.1:2", source: "--rpc-url" });
    assert.deepEqual(s.settings.apiUrl, {
      value: "https://api.example/v1",
      source: "env GREENPRINT_API_URL",
    });
    assert.deepEqual(s.settings.appUrl, {
      value: "https://greenprint.example",
      source: "greenprint.config.json",
    });
    assert.deepEqual(s.settings.evidenceUrl, {
      value: "https://greenprint.example/api/evidence",
      source: "default",
    });
    assert.equal(s.settings.keystore.value, path.join(dir, "k.json"), "paths are relative to the file");
    assert.deepEqual(s.builtInDeployments, [31337]);
  });

  it("the SDK installs into an empty directory, imports and type-checks with Node's resolution", () => {
    const dir = tempDir("sdk-install");
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "consumer", type: "module" }));
    npm(["install", "--prefer-offline", SDK_TGZ], dir);
    const run = spawnSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `import { locationEmissionsG } from "@greenprint/sdk/formulas";
         import { parseCodeCarbonCsv } from "@greenprint/sdk/importers/codecarbon";
         import { createGreenprintClient } from "@greenprint/sdk";
         console.log(locationEmissionsG(1000n, 56n), typeof parseCodeCarbonCsv, typeof createGreenprintClient);`,
      ],
      { cwd: dir, encoding: "utf8" },
    );
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout.trim(), "56n function function");

    writeFileSync(
      path.join(dir, "check.ts"),
      `import { createGreenprintClient, type GreenprintClient } from "@greenprint/sdk/client";
import { formatKgCO2e } from "@greenprint/sdk/humanize";
import { buildModelCardExport } from "@greenprint/sdk/modelCardExport";
export const f: (g: bigint) => string = formatKgCO2e;
export type Reads = GreenprintClient["getAttestation"];
export const make: typeof createGreenprintClient = createGreenprintClient;
export const card = buildModelCardExport({ modelId: 1n, appUrl: "https://x.example", attestations: [] });
// @ts-expect-error emissionsG is a bigint, not a string
export const wrong: string = card.emissionsG;
`,
    );
    writeFileSync(
      path.join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          noEmit: true,
          strict: true,
          module: "nodenext",
          moduleResolution: "nodenext",
          target: "es2022",
          lib: ["es2022", "dom"],
          types: [],
        },
        files: ["check.ts"],
      }),
    );
    const tsc = spawnSync(
      process.execPath,
      [path.join(REPO, "node_modules", "typescript", "bin", "tsc"), "-p", "."],
      {
        cwd: dir,
        encoding: "utf8",
      },
    );
    assert.equal(tsc.status, 0, `${tsc.stdout}${tsc.stderr}`);
  });
});

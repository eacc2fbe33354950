// A second `next start` of the e2e build with extra environment (e.g. PUBLIC_APP_URL), on a free
// port, against the same chain, index and evidence folder: settings read at request time get
// tested without building or starting a second stack.
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { bin } from "../../script/lib/processes";
import { RPC_URL } from "./browser";

export interface SecondApp {
  url: string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startSecondApp(name: string, env: Record<string, string>): Promise<SecondApp> {
  const distDir = process.env.E2E_DIST_DIR;
  const indexerUrl = process.env.E2E_INDEXER_URL;
  const evidenceDir = process.env.E2E_EVIDENCE_DIR;
  if (!distDir || !indexerUrl || !evidenceDir)
    throw new Error("run through test/e2e/run.ts (E2E_* settings missing)");
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  mkdirSync("test-results", { recursive: true });
  const log = createWriteStream(path.join("test-results", `next-${name}.log`));
  const child: ChildProcess = spawn(
    bin("next"),
    ["start", "--port", String(port), "--hostname", "127.0.0.1"],
    {
      env: {
        ...process.env,
        NEXT_DIST_DIR: distDir,
        INDEXER_URL: indexerUrl,
        RPC_URL,
        EVIDENCE_DIR: evidenceDir,
        CHAIN_ID: "31337",
        NEXT_TELEMETRY_DISABLED: "1",
        ...env,
      },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
      await exited;
    }
  };
  // Ready once it answers; give up if it exits first (or, hung, after the stack's own start limit).
  let ready = false;
  const deadline = Date.now() + 60_000;
  while (!ready && child.exitCode === null && Date.now() < deadline) {
    ready = (await fetch(`${url}/`).catch(() => null))?.ok === true;
    if (!ready) await new Promise((r) => setTimeout(r, 200));
  }
  if (!ready) {
    await stop();
    throw new Error(`the second app did not start; see test-results/next-${name}.log`);
  }
  return { url, stop };
}

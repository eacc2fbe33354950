// `npm run test:e2e`: the real stack (script/lib/stack.ts: anvil, deploy, indexer, production
// build, `next start`), then node's test runner over test/e2e/*.test.ts, then everything stopped.
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { stopAll, stopChildrenOnExit } from "../../script/lib/processes";
import { startStack } from "../../script/lib/stack";

const DIST_DIR = ".next-e2e";

async function main() {
  stopChildrenOnExit();
  const stack = await startStack({
    // Overridable so two checkouts can run their browser tests side by side.
    anvilPort: Number(process.env.E2E_ANVIL_PORT ?? 8546),
    appPort: Number(process.env.E2E_APP_PORT ?? 3100),
    indexerPort: Number(process.env.E2E_INDEXER_PORT ?? 42169),
    distDir: DIST_DIR,
    logDir: "test-results",
    log: (message) => console.log(`[e2e] ${message}`),
  });
  const files = readdirSync("test/e2e")
    .filter((f) => f.endsWith(".test.ts"))
    // E2E_ONLY=journey,pages runs the files whose name contains one of them (a quicker loop while
    // developing).
    .filter((f) => !process.env.E2E_ONLY || process.env.E2E_ONLY.split(",").some((part) => f.includes(part)))
    .map((f) => path.join("test/e2e", f));
  const code = await new Promise<number>((resolve) => {
    const tests = spawn(process.execPath, ["--import", "tsx", "--test", "--test-concurrency=1", ...files], {
      stdio: "inherit",
      env: {
        ...process.env,
        E2E_APP_URL: stack.appUrl,
        E2E_RPC_URL: stack.rpcUrl,
        E2E_EVIDENCE_DIR: stack.evidenceDir,
        // For tests that start a second `next start` of the same build with other settings
        // (e.g. PUBLIC_APP_URL), against the same chain and index.
        E2E_INDEXER_URL: stack.indexerUrl,
        E2E_DIST_DIR: DIST_DIR,
      },
    });
    tests.on("exit", (c) => resolve(c ?? 1));
  });
  await stopAll();
  process.exit(code);
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await stopAll();
  process.exit(1);
});

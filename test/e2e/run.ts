// `npm run test:e2e`: a real stack for browser tests, then node's test runner over
// test/e2e/*.test.ts. anvil (port 8546) -> deploy -> typed ABIs -> production build of the
// app -> `next start` (port 3100) -> tests -> everything stopped.

import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ANVIL_KEYS, LOCAL_CHAIN_ID, startAnvil, waitFor } from "../../script/lib/anvil";
import { deployContracts } from "../../script/lib/deploy";
import { bin, run, startChild, stopAll, stopChildrenOnExit } from "../../script/lib/processes";

const ANVIL_PORT = 8546;
const APP_PORT = 3100;
const INDEXER_PORT = 42169;
const DIST_DIR = ".next-e2e";

async function main() {
  stopChildrenOnExit();
  const log = (message: string) => console.log(`[e2e] ${message}`);
  const { rpcUrl } = await startAnvil({ port: ANVIL_PORT, log: "test-results/anvil.log" });
  log(`anvil on ${rpcUrl}`);
  await deployContracts({ rpcUrl, chainId: LOCAL_CHAIN_ID, privateKey: ANVIL_KEYS[0] });
  await run(bin("wagmi"), ["generate"]);
  const evidenceDir = mkdtempSync(path.join(tmpdir(), "greenprint-e2e-evidence-"));
  const indexerUrl = `http://127.0.0.1:${INDEXER_PORT}`;
  const chainEnv = { RPC_URL: rpcUrl, EVIDENCE_DIR: evidenceDir, CHAIN_ID: "31337" };
  startChild("indexer", bin("tsx"), ["indexer/scripts/start.ts"], {
    env: { ...chainEnv, INDEXER_PORT: String(INDEXER_PORT) },
    output: "test-results/indexer.log",
  });
  log("building the app (production build)");
  await run(bin("next"), ["build"], { env: { NEXT_DIST_DIR: DIST_DIR, INDEXER_URL: indexerUrl } });
  await waitFor(
    async () => (await fetch(`${indexerUrl}/api/v1/status`).catch(() => null)) !== null,
    120_000,
    `the indexer did not start on ${indexerUrl}; see test-results/indexer.log`,
  );
  log(`indexer on ${indexerUrl}`);
  const appEnv = { ...chainEnv, NEXT_DIST_DIR: DIST_DIR, INDEXER_URL: indexerUrl };
  startChild("next", bin("next"), ["start", "--port", String(APP_PORT), "--hostname", "127.0.0.1"], {
    env: appEnv,
    output: "test-results/next.log",
  });
  const appUrl = `http://127.0.0.1:${APP_PORT}`;
  await waitFor(
    async () => (await fetch(`${appUrl}/`).catch(() => null))?.ok === true,
    60_000,
    `the app did not start on ${appUrl}; see test-results/next.log`,
  );
  log(`app on ${appUrl}`);

  const files = readdirSync("test/e2e")
    .filter((f) => f.endsWith(".test.ts"))
    .map((f) => path.join("test/e2e", f));
  const code = await new Promise<number>((resolve) => {
    const tests = spawn(process.execPath, ["--import", "tsx", "--test", "--test-concurrency=1", ...files], {
      stdio: "inherit",
      env: { ...process.env, E2E_APP_URL: appUrl, E2E_RPC_URL: rpcUrl, E2E_EVIDENCE_DIR: evidenceDir },
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

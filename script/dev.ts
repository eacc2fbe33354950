// `npm run dev`: the whole stack on this machine, one command.
// anvil -> deploy (script/Deploy.s.sol) -> deployments/31337.json -> typed ABIs (wagmi CLI)
// -> demo data through real transactions -> Next.js on http://localhost:3000.
// Ctrl-C stops every child; running it again starts a fresh chain.
import path from "node:path";
import { ANVIL_KEYS, keepClockMoving, LOCAL_CHAIN_ID, startAnvil } from "./lib/anvil";
import { deployContracts } from "./lib/deploy";
import { bin, run, startChild, stopChildrenOnExit } from "./lib/processes";

const ANVIL_PORT = Number(process.env.ANVIL_PORT ?? 8545);
const APP_PORT = Number(process.env.PORT ?? 3000);
const INDEXER_PORT = Number(process.env.INDEXER_PORT ?? 42069);
/** An idle dev chain still mines a block this often, so challenge windows end on their own. */
const BLOCK_SECONDS = Number(process.env.DEV_BLOCK_SECONDS ?? 2);
/**
 * Next.js looks for every platform's SWC binary in package-lock.json and tries to "patch" the
 * lock when the registry mirror lacks some (macOS/Windows builds); harmless on Linux, so hidden.
 */
const NEXT_NOISE =
  /lockfile missing swc|Failed to patch lockfile|reading 'os'|Unknown (env|user) config "nodedir"/;

async function main() {
  stopChildrenOnExit();
  const started = Date.now();
  const step = (message: string) =>
    console.log(`[dev +${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);

  step(`starting anvil on port ${ANVIL_PORT}`);
  const { rpcUrl } = await startAnvil({ port: ANVIL_PORT, log: ".dev/anvil.log" });

  step("deploying contracts");
  const deployment = await deployContracts({ rpcUrl, chainId: LOCAL_CHAIN_ID, privateKey: ANVIL_KEYS[0] });
  for (const [name, contract] of Object.entries(deployment.contracts))
    step(`  ${name} at ${contract.address}`);

  step("generating typed ABIs");
  await run(bin("wagmi"), ["generate"]);

  step("seeding demo data from ../shared/fixtures/published-training-footprints.json");
  // Imported only now: seed.ts uses the ABIs generated a step earlier.
  const { seedDemoData } = await import("./seed");
  const seeded = await seedDemoData({ rpcUrl, appUrl: `http://localhost:${APP_PORT}` });
  step(`  ${seeded.models} models, ${seeded.attestations} attestations`);
  keepClockMoving(rpcUrl, BLOCK_SECONDS);
  step(`the chain mines a block every ${BLOCK_SECONDS} s when idle, so time moves without transactions`);

  step(`starting the indexer on port ${INDEXER_PORT}`);
  const chainEnv = {
    RPC_URL: rpcUrl,
    CHAIN_ID: String(LOCAL_CHAIN_ID),
    EVIDENCE_DIR: path.resolve(".data", "evidence"),
    // Dev only: the indexer and the app may fetch metadata/evidence URIs that point at this app
    // (http://localhost, a loopback address every other origin is refused; lib/net/safeFetch.ts).
    FETCH_ALLOW_ORIGINS: `http://localhost:${APP_PORT}`,
  };
  startChild("indexer", bin("tsx"), ["indexer/scripts/start.ts"], {
    env: { ...chainEnv, INDEXER_PORT: String(INDEXER_PORT) },
    output: ".dev/indexer.log",
  });

  step(`starting Next.js on http://localhost:${APP_PORT}`);
  startChild("next", bin("next"), ["dev", "--port", String(APP_PORT)], {
    env: { ...chainEnv, INDEXER_URL: `http://127.0.0.1:${INDEXER_PORT}`, NEXT_TELEMETRY_DISABLED: "1" },
    quiet: NEXT_NOISE,
  });
  step(`ready: open http://localhost:${APP_PORT}/models (Ctrl-C stops everything; logs in .dev/)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.kill(process.pid, "SIGTERM");
});

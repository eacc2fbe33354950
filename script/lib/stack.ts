// The whole stack as a production user runs it, on ports of the caller's choosing:
// anvil -> deploy -> typed ABIs -> indexer -> production build -> `next start`.
// Used by the browser tests and the web benchmark.
import path from "node:path";
import { ANVIL_KEYS, LOCAL_CHAIN_ID, startAnvil, waitFor } from "./anvil";
import { deployContracts } from "./deploy";
import { bin, run, startChild } from "./processes";
import { tempDir } from "./tempDir";

export interface StackOptions {
  anvilPort: number;
  appPort: number;
  indexerPort: number;
  /** Next.js build folder (kept apart from `npm run dev`'s .next). */
  distDir: string;
  /** Where the child processes' logs go. */
  logDir: string;
  /** Runs after the deploy and before the indexer and app start (e.g. seeding). */
  beforeServe?: (ctx: { rpcUrl: string; evidenceDir: string; appUrl: string }) => Promise<void>;
  log?: (message: string) => void;
}

export interface Stack {
  rpcUrl: string;
  appUrl: string;
  indexerUrl: string;
  evidenceDir: string;
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const log = options.log ?? (() => {});
  const { rpcUrl } = await startAnvil({
    port: options.anvilPort,
    log: path.join(options.logDir, "anvil.log"),
  });
  log(`anvil on ${rpcUrl}`);
  await deployContracts({ rpcUrl, chainId: LOCAL_CHAIN_ID, privateKey: ANVIL_KEYS[0] });
  await run(bin("wagmi"), ["generate"]);
  const evidenceDir = tempDir("evidence");
  const appUrl = `http://127.0.0.1:${options.appPort}`;
  await options.beforeServe?.({ rpcUrl, evidenceDir, appUrl });
  const indexerUrl = `http://127.0.0.1:${options.indexerPort}`;
  const chainEnv = { RPC_URL: rpcUrl, EVIDENCE_DIR: evidenceDir, CHAIN_ID: String(LOCAL_CHAIN_ID) };
  startChild("indexer", bin("tsx"), ["indexer/scripts/start.ts"], {
    // Its own PGlite folder: a local anvil's genesis is deterministic, so a shared folder would
    // let this stack's index and `npm run dev`'s see each other.
    env: {
      ...chainEnv,
      INDEXER_PORT: String(options.indexerPort),
      PGLITE_BASE_DIR: tempDir("pglite"),
    },
    output: path.join(options.logDir, "indexer.log"),
  });
  log("building the app (production build)");
  await run(bin("next"), ["build"], {
    env: { NEXT_DIST_DIR: options.distDir, INDEXER_URL: indexerUrl, NEXT_TELEMETRY_DISABLED: "1" },
  });
  await waitFor(
    async () => (await fetch(`${indexerUrl}/api/v1/status`).catch(() => null)) !== null,
    120_000,
    `the indexer did not start on ${indexerUrl}; see ${options.logDir}/indexer.log`,
  );
  log(`indexer on ${indexerUrl}`);
  startChild("next", bin("next"), ["start", "--port", String(options.appPort), "--hostname", "127.0.0.1"], {
    env: {
      ...chainEnv,
      NEXT_DIST_DIR: options.distDir,
      INDEXER_URL: indexerUrl,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    output: path.join(options.logDir, "next.log"),
  });
  await waitFor(
    async () => (await fetch(`${appUrl}/`).catch(() => null))?.ok === true,
    60_000,
    `the app did not start on ${appUrl}; see ${options.logDir}/next.log`,
  );
  log(`app on ${appUrl}`);
  return { rpcUrl, appUrl, indexerUrl, evidenceDir };
}

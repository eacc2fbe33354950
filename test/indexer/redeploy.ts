// Zero-downtime redeploy harness, shared by test/indexer/redeploy.test.ts and bench/run.ts: the
// router and indexer versions as child processes, and a probe that sends a request every 100 ms
// and sorts every answer into ok / failed / half-built.
import { type ChildProcess, spawn } from "node:child_process";
import { openSync } from "node:fs";
import path from "node:path";
import { type Chain, type Deployed, REPO, scaled, started } from "./helpers";

const TSX = path.join(REPO, "node_modules", ".bin", "tsx");

export interface Proc {
  url: string;
  child: ChildProcess;
  log: string;
}

function spawnScript(script: string, env: Record<string, string>, log: string): ChildProcess {
  const out = openSync(log, "a");
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.PORT; // the app's, if any: start.ts must not depend on its absence, but be clean
  const child = spawn(TSX, [script], {
    cwd: REPO,
    detached: true,
    stdio: ["ignore", out, out],
    env: childEnv,
  });
  started.push(child);
  return child;
}

/** indexer/scripts/router.ts on `port`. */
export function startRouter(opts: { port: number; databaseUrl: string; log: string }): Proc {
  const child = spawnScript(
    "indexer/scripts/router.ts",
    { ROUTER_PORT: String(opts.port), DATABASE_URL: opts.databaseUrl, CHAIN_ID: "31337" },
    opts.log,
  );
  return { url: `http://127.0.0.1:${opts.port}`, child, log: opts.log };
}

/** One indexer version (indexer/scripts/start.ts) labelled `version`, PostgreSQL. */
export function startVersion(opts: {
  version: string;
  port: number;
  databaseUrl: string;
  chain: Chain;
  deployed: Deployed;
  log: string;
}): Proc {
  const child = spawnScript(
    "indexer/scripts/start.ts",
    {
      INDEXER_VERSION: opts.version,
      INDEXER_PORT: String(opts.port),
      DATABASE_URL: opts.databaseUrl,
      RPC_URL: opts.chain.rpcUrl,
      CHAIN_ID: "31337",
      DEPLOYMENTS_DIR: opts.deployed.deploymentsDir,
      EVIDENCE_DIR: path.join(opts.deployed.dir, "evidence"),
      FOLLOW_CHAIN: "0",
      INDEXER_LOG_FORMAT: "json",
      METADATA_FETCH: "0",
    },
    opts.log,
  );
  return { url: `http://127.0.0.1:${opts.port}`, child, log: opts.log };
}

/** What a complete index of the chain answers on /api/v1/stats. */
export interface Complete {
  block: number;
  models: number;
  attestations: number;
}

export interface Answer {
  at: number;
  schema: string | null;
}

/**
 * Sends GET /api/v1/stats to `url` every `everyMs` (not waiting for the previous answer) until
 * stopped. An answer is failed if it is not a 200 (or the request fails), half-built if it
 * reports less than the complete index (an older block, fewer models or attestations).
 */
export function probe(url: string, complete: Complete, everyMs = 100) {
  const result = {
    sent: 0,
    ok: [] as Answer[],
    failed: [] as string[],
    halfBuilt: [] as string[],
    latencyMs: [] as number[],
  };
  const inFlight = new Set<Promise<void>>();
  const once = async () => {
    const at = Date.now();
    const t0 = performance.now();
    try {
      const response = await fetch(`${url}/api/v1/stats`, { signal: AbortSignal.timeout(scaled(30_000)) });
      const text = await response.text();
      result.latencyMs.push(performance.now() - t0);
      if (response.status !== 200) {
        result.failed.push(`${response.status} ${text.slice(0, 200)}`);
        return;
      }
      const body = JSON.parse(text) as {
        sync: { block: { number: number } };
        stats: { models: number; attestations: number };
      };
      const schema = response.headers.get("x-greenprint-schema");
      if (
        body.sync.block.number < complete.block ||
        body.stats.models !== complete.models ||
        body.stats.attestations !== complete.attestations
      ) {
        result.halfBuilt.push(
          `${schema}: block ${body.sync.block.number}, ${body.stats.models} models, ${body.stats.attestations} attestations`,
        );
        return;
      }
      result.ok.push({ at, schema });
    } catch (error) {
      const cause = (error as { cause?: { message?: string } }).cause?.message;
      result.failed.push(`${(error as Error).message}${cause ? ` (${cause})` : ""}`);
    }
  };
  const timer = setInterval(() => {
    result.sent++;
    const p = once();
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  }, everyMs);
  return {
    result,
    /** Stops sending and waits for the answers still in flight. */
    async stop() {
      clearInterval(timer);
      await Promise.all([...inFlight]);
      return result;
    },
  };
}

// The indexer as a child process, its HTTP answers (each checked against its route's schema) and
// the waits that follow it.
import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import { openSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { checkIndex } from "../../indexer/scripts/check-index";
import { checkAnswer, isApiAnswer } from "./apiContract";
import type { Chain, Deployed } from "./chain";
import { fatal, freePort, REPO, scaled, started, until } from "./processes";

// Every /api/v1 JSON answer these tests read (getJson, the typed client, plain fetch) is checked
// against its route's schema in lib/api first: an answer that drifts from it fails the test.
const fetchUnchecked = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const response = await fetchUnchecked(input, init);
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  if (isApiAnswer(url) && response.headers.get("content-type")?.includes("application/json"))
    checkAnswer(url, response.status, await response.clone().json());
  return response;
};

const BIN = path.join(REPO, "node_modules", ".bin");

export interface Indexer {
  url: string;
  child: ChildProcess;
  log: string;
}

export function startIndexer(opts: {
  port: number;
  chain: Chain;
  deployed: Deployed;
  pgliteDir?: string;
  databaseUrl?: string;
  schema: string;
  evidenceDir?: string;
  logFile: string;
  /** The Ponder app's directory (default indexer/). */
  root?: string;
  env?: Record<string, string>;
}): Indexer {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // Ponder prefers PORT over --port: never inherit one.
    PORT: String(opts.port),
    CHAIN_ID: "31337",
    RPC_URL: opts.chain.rpcUrl,
    DEPLOYMENTS_DIR: opts.deployed.deploymentsDir,
    DATABASE_SCHEMA: opts.schema,
    EVIDENCE_DIR: opts.evidenceDir ?? path.join(opts.deployed.dir, "evidence"),
    METADATA_FETCH: "0",
    ...opts.env,
  };
  delete env.DATABASE_URL;
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  else env.PGLITE_DIR = opts.pgliteDir ?? path.join(opts.deployed.dir, "pglite");
  const out = openSync(opts.logFile, "a");
  const child = spawn(
    path.join(BIN, "ponder"),
    ["start", "--port", String(opts.port), "--log-format", "json", "--log-level", "info"],
    {
      cwd: opts.root ?? path.join(REPO, "indexer"),
      env,
      detached: true,
      stdio: ["ignore", out, out],
    },
  );
  started.push(child);
  return { url: `http://127.0.0.1:${opts.port}`, child, log: opts.logFile };
}

export async function getJson<T = Record<string, unknown>>(
  url: string,
): Promise<{ status: number; body: T }> {
  // Bounded, so one lost request cannot stall a wait; generous, so a loaded machine still answers.
  const response = await fetch(url, { signal: AbortSignal.timeout(scaled(30_000)) });
  const text = await response.text();
  let body: T;
  try {
    body = JSON.parse(text) as T;
  } catch {
    body = text as T;
  }
  return { status: response.status, body };
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * Why an indexer cannot answer at its URL, read from its log: Ponder takes the next port by itself
 * when its port is busy, so a test would otherwise wait on the wrong port.
 */
function portProblem(indexer: Indexer): string | null {
  let text = "";
  try {
    text = readFileSync(indexer.log, "utf8");
  } catch {
    return null;
  }
  const expected = Number(new URL(indexer.url).port);
  for (const line of text.split("\n")) {
    const match = line.includes("Created HTTP server") ? /"port":(\d+)/.exec(line) : null;
    if (match && Number(match[1]) !== expected)
      return `Ponder listens on port ${match[1]}, not ${expected} (the port was taken; log ${indexer.log})`;
  }
  return null;
}

/**
 * Waits until the indexer reports a sync block >= `block`. It follows the indexer: the wait goes on
 * while the log grows or the synced block moves, and ends at once if the process exits or listens
 * on another port; it fails only after `stallMs` (scaled with the load) without any movement.
 */
export async function waitForSync(indexer: Indexer, block: bigint, stallMs = 60_000) {
  let synced = -1;
  return until(
    `indexer at ${indexer.url} to reach block ${block} (log: ${indexer.log})`,
    stallMs,
    async () => {
      if (indexer.child.exitCode !== null || indexer.child.signalCode !== null)
        throw fatal(
          `indexer exited with ${indexer.child.exitCode ?? indexer.child.signalCode}; log ${indexer.log}`,
        );
      const problem = portProblem(indexer);
      if (problem) throw fatal(problem);
      const { status, body } = await getJson<{ sync?: { block: { number: number } } }>(
        `${indexer.url}/api/v1/status`,
      );
      if (status === 200 && body.sync) synced = body.sync.block.number;
      return status === 200 && body.sync && BigInt(body.sync.block.number) >= block ? body : null;
    },
    () => [fileSize(indexer.log), synced],
  );
}

/** A week in seconds (the protocol's default challenge window is counted in them). */
export const WEEK = 7 * 24 * 3600;

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies
export type Json = any;

/**
 * Indexes the chain as it is now into its own schema (PGlite in `dir`, log in dir/ponder.log) and
 * waits until the API answers its current head.
 */
export async function indexChain(opts: {
  chain: Chain;
  deployed: Deployed;
  schema: string;
  dir: string;
  evidenceDir?: string;
}): Promise<Indexer> {
  const indexer = startIndexer({
    port: await freePort(),
    chain: opts.chain,
    deployed: opts.deployed,
    schema: opts.schema,
    ...(opts.evidenceDir ? { evidenceDir: opts.evidenceDir } : {}),
    logFile: path.join(opts.dir, "ponder.log"),
  });
  await waitForSync(indexer, await opts.chain.client.getBlockNumber());
  return indexer;
}

/** check-index (the chain's logs and the contract's statuses against the API): no difference allowed. */
export async function assertIndexMatchesChain(indexer: { url: string }, chain: Chain, deployed: Deployed) {
  const result = await checkIndex({
    indexerUrl: indexer.url,
    rpcUrl: chain.rpcUrl,
    chainId: 31337,
    deploymentsDir: deployed.deploymentsDir,
  });
  assert.deepEqual(result.differences, []);
  return result;
}

// Starts the indexer (ponder start) for the chain behind RPC_URL, with a database that belongs to
// that exact chain: its identity is (chain id, genesis block hash, deployment file). A local anvil
// restarted with the same chain id is a new identity, so it never resumes the old chain's index:
//  - PGlite: one directory per identity, indexer/.ponder/pglite-<identity> (older ones of the same
//    chain id are removed);
//  - PostgreSQL: one schema per identity (DATABASE_SCHEMA overrides), and the ponder_sync cache
//    rows of that chain id are dropped when the identity changes (they belong to the old chain).
// While running it polls the genesis hash; if the chain is replaced it restarts ponder on a fresh
// database (FOLLOW_CHAIN=0 disables that; the API answers 503 "chain_replaced" meanwhile either way).
//
//   INDEXER_PORT=42069 RPC_URL=http://127.0.0.1:8545 CHAIN_ID=31337 npx tsx indexer/scripts/start.ts
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { createPublicClient, http } from "viem";
import {
  chainId,
  deploymentFile,
  INDEXER_ROOT,
  LOCAL_CHAIN_ID,
  loadDeployment,
  REPO_ROOT,
  rpcUrl,
} from "../src/lib/settings";

const port = Number(process.env.INDEXER_PORT ?? process.env.PORT ?? 42069);
const id = chainId();
const client = createPublicClient({ transport: http(rpcUrl(), { timeout: 3000, retryCount: 0 }) });
const log = (message: string) => console.log(`[indexer] ${message}`);

async function genesisHash(timeoutMs: number): Promise<`0x${string}`> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const remote = await client.getChainId();
      if (remote !== id) throw new Error(`RPC ${rpcUrl()} serves chain ${remote}, CHAIN_ID is ${id}`);
      return (await client.getBlock({ blockNumber: 0n })).hash;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

export function identityOf(genesis: string): string {
  loadDeployment(id); // fails early with a clear message if the deployment is missing
  const deployment = createHash("sha256")
    .update(readFileSync(deploymentFile(id)))
    .digest("hex")
    .slice(0, 8);
  return `${id}_${genesis.slice(2, 10)}_${deployment}`;
}

async function preparePostgres(identity: string) {
  const { default: pg } = await import("pg");
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  try {
    await pool.query("create schema if not exists greenprint_indexer");
    await pool.query(
      "create table if not exists greenprint_indexer.chain_identity (chain_id bigint primary key, identity text not null)",
    );
    const { rows } = await pool.query(
      "select identity from greenprint_indexer.chain_identity where chain_id = $1",
      [id],
    );
    if (rows[0]?.identity !== identity) {
      const tables = await pool.query(
        "select table_name from information_schema.columns where table_schema = 'ponder_sync' and column_name = 'chain_id'",
      );
      for (const { table_name } of tables.rows as Array<{ table_name: string }>) {
        await pool.query(`delete from ponder_sync."${table_name.replace(/"/g, '""')}" where chain_id = $1`, [
          id,
        ]);
      }
      if (rows.length > 0)
        log(`chain ${id} was replaced (${rows[0].identity} -> ${identity}): dropped its cached RPC data`);
      await pool.query(
        "insert into greenprint_indexer.chain_identity (chain_id, identity) values ($1, $2) on conflict (chain_id) do update set identity = excluded.identity",
        [id, identity],
      );
    }
  } finally {
    await pool.end();
  }
}

function preparePglite(identity: string): string {
  const base = path.resolve(process.env.PGLITE_BASE_DIR ?? path.join(INDEXER_ROOT, ".ponder"));
  const dir = path.join(base, `pglite-${identity}`);
  try {
    for (const entry of readdirSync(base)) {
      if (entry.startsWith(`pglite-${id}_`) && entry !== path.basename(dir)) {
        rmSync(path.join(base, entry), { recursive: true, force: true });
        log(`removed the index of a previous chain ${id}: ${entry}`);
      }
    }
  } catch {
    // no .ponder yet
  }
  return dir;
}

let child: ChildProcess | null = null;
let stopping = false;

async function launch(): Promise<string> {
  const genesis = await genesisHash(120_000);
  const identity = identityOf(genesis);
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PONDER_TELEMETRY_DISABLED: "true",
  };
  if (process.env.DATABASE_URL) {
    await preparePostgres(identity);
    env.DATABASE_SCHEMA = process.env.DATABASE_SCHEMA ?? `gp_${identity}`;
  } else {
    env.PGLITE_DIR = process.env.PGLITE_DIR ?? preparePglite(identity);
    env.DATABASE_SCHEMA = process.env.DATABASE_SCHEMA ?? "public";
  }
  log(
    `chain ${id} at ${rpcUrl()}, genesis ${genesis.slice(0, 12)}…, schema ${env.DATABASE_SCHEMA}, API on port ${port}`,
  );
  const ponder = path.join(REPO_ROOT, "node_modules", ".bin", "ponder");
  child = spawn(
    ponder,
    [
      "start",
      "--port",
      String(port),
      ...(process.env.INDEXER_LOG_FORMAT ? ["--log-format", process.env.INDEXER_LOG_FORMAT] : []),
    ],
    {
      cwd: INDEXER_ROOT,
      env,
      stdio: "inherit",
    },
  );
  const started = child;
  started.on("exit", async (code, signal) => {
    if (child !== started) return; // replaced on purpose
    if (!stopping) {
      log(`ponder exited (${signal ?? code})`);
      // Exited because the chain was replaced under it? Then follow the new chain.
      const now = await client
        .getBlock({ blockNumber: 0n })
        .then((b) => b.hash)
        .catch(() => null);
      if (following() && now !== null && now !== current) {
        await relaunch(now);
        return;
      }
    }
    process.exit(code ?? 1);
  });
  return genesis;
}

let current: string | null = null;
let relaunching = false;

function following(): boolean {
  return process.env.FOLLOW_CHAIN === "1" || (id === LOCAL_CHAIN_ID && process.env.FOLLOW_CHAIN !== "0");
}

async function relaunch(now: string) {
  if (relaunching) return;
  relaunching = true;
  log(`the chain at ${rpcUrl()} was replaced (genesis ${now.slice(0, 12)}…): restarting on a fresh index`);
  const old = child;
  child = null;
  if (old && old.exitCode === null && old.signalCode === null) {
    old.kill("SIGTERM");
    const killer = setTimeout(() => old.kill("SIGKILL"), 10_000);
    await new Promise((r) => old.once("exit", r));
    clearTimeout(killer);
  }
  current = await launch();
  relaunching = false;
}

async function main() {
  current = await launch();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      stopping = true;
      if (child) child.kill(signal);
      else process.exit(0);
    });
  }
  if (!following()) return;
  for (;;) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = await client
      .getBlock({ blockNumber: 0n })
      .then((b) => b.hash)
      .catch(() => null);
    if (now === null || now === current || stopping || relaunching) continue;
    await relaunch(now);
  }
}

main().catch((error: unknown) => {
  console.error(`[indexer] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});

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
// Each version of the indexing code gets its own schema (a hash of the code that shapes the index,
// or INDEXER_VERSION), so a new version never resumes nor refuses the tables of another one. With
// PostgreSQL that is what makes redeploys free of downtime (indexer/README.md, "Redeploy"): the new
// version backfills into its own schema while the previous one keeps answering; once Ponder reports
// it ready it records itself as live (indexer/scripts/live.ts), Ponder points the views schema at
// its tables, the router (indexer/scripts/router.ts) sends it the traffic, and the previous version
// stops by itself.
//
//   INDEXER_PORT=42069 RPC_URL=http://127.0.0.1:8545 CHAIN_ID=31337 npx tsx indexer/scripts/start.ts
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
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

// Only INDEXER_PORT: PORT belongs to the web app (npm run dev passes both), and Ponder itself would
// prefer PORT over --port, so the child gets its port explicitly in both.
const port = Number(process.env.INDEXER_PORT ?? 42069);
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

/** Every file under `dir` (recursively) whose name ends with .ts, sorted. */
function tsFiles(dir: string, skip: (file: string) => boolean = () => false): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((f) => path.join(dir, f))
    .filter((f) => f.endsWith(".ts") && !skip(f) && statSync(f).isFile())
    .sort();
}

/**
 * The version of the indexer's code: Ponder's version, the config, the schema, everything under
 * src/ (handlers and API) and the lib/ modules they compute with. Ponder refuses to resume a schema
 * built by other handlers, hence one schema per version; the API is included so that every
 * redeploy, even of an API-only change, gets a schema of its own and goes through the hand-over
 * (the running version keeps its schema locked until it stops).
 */
export function codeVersion(): string {
  if (process.env.INDEXER_VERSION) {
    if (!/^[a-z0-9]{1,8}$/.test(process.env.INDEXER_VERSION))
      throw new Error(
        `INDEXER_VERSION must be 1-8 characters of [a-z0-9], got "${process.env.INDEXER_VERSION}"`,
      );
    return process.env.INDEXER_VERSION;
  }
  const hash = createHash("sha256");
  const ponderPackage = path.join(REPO_ROOT, "node_modules", "ponder", "package.json");
  hash.update(JSON.parse(readFileSync(ponderPackage, "utf8")).version);
  const files = [
    path.join(INDEXER_ROOT, "ponder.config.ts"),
    path.join(INDEXER_ROOT, "ponder.schema.ts"),
    ...tsFiles(path.join(INDEXER_ROOT, "src")),
    ...tsFiles(path.join(REPO_ROOT, "lib"), (f) => path.dirname(f) !== path.join(REPO_ROOT, "lib")),
  ];
  for (const file of files) hash.update(path.relative(REPO_ROOT, file)).update(readFileSync(file));
  return hash.digest("hex").slice(0, 8);
}

/** Fails early if something already listens on `port`: Ponder would silently take the next one. */
function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new Error(
              `port ${port} (INDEXER_PORT) is already in use: stop what listens there or choose another`,
            )
          : error,
      ),
    );
    server.listen(port, () => server.close(() => resolve()));
  });
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
/** Stopped because a newer version took over: a normal end. */
let retired = false;

/** The schema this process's Ponder writes (set by launch). */
let ownSchema = "";

async function launch(): Promise<string> {
  const genesis = await genesisHash(120_000);
  const identity = identityOf(genesis);
  const version = codeVersion();
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    // Ponder reads PORT before --port: the app's PORT must not reach it.
    PORT: String(port),
    // The API refuses to serve once the RPC's genesis differs (a replaced chain), even if Ponder
    // went on indexing the new chain's blocks on top of the old chain's rows.
    INDEXER_GENESIS_HASH: genesis,
  };
  if (process.env.DATABASE_URL) {
    await preparePostgres(identity);
    env.DATABASE_SCHEMA = process.env.DATABASE_SCHEMA ?? `gp_${identity}_${version}`;
    // Ponder (re)creates these views over its tables when its backfill is complete: SQL readers of
    // the views schema switch to a new version at the same moment as the router.
    env.DATABASE_VIEWS_SCHEMA = process.env.DATABASE_VIEWS_SCHEMA ?? `greenprint_${id}`;
  } else {
    env.PGLITE_DIR = process.env.PGLITE_DIR ?? preparePglite(identity);
    env.DATABASE_SCHEMA = process.env.DATABASE_SCHEMA ?? `gp_${version}`;
  }
  ownSchema = env.DATABASE_SCHEMA;
  await assertPortFree(port);
  log(
    `chain ${id} at ${rpcUrl()}, genesis ${genesis.slice(0, 12)}…, code version ${version}, schema ${ownSchema}, API on port ${port}`,
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
  if (process.env.DATABASE_URL) void goLiveWhenReady(started, ownSchema, version);
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
    process.exit(retired ? 0 : (code ?? 1));
  });
  return genesis;
}

const ownUrl = process.env.INDEXER_URL_ADVERTISED ?? `http://127.0.0.1:${port}`;

/** Resolves once this Ponder answers `/ready` with 200 (backfill complete); null if it exited. */
async function readyOrExit(started: ChildProcess): Promise<boolean> {
  for (;;) {
    if (child !== started || started.exitCode !== null || started.signalCode !== null) return false;
    const ok = await fetch(`http://127.0.0.1:${port}/ready`, { signal: AbortSignal.timeout(5000) })
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The block an indexer's API reports as synced, or null if it does not answer. */
async function syncedBlock(url: string): Promise<number | null> {
  try {
    const response = await fetch(`${url}/api/v1/status`, { signal: AbortSignal.timeout(5000) });
    if (response.status !== 200) return null;
    const body = (await response.json()) as { sync?: { block?: { number?: number } } };
    return body.sync?.block?.number ?? null;
  } catch {
    return null;
  }
}

/**
 * PostgreSQL: once ready and caught up with the live version, record this version as the live one (the router switches to it), then
 * watch the record: when a newer version takes over, stop after a short drain.
 */
async function goLiveWhenReady(started: ChildProcess, schema: string, version: string) {
  if (!(await readyOrExit(started))) return;
  const { ensureLiveTable, livePool, readLive, setLive } = await import("./live");
  const pool = livePool(process.env.DATABASE_URL as string);
  try {
    await ensureLiveTable(pool);
    // Ready means the backfill reached the finalized block; the live version may already serve
    // newer blocks. Switching before catching up would answer with an older block (and, on a busy
    // chain, without its latest events): wait until this version's block reaches the live one's.
    for (;;) {
      if (child !== started || stopping) return;
      const live = await readLive(pool, id);
      if (!live || live.schema === schema) break;
      const theirs = await syncedBlock(live.url);
      const ours = await syncedBlock(`http://127.0.0.1:${port}`);
      if (theirs === null || (ours !== null && ours >= theirs)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const previous = await setLive(pool, id, { schema, url: ownUrl, version });
    log(
      `live: version ${version} (schema ${schema}, ${ownUrl}) answers the API${previous && previous.schema !== schema ? `; it replaces ${previous.version} (schema ${previous.schema})` : ""}`,
    );
    if (process.env.RETIRE_WHEN_REPLACED === "0") return;
    for (;;) {
      await new Promise((r) => setTimeout(r, 1000));
      if (child !== started || stopping) return;
      const live = await readLive(pool, id).catch(() => undefined);
      if (live === undefined || live === null || live.schema === schema) continue;
      // The router switched on its next poll; requests already sent here finish meanwhile.
      const drainMs = Number(process.env.RETIRE_DRAIN_MS ?? 3000);
      log(`replaced by version ${live.version} (schema ${live.schema}): stopping in ${drainMs} ms`);
      await new Promise((r) => setTimeout(r, drainMs));
      stopping = true;
      retired = true;
      started.kill("SIGTERM");
      return;
    }
  } catch (error) {
    log(`could not record the live version: ${error instanceof Error ? error.message : error}`);
  } finally {
    await pool.end().catch(() => undefined);
  }
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

// Benchmark (not a timed test), on a private anvil and a private PostgreSQL (Debian's binaries;
// a fresh server each run). Seeds MODELS models x PER_MODEL attestations (batched through
// bench/contracts/Seeder.sol), all verified and Final, then measures
//  - backfill: Greenprint's indexer and a bare Ponder app of the same events (handlers that do
//    nothing, indexer/bench/bare), each cold (empty database) and with the sync cached (a new
//    schema in the same database: Ponder re-reads the logs from its ponder_sync tables), one after
//    the other on the same chain; Greenprint's share of the bare figure;
//  - API latency p50/p95/p99 of eight leaderboard queries (sequential, after one warm-up each);
//  - live: bursts of new attestations while it follows the head, events/s and block lag;
//  - re-index without downtime: router + version A, then version B backfills while a request is
//    sent every 100 ms through the router: failed answers, answers from a half-built index;
//  - sparse chain: SPARSE_BLOCKS (10,000) blocks of one attestation each, time to a full index
//    (Greenprint; SPARSE_BARE=1 adds the bare app).
// Writes bench/results/<timestamp>.json and prints Markdown tables for bench/README.md. Each phase is a
// file of its own beside this one (latency, live, reindex, sparse; indexing and setup for what they share).
//
//   npx tsx bench/run.ts                 # 10,000 models x 10 = 100,000 attestations
//   MODELS=1000 PER_MODEL=10 SPARSE_BLOCKS=1000 npx tsx bench/run.ts    # a quick run
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { checkIndex } from "../indexer/scripts/check-index";
import { getJson, killAll, stop, tempDir, waitForSync } from "../test/indexer/helpers";
import { indexOnce, type Run, stopIndexer } from "./indexing";
import { measureLatency } from "./latency";
import { measureLive } from "./live";
import { measureReindex } from "./reindex";
import { printReport } from "./report";
import { seed } from "./seeder";
import { databases, newChain } from "./setup";
import { measureSparse } from "./sparse";
import { log } from "./timing";

const MODELS = Number(process.env.MODELS ?? 10_000);
const PER_MODEL = Number(process.env.PER_MODEL ?? 10);
const SPARSE_BLOCKS = Number(process.env.SPARSE_BLOCKS ?? 10_000);
const SAMPLES = Number(process.env.SAMPLES ?? 200);
const CHECK = process.env.CHECK !== "0";
<<<<<<< HEAD
=======
// BACKFILL_ONLY=1 stops after the side-by-side backfill table (the quick loop while tuning handlers);
// CPU_PROF=<dir> writes a V8 CPU profile of each Greenprint backfill run there (node --cpu-prof).
const BACKFILL_ONLY = process.env.BACKFILL_ONLY === "1";
const CPU_PROF = process.env.CPU_PROF;
// BASELINE_ROOT=<dir>: another checkout's indexer/ (e.g. `git worktree` of the previous commit, or a
// copy of its indexer/ beside this one) indexed in the same run, for a before/after on the same load.
const BASELINE_ROOT = process.env.BASELINE_ROOT ? path.resolve(process.env.BASELINE_ROOT) : undefined;
const BARE_ROOT = path.join(REPO, "indexer", "bench", "bare");

const QUERIES: Array<[string, string]> = [
  ["top 100, default sort (intensity asc)", "pageSize=100"],
  ["top 100 by total emissions desc", "sort=totalG&order=desc&pageSize=100"],
  ["filter kind + region, by energy", "kind=PRETRAINING&region=FR&sort=energyWh&order=desc&pageSize=100"],
  [
    "filter size + trust, market basis",
    "size=large&trust=METER,SOFTWARE&basis=market&sort=emissionsG&pageSize=100",
  ],
  [
    "include=verified, region, page 5, g/1B params",
    "include=verified&region=US&sort=gPerBillionParams&page=5&pageSize=100",
  ],
  // Every seeded attestation is verified, so this measures the self-reported path's own cost (its
  // SQL sum per snapshot, then the cached walk), not a large ranking.
  ["self-reported, top 100", "include=self-reported&pageSize=100"],
  // SPEC 9 (v1.1) efficiency: every seeded attestation carries work units, and the seeded models
  // have no task, so all 10,000 are one peer group (the largest rating pass there can be).
  ["top 100 by efficiency rating", "sort=efficiency&pageSize=100"],
  ["filter size + kind, by Wh/PFLOP", "size=large&kind=PRETRAINING&sort=mWhPerPflop&pageSize=100"],
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const t0 = performance.now();
const log = (m: string) => console.log(`[bench +${((performance.now() - t0) / 1000).toFixed(1)}s] ${m}`);

function size(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** Ponder's own backfill duration (its "Completed backfill indexing" log line), in seconds. */
function ponderBackfillSeconds(logFile: string): number | null {
  for (const line of readFileSync(logFile, "utf8").split("\n")) {
    if (!line.includes("Completed backfill indexing")) continue;
    try {
      const duration = (JSON.parse(line) as { duration?: number }).duration;
      if (typeof duration === "number") return duration / 1000;
    } catch {
      // not JSON
    }
  }
  return null;
}

/** Waits until Ponder's own /status (the same for both apps) reports `block` for the chain. */
async function waitForPonderBlock(indexer: Indexer, block: bigint) {
  await until(
    `${indexer.url} to reach block ${block} (log ${indexer.log})`,
    120_000,
    async () => {
      if (indexer.child.exitCode !== null) throw fatal(`exited; log ${indexer.log}`);
      const { status, body } = await getJson<Record<string, { block: { number: number } }>>(
        `${indexer.url}/status`,
      );
      return status === 200 && (body.chain?.block.number ?? -1) >= Number(block);
    },
    () => size(indexer.log),
  );
}

interface Run {
  app: "greenprint" | "bare" | "baseline";
  sync: "cold" | "cached";
  /** Spawn to the head visible in /status, start-up (build, migrations) included. */
  wallSeconds: number;
  /** Ponder's "Completed backfill indexing" duration. */
  backfillSeconds: number | null;
  /**
   * CPU time (user + system) of the indexer's process until then: less sensitive than wall time
   * to the other jobs on a shared machine (PostgreSQL's own work is not in it).
   */
  cpuSeconds: number | null;
}

/** utime + stime of a process from /proc (Linux), in seconds; null elsewhere. */
function cpuSecondsOf(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    // fields[0] is the state (field 3): utime and stime are fields 14 and 15.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** Starts one app on the chain and waits for the head; returns it running. */
async function indexOnce(opts: {
  app: Run["app"];
  sync: Run["sync"];
  chain: Chain;
  deployed: Deployed;
  databaseUrl: string;
  dir: string;
  head: bigint;
  label: string;
}): Promise<{ run: Run; indexer: Indexer }> {
  const logFile = path.join(opts.dir, `${opts.label}-${opts.app}-${opts.sync}.log`);
  const startedAt = performance.now();
  const indexer = startIndexer({
    port: await freePort(),
    chain: opts.chain,
    deployed: opts.deployed,
    // A cached run is a new schema of the same database: only Ponder's ponder_sync tables are warm.
    schema: `${opts.label}_${opts.sync}`,
    databaseUrl: opts.databaseUrl,
    logFile,
    root: opts.app === "bare" ? BARE_ROOT : opts.app === "baseline" ? BASELINE_ROOT : undefined,
    env: {
      PONDER_DISABLE_CACHE: "0",
      ...(CPU_PROF && opts.app === "greenprint" && opts.label === "dense"
        ? {
            NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${path.resolve(CPU_PROF)} --cpu-prof-name=${opts.sync}.cpuprofile`,
          }
        : {}),
    },
  });
  await waitForPonderBlock(indexer, opts.head);
  const run: Run = {
    app: opts.app,
    sync: opts.sync,
    wallSeconds: (performance.now() - startedAt) / 1000,
    backfillSeconds: ponderBackfillSeconds(logFile),
    cpuSeconds: cpuSecondsOf(indexer.child.pid),
  };
  log(
    `${opts.label} ${opts.app} ${opts.sync}: head after ${run.wallSeconds.toFixed(1)} s (Ponder's backfill ${run.backfillSeconds?.toFixed(1) ?? "?"} s, CPU ${run.cpuSeconds?.toFixed(1) ?? "?"} s)`,
  );
  return { run, indexer };
}

const find = (list: Run[], app: Run["app"], sync: Run["sync"]) =>
  list.find((r) => r.app === app && r.sync === sync);

/** The side-by-side backfill table (Markdown), with the machine load at the time. */
function printBackfill(runs: Run[], events: number) {
  const fig = (r: Run | undefined) =>
    r
      ? `${r.wallSeconds.toFixed(1)} s (${Math.round(events / r.wallSeconds)} events/s); Ponder's backfill ${r.backfillSeconds?.toFixed(1) ?? "?"} s; CPU ${r.cpuSeconds?.toFixed(1) ?? "?"} s`
      : "?";
  console.log(
    `\nload average ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")}`,
  );
  console.log(
    `| ${events} events | bare Ponder | Greenprint | Greenprint / bare (throughput) |\n|---|---|---|---|`,
  );
  for (const sync of ["cold", "cached"] as const) {
    const bare = find(runs, "bare", sync);
    const gp = find(runs, "greenprint", sync);
    const share = bare && gp ? `**${Math.round((100 * bare.wallSeconds) / gp.wallSeconds)} %**` : "?";
    const cpuShare =
      bare?.cpuSeconds && gp?.cpuSeconds ? `${Math.round((100 * bare.cpuSeconds) / gp.cpuSeconds)} %` : "?";
    console.log(`| ${sync} | ${fig(bare)} | ${fig(gp)} | ${share} (CPU ${cpuShare}) |`);
    const base = find(runs, "baseline", sync);
    if (base && bare)
      console.log(
        `| ${sync}, baseline | | ${fig(base)} | ${Math.round((100 * bare.wallSeconds) / base.wallSeconds)} % (CPU ${bare.cpuSeconds && base.cpuSeconds ? Math.round((100 * bare.cpuSeconds) / base.cpuSeconds) : "?"} %) |`,
      );
  }
}

async function stopIndexer(indexer: Indexer) {
  stop(indexer.child, "SIGTERM");
  await waitExit(indexer.child);
}

/** The bench's own PostgreSQL; one database per app, so that each app's cold run is really cold. */
async function databases(dir: string) {
  const server = await startPostgres(dir);
  process.on("exit", () => server.stop());
  return { url: (db: string) => server.url.replace(/\/postgres$/, `/${db}`), psql: server.psql };
}

async function newChain(dir: string) {
  const chain = await startAnvil(await freePort(), ["--gas-limit", "2000000000"]);
  const deployed = deploy(chain, dir);
  const target = {
    rpcUrl: chain.rpcUrl,
    client: chain.client,
    modelRegistry: deployed.addresses.ModelRegistry,
    attestationRegistry: deployed.addresses.AttestationRegistry,
  };
  return { chain, deployed, target, seeder: await deploySeeder(target) };
}
>>>>>>> idx

async function main() {
  const dir = tempDir("bench");
  log(`workdir ${dir}; ${MODELS} models x ${PER_MODEL} attestations; sparse ${SPARSE_BLOCKS} blocks`);
  const db = await databases(tempDir("bench-pg"));
  for (const name of [
    "dense_greenprint",
    "dense_bare",
    "dense_baseline",
    "redeploy",
    "sparse_greenprint",
    "sparse_bare",
  ])
    db.psql(`create database ${name}`);
  const { chain, deployed, target, seeder } = await newChain(dir);
  const seedStart = performance.now();
  const seeded = await seed(target, seeder, {
    models: MODELS,
    perModel: PER_MODEL,
    verifyShare: 1,
    modelsPerTx: 1000,
    attestationsPerTx: 500,
    verificationsPerTx: 1000,
    onProgress: log,
  });
  const seedSeconds = (performance.now() - seedStart) / 1000;
  // Past the challenge window (all Final), and 40 empty blocks so every seeded block is older than
  // the indexer's finality depth (30 blocks on an unknown chain) and goes through the backfill.
  await chain.client.request({ method: "evm_increaseTime" as never, params: [8 * 24 * 3600] as never });
  await chain.client.request({ method: "anvil_mine" as never, params: ["0x28"] as never });
  const head = await chain.client.getBlockNumber();
  log(`seeded in ${seedSeconds.toFixed(1)} s: head ${head}`);

  // ---- backfill: bare and Greenprint, cold then cached, on the same chain
  const runs: Run[] = [];
  const common = { chain, deployed, dir, head, label: "dense" };
  for (const sync of ["cold", "cached"] as const) {
    for (const app of BASELINE_ROOT
      ? (["bare", "baseline", "greenprint"] as const)
      : (["bare", "greenprint"] as const)) {
      const { run, indexer } = await indexOnce({ ...common, app, sync, databaseUrl: db.url(`dense_${app}`) });
      runs.push(run);
      if (BACKFILL_ONLY && app === "greenprint" && sync === "cached") {
        await waitForSync(indexer, head);
        const events = (await getJson<{ stats: { eventsIndexed: number } }>(`${indexer.url}/api/v1/stats`))
          .body.stats.eventsIndexed;
        printBackfill(runs, events);
      }
      await stopIndexer(indexer);
    }
  }
  if (BACKFILL_ONLY) {
    stop(chain.child, "SIGKILL");
    return;
  }
  // Greenprint once more (cached) for the API measurements.
  const { indexer } = await indexOnce({
    ...common,
    label: "api",
    app: "greenprint",
    sync: "cached",
    databaseUrl: db.url("dense_greenprint"),
  });
  await waitForSync(indexer, head);
  const stats = (
    await getJson<{ stats: { eventsIndexed: number; attestations: number; models: number } }>(
      `${indexer.url}/api/v1/stats`,
    )
  ).body.stats;
  log(`${stats.eventsIndexed} events indexed, ${stats.models} models, ${stats.attestations} attestations`);

  // ---- API latency (the chain is idle, so the snapshot is built once, by the first request)
  const latency = await measureLatency(indexer, SAMPLES);

  // ---- live: bursts of new attestations while the indexer follows the head
  const { afterStats, result: live } = await measureLive({
    chain,
    indexer,
    target,
    seeder,
    models: MODELS,
    perModel: PER_MODEL,
    stats,
  });

  let check: { differences: number; compared: number } | null = null;
  if (CHECK) {
    const r = await checkIndex({
      indexerUrl: indexer.url,
      rpcUrl: chain.rpcUrl,
      chainId: 31337,
      deploymentsDir: deployed.deploymentsDir,
    });
    check = { differences: r.differences.length, compared: r.compared };
    log(`check-index: ${r.compared} aggregates compared, ${r.differences.length} differences`);
  }
  await stopIndexer(indexer);

  // ---- re-index without downtime: router + version A; version B backfills; a request per 100 ms
  // A complete index answers everything up to the live phase's single-transaction lag probe.
  const reindex = await measureReindex({
    chain,
    deployed,
    databaseUrl: db.url("redeploy"),
    dir,
    expected: { models: afterStats.models + 1, attestations: afterStats.attestations + 1 },
  });
  stop(chain.child, "SIGKILL");

  // ---- sparse chain: one attestation per block
  const sparse = await measureSparse({
    dir,
    blocks: SPARSE_BLOCKS,
    databaseUrl: (app) => db.url(`sparse_${app}`),
    withBare: process.env.SPARSE_BARE === "1",
  });

  const result = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model,
      memGB: Math.round(os.totalmem() / 2 ** 30),
      loadavgAtEnd: os.loadavg(),
      node: process.version,
    },
    database: "postgres (private server, fsync off)",
    seeded: {
      models: MODELS,
      attestations: seeded.attestations,
      verified: seeded.verified,
      blocks: Number(head),
      seconds: seedSeconds,
    },
    events: stats.eventsIndexed,
    runs,
    live,
    latency,
    check,
    reindex,
    sparse: sparse.result,
  };
  mkdirSync(path.join(import.meta.dirname, "results"), { recursive: true });
  const out = path.join(import.meta.dirname, "results", `${result.date.replace(/[:.]/g, "-")}.json`);
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nresults: ${out}\n`);
<<<<<<< HEAD
  printReport(result);
=======
  printBackfill(runs, stats.eventsIndexed);
  const sb = find(sparseRuns, "bare", "cold");
  const sg = find(sparseRuns, "greenprint", "cold");
  console.log(
    `\nsparse (${SPARSE_BLOCKS} blocks, one attestation each): bare ${sb?.wallSeconds.toFixed(1)} s, Greenprint ${sg?.wallSeconds.toFixed(1)} s (Ponder's backfill ${sg?.backfillSeconds?.toFixed(1)} s)`,
  );
  console.log(
    `\nlive: ${result.live.events} events in ${liveSeconds.toFixed(1)} s = ${Math.round(result.live.eventsPerSecond)} events/s; one tx seen by the API after ${lagMs.toFixed(0)} ms`,
  );
  console.log(
    `re-index: ${reindex.requests} requests every 100 ms, ${reindex.failed} failed, ${reindex.halfBuilt} half-built (${reindex.byA} by the old version, ${reindex.byB} by the new); switch ${switchedAfter.toFixed(1)} s after the new version started; p95 ${reindex.p95Ms.toFixed(1)} ms`,
  );
  console.log(`\n| query | rows | cold ms | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|---|`);
  for (const l of latency)
    console.log(
      `| ${l.name} (\`${l.query}\`) | ${l.total} | ${l.cold.toFixed(0)} | ${l.p50.toFixed(1)} | ${l.p95.toFixed(1)} | ${l.p99.toFixed(1)} |`,
    );
>>>>>>> idx
  stop(sparse.chain.child, "SIGKILL");
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => killAll());

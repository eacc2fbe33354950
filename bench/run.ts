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
import { BASELINE_ROOT, indexOnce, type Run, stopIndexer } from "./indexing";
import { measureLatency } from "./latency";
import { measureLive } from "./live";
import { measureReindex } from "./reindex";
import { printBackfill, printReport } from "./report";
import { seed } from "./seeder";
import { databases, newChain } from "./setup";
import { measureSparse } from "./sparse";
import { log } from "./timing";

const MODELS = Number(process.env.MODELS ?? 10_000);
const PER_MODEL = Number(process.env.PER_MODEL ?? 10);
const SPARSE_BLOCKS = Number(process.env.SPARSE_BLOCKS ?? 10_000);
const SAMPLES = Number(process.env.SAMPLES ?? 200);
const CHECK = process.env.CHECK !== "0";
// BACKFILL_ONLY=1 stops after the side-by-side backfill table (the quick loop while tuning handlers).
const BACKFILL_ONLY = process.env.BACKFILL_ONLY === "1";

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
  printReport(result);
  stop(sparse.chain.child, "SIGKILL");
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => killAll());

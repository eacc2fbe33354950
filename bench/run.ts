// Benchmark (not a timed test): seeds MODELS models x PER_MODEL attestations on a private anvil
// (batched through bench/contracts/Seeder.sol), all verified and Final, then measures
//  - backfill: the indexer started on the seeded chain, events/s until it reaches the head;
//  - live: bursts of new attestations while it follows the head, events/s and block lag;
//  - API latency p50/p95/p99 of five leaderboard queries (sequential, after one warm-up each).
// Writes bench/results/<timestamp>.json and prints a Markdown table for bench/README.md.
//
//   npx tsx bench/run.ts                 # 10,000 models x 10 = 100,000 attestations
//   MODELS=1000 PER_MODEL=10 npx tsx bench/run.ts    # a quick run
//   DATABASE_URL=postgresql://... npx tsx bench/run.ts  # PostgreSQL instead of PGlite
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { checkIndex } from "../indexer/scripts/check-index";
import {
  deploy,
  getJson,
  killAll,
  startAnvil,
  startIndexer,
  stop,
  tempDir,
  waitExit,
  waitForSync,
} from "../test/indexer/helpers";
import { deploySeeder, seed } from "./seeder";

const MODELS = Number(process.env.MODELS ?? 10_000);
const PER_MODEL = Number(process.env.PER_MODEL ?? 10);
const ANVIL_PORT = Number(process.env.BENCH_ANVIL_PORT ?? 8620);
const INDEXER_PORT = Number(process.env.BENCH_INDEXER_PORT ?? 42120);
const SAMPLES = Number(process.env.SAMPLES ?? 200);
const CHECK = process.env.CHECK !== "0";

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
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function main() {
  const log = (m: string) => console.log(`[bench +${((performance.now() - t0) / 1000).toFixed(1)}s] ${m}`);
  const t0 = performance.now();
  const dir = tempDir("bench");
  log(`workdir ${dir}; ${MODELS} models x ${PER_MODEL} attestations`);
  const chain = await startAnvil(ANVIL_PORT, ["--gas-limit", "2000000000"]);
  const deployed = deploy(chain, dir);
  const target = {
    rpcUrl: chain.rpcUrl,
    client: chain.client,
    modelRegistry: deployed.addresses.ModelRegistry,
    attestationRegistry: deployed.addresses.AttestationRegistry,
  };
  const seeder = await deploySeeder(target);
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
  const events = MODELS * 2 + seeded.attestations * 2 + 20; // ModelRegistered + Transfer, Submitted + Verified, deploy/roles
  log(`seeded in ${seedSeconds.toFixed(1)} s: head ${head}, ~${events} events`);

  // ---- backfill
  const logFile = path.join(dir, "ponder.log");
  const startedAt = performance.now();
  const indexer = startIndexer({
    port: INDEXER_PORT,
    chain,
    deployed,
    schema: "bench",
    pgliteDir: path.join(dir, "pglite"),
    databaseUrl: process.env.DATABASE_URL,
    logFile,
  });
  await waitForSync(indexer, head, 30 * 60_000);
  const wallSeconds = (performance.now() - startedAt) / 1000;
  const lines = readFileSync(logFile, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => {
      try {
        return JSON.parse(l) as { msg: string; duration?: number; time: number };
      } catch {
        return { msg: "", time: 0 };
      }
    });
  const completed = lines.find((l) => l.msg === "Completed backfill indexing across all chains");
  const backfillSeconds = (completed?.duration ?? wallSeconds * 1000) / 1000;
  const stats = (
    await getJson<{ stats: { eventsIndexed: number; attestations: number; models: number } }>(
      `${indexer.url}/api/v1/stats`,
    )
  ).body.stats;
  log(
    `backfill: ${stats.eventsIndexed} events in ${backfillSeconds.toFixed(1)} s (ponder) / ${wallSeconds.toFixed(1)} s wall incl. startup`,
  );

  // ---- API latency (the chain is idle, so the snapshot is built once, by the first request)
  const latency: Array<{
    name: string;
    query: string;
    cold: number;
    p50: number;
    p95: number;
    p99: number;
    total: number;
  }> = [];
  for (const [name, query] of QUERIES) {
    const url = `${indexer.url}/api/v1/leaderboard?${query}`;
    const c0 = performance.now();
    const first = await getJson<{ total: number }>(url);
    const cold = performance.now() - c0;
    const samples: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const s0 = performance.now();
      const response = await fetch(url);
      await response.arrayBuffer();
      samples.push(performance.now() - s0);
    }
    samples.sort((a, b) => a - b);
    latency.push({
      name,
      query,
      cold,
      p50: percentile(samples, 50),
      p95: percentile(samples, 95),
      p99: percentile(samples, 99),
      total: first.body.total,
    });
    log(
      `${name}: p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms (cold ${cold.toFixed(0)} ms, ${first.body.total} rows)`,
    );
  }

  // ---- live: bursts of new attestations while the indexer follows the head
  const liveModels = Math.max(10, Math.round(MODELS / 100));
  const beforeLive = stats.eventsIndexed;
  const l0 = performance.now();
  const live = await seed(target, seeder, {
    models: liveModels,
    perModel: PER_MODEL,
    salt: 7n,
    verifyShare: 1,
    modelsPerTx: 50,
    attestationsPerTx: 50,
    verificationsPerTx: 50,
  });
  const liveHead = await chain.client.getBlockNumber();
  const sentSeconds = (performance.now() - l0) / 1000;
  await waitForSync(indexer, liveHead, 10 * 60_000);
  const liveSeconds = (performance.now() - l0) / 1000;
  const afterLive = (await getJson<{ stats: { eventsIndexed: number } }>(`${indexer.url}/api/v1/stats`)).body
    .stats.eventsIndexed;
  const lag0 = performance.now();
  // Single-transaction lag: one more block, time until the API reports it.
  await seed(target, seeder, { models: 1, perModel: 1, salt: 8n, verifyShare: 1 });
  const lagHead = await chain.client.getBlockNumber();
  await waitForSync(indexer, lagHead, 60_000);
  const lagMs = performance.now() - lag0;
  log(
    `live: ${afterLive - beforeLive} events (${live.attestations} attestations in ${liveHead} blocks) sent in ${sentSeconds.toFixed(1)} s, indexed within ${liveSeconds.toFixed(1)} s`,
  );

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

  const result = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model,
      memGB: Math.round(os.totalmem() / 2 ** 30),
      loadavg: os.loadavg(),
      node: process.version,
    },
    database: process.env.DATABASE_URL ? "postgres" : "pglite",
    seeded: {
      models: MODELS,
      attestations: seeded.attestations,
      verified: seeded.verified,
      blocks: Number(head),
      seconds: seedSeconds,
    },
    backfill: {
      events: stats.eventsIndexed,
      seconds: backfillSeconds,
      eventsPerSecond: stats.eventsIndexed / backfillSeconds,
      wallSecondsIncludingStartup: wallSeconds,
    },
    live: {
      events: afterLive - beforeLive,
      seconds: liveSeconds,
      eventsPerSecond: (afterLive - beforeLive) / liveSeconds,
      singleTxLagMs: lagMs,
    },
    latency,
    check,
  };
  mkdirSync(path.join(import.meta.dirname, "results"), { recursive: true });
  const out = path.join(import.meta.dirname, "results", `${result.date.replace(/[:.]/g, "-")}.json`);
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nresults: ${out}\n`);
  console.log(`| metric | value |\n|---|---|`);
  console.log(
    `| backfill | ${result.backfill.events} events in ${backfillSeconds.toFixed(1)} s = **${Math.round(result.backfill.eventsPerSecond)} events/s** (wall incl. startup ${wallSeconds.toFixed(1)} s) |`,
  );
  console.log(
    `| live | ${result.live.events} events in ${liveSeconds.toFixed(1)} s = **${Math.round(result.live.eventsPerSecond)} events/s**; one tx seen by the API after ${lagMs.toFixed(0)} ms |`,
  );
  console.log(`\n| query | rows | cold ms | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|---|`);
  for (const l of latency)
    console.log(
      `| ${l.name} (\`${l.query}\`) | ${l.total} | ${l.cold.toFixed(0)} | ${l.p50.toFixed(1)} | ${l.p95.toFixed(1)} | ${l.p99.toFixed(1)} |`,
    );
  stop(indexer.child, "SIGTERM");
  await waitExit(indexer.child);
  stop(chain.child, "SIGKILL");
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => killAll());

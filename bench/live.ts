// Live indexing: bursts of new attestations while the indexer follows the head (events/s), then the lag of a
// single transaction until the API reports it.
import { performance } from "node:perf_hooks";
import { type Chain, getJson, type Indexer, waitForSync } from "../test/indexer/helpers";
import { type deploySeeder, type SeedTarget, seed } from "./seeder";
import { log } from "./timing";

interface Stats {
  eventsIndexed: number;
  models: number;
  attestations: number;
}

export async function measureLive(opts: {
  chain: Chain;
  indexer: Indexer;
  target: SeedTarget;
  seeder: Awaited<ReturnType<typeof deploySeeder>>;
  models: number;
  perModel: number;
  stats: Stats;
}) {
  const { chain, indexer, target, seeder, stats } = opts;
  const liveModels = Math.max(10, Math.round(opts.models / 100));
  const beforeLive = stats.eventsIndexed;
  const l0 = performance.now();
  const live = await seed(target, seeder, {
    models: liveModels,
    perModel: opts.perModel,
    salt: 7n,
    verifyShare: 1,
    modelsPerTx: 50,
    attestationsPerTx: 50,
    verificationsPerTx: 50,
  });
  const liveHead = await chain.client.getBlockNumber();
  const sentSeconds = (performance.now() - l0) / 1000;
  await waitForSync(indexer, liveHead);
  const liveSeconds = (performance.now() - l0) / 1000;
  const afterStats = (await getJson<{ stats: Stats }>(`${indexer.url}/api/v1/stats`)).body.stats;
  const lag0 = performance.now();
  // Single-transaction lag: one more block, time until the API reports it.
  await seed(target, seeder, { models: 1, perModel: 1, salt: 8n, verifyShare: 1 });
  const lagHead = await chain.client.getBlockNumber();
  await waitForSync(indexer, lagHead);
  const lagMs = performance.now() - lag0;
  log(
    `live: ${afterStats.eventsIndexed - beforeLive} events (${live.attestations} attestations) sent in ${sentSeconds.toFixed(1)} s, indexed within ${liveSeconds.toFixed(1)} s`,
  );
  return {
    afterStats,
    result: {
      events: afterStats.eventsIndexed - beforeLive,
      seconds: liveSeconds,
      eventsPerSecond: (afterStats.eventsIndexed - beforeLive) / liveSeconds,
      singleTxLagMs: lagMs,
    },
  };
}

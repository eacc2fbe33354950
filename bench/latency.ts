// API latency of the leaderboard (eight queries) and the activity feed (two), each timed cold (its first request)
// and then SAMPLES times in a row. The chain is idle, so the snapshot is built once, by the first request.
import { performance } from "node:perf_hooks";
import { getJson, type Indexer } from "../test/indexer/helpers";
import { log, percentile } from "./timing";

const QUERIES: Array<[string, string]> = [
  ["top 100, default sort (intensity asc)", "/api/v1/leaderboard?pageSize=100"],
  ["top 100 by total emissions desc", "/api/v1/leaderboard?sort=totalG&order=desc&pageSize=100"],
  [
    "filter kind + region, by energy",
    "/api/v1/leaderboard?kind=PRETRAINING&region=FR&sort=energyWh&order=desc&pageSize=100",
  ],
  [
    "filter size + trust, market basis",
    "/api/v1/leaderboard?size=large&trust=METER,SOFTWARE&basis=market&sort=emissionsG&pageSize=100",
  ],
  [
    "include=verified, region, page 5, g/1B params",
    "/api/v1/leaderboard?include=verified&region=US&sort=gPerBillionParams&page=5&pageSize=100",
  ],
  // Every seeded attestation is verified, so this measures the self-reported path's own cost (its
  // SQL sum per snapshot, then the cached walk), not a large ranking.
  ["self-reported, top 100", "/api/v1/leaderboard?include=self-reported&pageSize=100"],
  // SPEC 9 (v1.1) efficiency: every seeded attestation carries work units, and the seeded models
  // have no task, so all 10,000 are one peer group (the largest rating pass there can be).
  ["top 100 by efficiency rating", "/api/v1/leaderboard?sort=efficiency&pageSize=100"],
  [
    "filter size + kind, by Wh/PFLOP",
    "/api/v1/leaderboard?size=large&kind=PRETRAINING&sort=mWhPerPflop&pageSize=100",
  ],
  // The feed merges activity rows with the attestations' own submission and verdict entries
  // (indexer/src/api/activityFeed.ts): 200,000 of those here.
  ["activity feed, newest 100", "/api/v1/activity?limit=100"],
  ["activity feed of one model", "/api/v1/activity?model=5000&limit=100"],
];

/** One query's figures, milliseconds. */
export interface Latency {
  name: string;
  query: string;
  cold: number;
  p50: number;
  p95: number;
  p99: number;
  total: number;
}

export async function measureLatency(indexer: Indexer, samplesPerQuery: number): Promise<Latency[]> {
  const latency: Latency[] = [];
  for (const [name, query] of QUERIES) {
    const url = `${indexer.url}${query}`;
    const c0 = performance.now();
    const first = await getJson<{ total?: number; activity?: unknown[] }>(url);
    const cold = performance.now() - c0;
    // Leaderboard answers carry their total; the feed, its entries.
    const rows = first.body.total ?? first.body.activity?.length ?? 0;
    const samples: number[] = [];
    for (let i = 0; i < samplesPerQuery; i++) {
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
      total: rows,
    });
    log(
      `${name}: p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms (cold ${cold.toFixed(0)} ms, ${rows} rows)`,
    );
  }
  return latency;
}

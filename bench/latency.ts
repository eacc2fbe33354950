// API latency of the leaderboard: eight queries, each timed cold (its first request) and then SAMPLES times in a
// row. The chain is idle, so the snapshot is built once, by the first request.
import { performance } from "node:perf_hooks";
import { getJson, type Indexer } from "../test/indexer/helpers";
import { log, percentile } from "./timing";

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
    const url = `${indexer.url}/api/v1/leaderboard?${query}`;
    const c0 = performance.now();
    const first = await getJson<{ total: number }>(url);
    const cold = performance.now() - c0;
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
      total: first.body.total,
    });
    log(
      `${name}: p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms (cold ${cold.toFixed(0)} ms, ${first.body.total} rows)`,
    );
  }
  return latency;
}

// The bench's Markdown tables for bench/README.md, printed from a result.
import os from "node:os";
import { type Run, stepsText } from "./indexing";
import type { Latency } from "./latency";

export interface BenchResult {
  events: number;
  runs: Run[];
  live: { events: number; seconds: number; eventsPerSecond: number; singleTxLagMs: number };
  latency: Latency[];
  reindex: {
    requests: number;
    failed: number;
    halfBuilt: number;
    byA: number;
    byB: number;
    switchedAfterSeconds: number;
    p95Ms: number;
  };
  sparse: { blocks: number; runs: Run[] };
}

const find = (list: Run[], app: Run["app"], sync: Run["sync"]) =>
  list.find((r) => r.app === app && r.sync === sync);

/** The side-by-side backfill table (Markdown), with the machine load at the time. */
export function printBackfill(runs: Run[], events: number): void {
  const fig = (r: Run | undefined) =>
    r
      ? `${r.wallSeconds.toFixed(1)} s (${Math.round(events / r.wallSeconds)} events/s); Ponder's backfill ${r.backfillSeconds?.toFixed(1) ?? "?"} s (${stepsText(r.steps)}); CPU ${r.cpuSeconds?.toFixed(1) ?? "?"} s`
      : "?";
  const cpuShare = (bare: Run | undefined, other: Run | undefined) =>
    bare?.cpuSeconds && other?.cpuSeconds
      ? `${Math.round((100 * bare.cpuSeconds) / other.cpuSeconds)} %`
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
    console.log(`| ${sync} | ${fig(bare)} | ${fig(gp)} | ${share} (CPU ${cpuShare(bare, gp)}) |`);
    const base = find(runs, "baseline", sync);
    if (base && bare)
      console.log(
        `| ${sync}, baseline | | ${fig(base)} | ${Math.round((100 * bare.wallSeconds) / base.wallSeconds)} % (CPU ${cpuShare(bare, base)}) |`,
      );
  }
}

export function printReport(result: BenchResult): void {
  const { events, runs, latency, reindex } = result;
  const sparseRuns = result.sparse.runs;
  const liveSeconds = result.live.seconds;
  const lagMs = result.live.singleTxLagMs;
  const switchedAfter = reindex.switchedAfterSeconds;
  const SPARSE_BLOCKS = result.sparse.blocks;
  printBackfill(runs, events);
  const sb = find(sparseRuns, "bare", "cold");
  const sg = find(sparseRuns, "greenprint", "cold");
  console.log(
    `\nsparse (${SPARSE_BLOCKS} blocks, one attestation each): bare ${sb ? `${sb.wallSeconds.toFixed(1)} s` : "not run (SPARSE_BARE=1 runs it)"}, Greenprint ${sg?.wallSeconds.toFixed(1)} s (Ponder's backfill ${sg?.backfillSeconds?.toFixed(1)} s)`,
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
}

// The bench's clock: log lines stamped with the seconds since start, and percentiles of samples.
import { performance } from "node:perf_hooks";

const t0 = performance.now();
export const log = (m: string) =>
  console.log(`[bench +${((performance.now() - t0) / 1000).toFixed(1)}s] ${m}`);

/** The p-th percentile (nearest rank) of ascending samples. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

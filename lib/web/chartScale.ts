// Axis arithmetic of the bar charts, in bigint so SPEC integers are never rounded through a float
// before they are placed: a "nice" step (1, 2 or 5 × 10^k) giving about four intervals, and a bar's
// share of the axis.

/** The tick step and axis end for values up to `max`: the axis ends at the first step ≥ max. */
export function niceAxis(max: bigint, intervals = 4n): { step: bigint; end: bigint; ticks: bigint[] } {
  if (max <= 0n) return { step: 1n, end: 1n, ticks: [0n, 1n] };
  const raw = (max + intervals - 1n) / intervals;
  let magnitude = 1n;
  while (magnitude * 10n <= raw) magnitude *= 10n;
  const step = [1n, 2n, 5n, 10n].map((f) => f * magnitude).find((s) => s >= raw) ?? magnitude * 10n;
  const end = ((max + step - 1n) / step) * step;
  const ticks: bigint[] = [];
  for (let t = 0n; t <= end; t += step) ticks.push(t);
  return { step, end, ticks };
}

/** `value / end` as a fraction in 0..1 with 1/10000 resolution (for SVG coordinates only). */
export function shareOf(value: bigint, end: bigint): number {
  if (end <= 0n || value <= 0n) return 0;
  return Number((value * 10_000n) / end) / 10_000;
}

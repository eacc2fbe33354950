// Efficiency (SPEC 9, v1.1), in bigint: how much energy the model used for its work, not where the energy
// came from (that is the grid grade of leaderboard.ts), and its rating among peers.
import type { Grade } from "../spec";
import { assertNonNegative } from "./checks";

/** 10^18: mWh per PFLOP = Wh * 1000 (mWh) * 10^15 (FLOP per PFLOP) / FLOP. */
const MWH_PER_PFLOP_SCALE = 10n ** 18n;

/**
 * Training efficiency (SPEC 9, v1.1), integer milliwatt-hours per PFLOP of training compute,
 * rounded once: `sum(energyWh) * 1e18 / (6 * parameterCount * sum(workUnits))` over PRETRAINING
 * attestations with `workUnits > 0` (6·N·D FLOP). GPT-3: 1,287 MWh, 175e9 parameters, 300e9
 * tokens → 4,085 mWh. Null when the parameter count or the work is unknown (0).
 * @param sumEnergyWh `sum(energyWh)` of the attestations that carry work units
 * @param sumWorkUnits `sum(workUnits)` (training tokens) of the same attestations
 */
export function mWhPerPflop(
  sumEnergyWh: bigint,
  parameterCount: bigint,
  sumWorkUnits: bigint,
): bigint | null {
  assertNonNegative("sumEnergyWh", sumEnergyWh);
  assertNonNegative("parameterCount", parameterCount);
  assertNonNegative("sumWorkUnits", sumWorkUnits);
  if (parameterCount === 0n || sumWorkUnits === 0n) return null;
  return (sumEnergyWh * MWH_PER_PFLOP_SCALE) / (6n * parameterCount * sumWorkUnits);
}

/**
 * Inference efficiency (SPEC 9, v1.1), integer milliwatt-hours per request, rounded once:
 * `sum(energyWh) * 1000 / sum(workUnits)` over INFERENCE attestations with `workUnits > 0`.
 * Null when no work is attested.
 */
export function mWhPerRequest(sumEnergyWh: bigint, sumWorkUnits: bigint): bigint | null {
  assertNonNegative("sumEnergyWh", sumEnergyWh);
  assertNonNegative("sumWorkUnits", sumWorkUnits);
  if (sumWorkUnits === 0n) return null;
  return (sumEnergyWh * 1000n) / sumWorkUnits;
}

/** Below this many ranked peers (same task and kind) no rating is given (SPEC 9, v1.1). */
export const MIN_RATING_PEERS = 5;

/** A model's efficiency rating: its quintile among its peers, or too few peers to say. */
export type EfficiencyRating = Grade | "not enough peers";

const QUINTILES: readonly Grade[] = ["A", "B", "C", "D", "E"];

/**
 * Efficiency rating A–E (SPEC 9, v1.1): the quintile of `value` among `peers` (the metric of
 * every ranked model of the same task and kind, this model included), lowest energy = A.
 * A model's position is the number of peers strictly below it, so equal values share a rating.
 * Fewer than {@link MIN_RATING_PEERS} peers: "not enough peers".
 */
export function efficiencyRating(value: bigint, peers: ReadonlyArray<bigint>): EfficiencyRating {
  if (peers.length < MIN_RATING_PEERS) return "not enough peers";
  let below = 0;
  for (const p of peers) if (p < value) below++;
  // below <= n - 1, so the quintile index is 0..4.
  return QUINTILES[Math.floor((below * QUINTILES.length) / peers.length)] as Grade;
}

/**
 * Ratings of a whole peer group at once (same task and kind): key → rating. Sorting once keeps
 * the leaderboard's cost O(n log n) per group instead of O(n²).
 */
export function efficiencyRatings<K>(
  group: ReadonlyArray<{ key: K; value: bigint }>,
): Map<K, EfficiencyRating> {
  const out = new Map<K, EfficiencyRating>();
  if (group.length < MIN_RATING_PEERS) {
    for (const g of group) out.set(g.key, "not enough peers");
    return out;
  }
  const ordered = [...group].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  let below = 0;
  for (let i = 0; i < ordered.length; i++) {
    const item = ordered[i] as { key: K; value: bigint };
    // Ties share the position of the first of them (the number of peers strictly below).
    if (i > 0 && (ordered[i - 1] as { value: bigint }).value < item.value) below = i;
    out.set(item.key, QUINTILES[Math.floor((below * QUINTILES.length) / ordered.length)] as Grade);
  }
  return out;
}

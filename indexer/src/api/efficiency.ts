// Efficiency figures and ratings (SPEC 9, v1.1) per counting: mWh per PFLOP over a model's
// PRETRAINING attestations with work units, mWh per request over its INFERENCE ones, and each
// metric's A–E rating among the models of the same task that have it. The figures come from the
// per-kind sums the handlers keep (or the self-reported sums) through lib/formulas only; the
// whole counting is rated in one pass, O(n log n), once per snapshot (one block), so a page of the
// leaderboard only looks its rows up.
import { type EfficiencyRating, efficiencyRatings, mWhPerPflop, mWhPerRequest } from "../../../lib/formulas";
import type { EfficiencyFigures } from "../../../lib/indexer/client";
import { Kind } from "../../../lib/spec";
import type { Counting } from "./leaderboard";
import { selfReportedSums } from "./selfReported";
import { perSnapshot, type Snapshot } from "./snapshot";

export interface Efficiency {
  mWhPerPflop: bigint | null;
  mWhPerRequest: bigint | null;
  /** Rating of mWhPerPflop among the same task's models with one (null: no training figure). */
  rating: EfficiencyRating | null;
  /** Rating of mWhPerRequest among the same task's models with one (null: no inference figure). */
  requestRating: EfficiencyRating | null;
}

/** No figure in this counting. */
export const NO_EFFICIENCY: Efficiency = {
  mWhPerPflop: null,
  mWhPerRequest: null,
  rating: null,
  requestRating: null,
};

/**
 * A model's efficiency sums of one kind in a counting. Only the two work fields are read, so the
 * kept sums are used as they are (Final: minus the attestations still in their window) instead of
 * building whole Sums per model: this runs for every model once per block.
 */
function workOf(
  s: Snapshot,
  id: bigint,
  counting: Counting,
  kind: number,
): { energyWh: bigint; units: bigint } {
  if (counting === "self-reported") {
    const one = selfReportedSums(s, id, [kind]);
    return { energyWh: one.workEnergyWh, units: one.workUnits };
  }
  const base = s.kindSums.get(id)?.[kind];
  if (!base) return { energyWh: 0n, units: 0n };
  const pending = counting === "final" ? s.pending.get(id)?.[kind] : null;
  if (!pending) return { energyWh: base.workEnergyWh, units: base.workUnits };
  return { energyWh: base.workEnergyWh - pending.workEnergyWh, units: base.workUnits - pending.workUnits };
}

function rate(groups: Map<string, Array<{ key: bigint; value: bigint }>>): Map<bigint, EfficiencyRating> {
  const out = new Map<bigint, EfficiencyRating>();
  for (const group of groups.values()) for (const [k, v] of efficiencyRatings(group)) out.set(k, v);
  return out;
}

function push(
  groups: Map<string, Array<{ key: bigint; value: bigint }>>,
  task: string,
  key: bigint,
  value: bigint,
) {
  const list = groups.get(task);
  if (list) list.push({ key, value });
  else groups.set(task, [{ key, value }]);
}

/**
 * Every model's efficiency in one counting, cached per snapshot. Self-reported needs
 * loadSelfReported(s) first. Models without any figure are absent (read them as {@link NO_EFFICIENCY}).
 */
export function efficiencyIndex(s: Snapshot, counting: Counting): Map<bigint, Efficiency> {
  return perSnapshot(s, `efficiency:${counting}`, () => {
    const training = new Map<string, Array<{ key: bigint; value: bigint }>>();
    const inference = new Map<string, Array<{ key: bigint; value: bigint }>>();
    const figures = new Map<bigint, { pflop: bigint | null; request: bigint | null }>();
    for (const [id, m] of s.models) {
      const pre = workOf(s, id, counting, Kind.PRETRAINING);
      const inf = workOf(s, id, counting, Kind.INFERENCE);
      const pflop = pre.units > 0n ? mWhPerPflop(pre.energyWh, m.parameterCount, pre.units) : null;
      const request = inf.units > 0n ? mWhPerRequest(inf.energyWh, inf.units) : null;
      if (pflop === null && request === null) continue;
      // Peers share a task (SPEC 9): compared case-insensitively; models without one are peers of each other.
      const task = (m.task ?? "").toLowerCase();
      if (pflop !== null) push(training, task, id, pflop);
      if (request !== null) push(inference, task, id, request);
      figures.set(id, { pflop, request });
    }
    const trainingRatings = rate(training);
    const inferenceRatings = rate(inference);
    const out = new Map<bigint, Efficiency>();
    for (const [id, f] of figures) {
      out.set(id, {
        mWhPerPflop: f.pflop,
        mWhPerRequest: f.request,
        rating: trainingRatings.get(id) ?? null,
        requestRating: inferenceRatings.get(id) ?? null,
      });
    }
    return out;
  });
}

/** A model's efficiency in a counting (all null when it has no figure). */
export function efficiencyOf(s: Snapshot, counting: Counting, id: bigint): Efficiency {
  return efficiencyIndex(s, counting).get(id) ?? NO_EFFICIENCY;
}

/** The JSON of {@link Efficiency}: integers as decimal strings, with the block the ratings were computed at. */
export function efficiencyJson(e: Efficiency, block: number): EfficiencyFigures {
  return {
    /** Integer mWh per PFLOP of training compute (6·N·D), shown as Wh/PFLOP. */
    mWhPerPflop: e.mWhPerPflop === null ? null : e.mWhPerPflop.toString(),
    /** Integer mWh per inference request. */
    mWhPerRequest: e.mWhPerRequest === null ? null : e.mWhPerRequest.toString(),
    rating: e.rating,
    requestRating: e.requestRating,
    /** The block the figures and ratings were computed at (they change as models arrive). */
    block,
  };
}

export type EfficiencyJson = ReturnType<typeof efficiencyJson>;

const RATING_ORDER: Record<string, number> = { A: 0, B: 1, C: 2, D: 3, E: 4 };
/** A rating's position for sorting (A = 0 … E = 4); null for no rating or "not enough peers". */
export function ratingRank(r: EfficiencyRating | null): number | null {
  return r === null ? null : (RATING_ORDER[r] ?? null);
}

// A model's headline figures on the strongest basis it has (SPEC 9): Final if any attestation is
// Final, else Final + Verified (still in a challenge window), else self-reported (Submitted, never
// verified). The basis is always named in the answer, so a reader sees which figures a verifier
// has checked. Used by the models list and the compare view.
import type { ModelFigures } from "../../../lib/indexer/client";
import { METHOD_NAMES } from "../../../lib/spec";
import { type Derived, derive, type Sums } from "../lib/aggregate";
import { efficiencyJson, efficiencyOf } from "./efficiency";
import type { Counting } from "./leaderboard";
import { selfReportedSums } from "./selfReported";
import { type ModelRow, type Snapshot, sumsOf, trustOf } from "./snapshot";

const ALL_KINDS = [0, 1, 2] as const;

/** The sums a model is shown with and which counting they come from (null: nothing attested yet). */
export function strongestSums(
  s: Snapshot,
  m: ModelRow,
): { counting: Counting | null; sums: Sums; unfinal: boolean } {
  const final = sumsOf(s, m.id, "final", ALL_KINDS);
  if (final.sums.count > 0) return { counting: "final", ...final };
  const verified = sumsOf(s, m.id, "verified", ALL_KINDS);
  if (verified.sums.count > 0) return { counting: "verified", ...verified };
  const self = selfReportedSums(s, m.id, ALL_KINDS);
  return { counting: self.count > 0 ? "self-reported" : null, sums: self, unfinal: false };
}

/**
 * The attested totals of a set of attestations as JSON (SPEC units, integers as decimal strings):
 * the leading fields of a model's figures and of each of its aggregates.
 */
export function totalsJson(sums: Sums, d: Derived) {
  return {
    attestations: sums.count,
    energyWh: sums.energyWh.toString(),
    locationEmissionsG: sums.locationG.toString(),
    marketEmissionsG: sums.marketG.toString(),
    embodiedG: sums.embodiedG.toString(),
    totalG: d.totalG.toString(),
  };
}

/** The figures of {@link strongestSums} as JSON (integers as decimal strings, SPEC units). */
export function figuresJson(s: Snapshot, m: ModelRow): ModelFigures {
  const { counting, sums, unfinal } = strongestSums(s, m);
  const d = derive(sums, m.parameterCount, m.creditsG);
  return {
    counting,
    ...totalsJson(sums, d),
    /** Ranked intensity, gCO2e/kWh (SPEC 9, v1.1: one rounding); null when nothing is attested. */
    intensity: counting === null ? null : d.intensity.toString(),
    /** The grid's grade by that intensity (where the energy came from, not the model's efficiency). */
    gridGrade: d.grade,
    renewableBps: d.renewableBps.toString(),
    gPerBillionParams: d.gPerBillionParams === null ? null : d.gPerBillionParams.toString(),
    leafEarnedWei: sums.leafWei.toString(),
    trust: {
      level: counting === null ? null : METHOD_NAMES[trustOf(sums) as 0 | 1 | 2],
      methods: { METER: sums.meter, SOFTWARE: sums.software, ESTIMATE: sums.estimate },
      verifiers: Object.keys(sums.verifiers).sort(),
    },
    includesUnfinal: unfinal,
    /** SPEC 9 (v1.1): efficiency and its rating among peers, in the same counting as the figures above. */
    efficiency:
      counting === null ? null : efficiencyJson(efficiencyOf(s, counting, m.id), s.sync.block.number),
  };
}

export type FiguresJson = ReturnType<typeof figuresJson>;

// Per-model aggregate arithmetic shared by the handlers (incremental sums), the API (Final-only
// figures at query time) and the consistency check. Per-attestation values and the derived
// leaderboard columns come from lib/formulas/: the same integer formulas as the contracts.
import { gPerBillionParams, grade, intensity, renewableShareBps, totalG } from "../../../lib/formulas";
import type { Grade } from "../../../lib/spec";
import { parseCounts } from "./jsonText";

/** Summable figures of a set of attestations (one model, one kind). */
export interface Sums {
  count: number;
  energyWh: bigint;
  locationG: bigint;
  marketG: bigint;
  embodiedG: bigint;
  renewableWeighted: bigint;
  /** sum(energyWh * locationIntensity): the ranked intensity's numerator (SPEC 9, v1.1). */
  intensityWeighted: bigint;
  leafWei: bigint;
  /**
   * sum(energyWh) and sum(workUnits) over the attestations with workUnits > 0 (SPEC 9, v1.1
   * efficiency). Meaningful per kind only (tokens for PRETRAINING, requests for INFERENCE): read
   * them from one kind's sums, never from sums merged across kinds.
   */
  workEnergyWh: bigint;
  workUnits: bigint;
  meter: number;
  software: number;
  estimate: number;
  verifiers: Record<string, number>;
  regions: Record<string, number>;
}

export function emptySums(): Sums {
  return {
    count: 0,
    energyWh: 0n,
    locationG: 0n,
    marketG: 0n,
    embodiedG: 0n,
    renewableWeighted: 0n,
    intensityWeighted: 0n,
    leafWei: 0n,
    workEnergyWh: 0n,
    workUnits: 0n,
    meter: 0,
    software: 0,
    estimate: 0,
    verifiers: {},
    regions: {},
  };
}

/** Sums as an aggregate row stores them: the two tallies as JSON text (see jsonText.ts). */
export type StoredSums = Omit<Sums, "verifiers" | "regions"> & { verifiers: string; regions: string };

/**
 * The sums of a stored aggregate row (the handlers' running totals, the API's snapshot). Read field
 * by field, never spread: in a handler the row is a Ponder proxy, and spreading one costs a trap
 * per field (it was the largest self time of the handlers in the profile).
 */
export function storedSums(row: StoredSums): Sums {
  return {
    count: row.count,
    energyWh: row.energyWh,
    locationG: row.locationG,
    marketG: row.marketG,
    embodiedG: row.embodiedG,
    renewableWeighted: row.renewableWeighted,
    intensityWeighted: row.intensityWeighted,
    leafWei: row.leafWei,
    workEnergyWh: row.workEnergyWh,
    workUnits: row.workUnits,
    meter: row.meter,
    software: row.software,
    estimate: row.estimate,
    verifiers: parseCounts(row.verifiers),
    regions: parseCounts(row.regions),
  };
}

/**
 * What one attestation adds to its model's sums while it is counted. The emissions are the ones the
 * contract emitted with the attestation (AttestationSubmitted), summed as they are, never recomputed
 * beside it (check-index recomputes them independently with lib/formulas).
 */
export interface Contribution {
  energyWh: bigint;
  locationG: bigint;
  marketG: bigint;
  locationIntensity: number | bigint;
  renewableBps: number | bigint;
  embodiedG: bigint;
  method: number;
  verifier: string | null;
  region: string;
  leafWei: bigint;
  /** Tokens or requests attested (0 = not stated: the energy then stays out of the efficiency sums). */
  workUnits: bigint;
}

function bump(map: Record<string, number>, key: string, sign: 1 | -1): Record<string, number> {
  const next = { ...map };
  const value = (next[key] ?? 0) + sign;
  if (value <= 0) delete next[key];
  else next[key] = value;
  return next;
}

/** sums ± one attestation (sign -1 removes it). Returns a new object. */
export function applyContribution(sums: Sums, c: Contribution, sign: 1 | -1): Sums {
  const s = BigInt(sign);
  const energy = c.energyWh;
  const li = BigInt(c.locationIntensity);
  const rb = BigInt(c.renewableBps);
  let verifiers = sums.verifiers;
  if (c.verifier) verifiers = bump(verifiers, c.verifier.toLowerCase(), sign);
  return {
    count: sums.count + sign,
    energyWh: sums.energyWh + s * energy,
    locationG: sums.locationG + s * c.locationG,
    marketG: sums.marketG + s * c.marketG,
    embodiedG: sums.embodiedG + s * c.embodiedG,
    renewableWeighted: sums.renewableWeighted + s * energy * rb,
    intensityWeighted: sums.intensityWeighted + s * energy * li,
    leafWei: sums.leafWei + s * c.leafWei,
    workEnergyWh: sums.workEnergyWh + (c.workUnits > 0n ? s * energy : 0n),
    workUnits: sums.workUnits + s * c.workUnits,
    meter: sums.meter + (c.method === 0 ? sign : 0),
    software: sums.software + (c.method === 1 ? sign : 0),
    estimate: sums.estimate + (c.method === 2 ? sign : 0),
    verifiers,
    regions: bump(sums.regions, c.region, sign),
  };
}

// The fields of `Sums` that add up across attestations (all but the two tallies), so that adding
// and removing a set of attestations walk one list.
const SUMMED_BIGINT_FIELDS = [
  "energyWh",
  "locationG",
  "marketG",
  "embodiedG",
  "renewableWeighted",
  "intensityWeighted",
  "leafWei",
  "workEnergyWh",
  "workUnits",
] as const satisfies readonly (keyof Sums)[];
const SUMMED_COUNT_FIELDS = [
  "count",
  "meter",
  "software",
  "estimate",
] as const satisfies readonly (keyof Sums)[];

/** A tally ± another (sign -1 removes b's counts); a key whose count reaches 0 is dropped, as bump does. */
function mergeTallies(a: Record<string, number>, b: Record<string, number>, sign: 1 | -1) {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const n = (out[k] ?? 0) + sign * v;
    if (n <= 0) delete out[k];
    else out[k] = n;
  }
  return out;
}

/** a ± b field by field (sign -1 removes b, a set of attestations counted in a). Returns a new object. */
function combineSums(a: Sums, b: Sums, sign: 1 | -1): Sums {
  const out: Sums = {
    ...a,
    verifiers: mergeTallies(a.verifiers, b.verifiers, sign),
    regions: mergeTallies(a.regions, b.regions, sign),
  };
  const s = BigInt(sign);
  for (const k of SUMMED_BIGINT_FIELDS) out[k] = a[k] + s * b[k];
  for (const k of SUMMED_COUNT_FIELDS) out[k] = a[k] + sign * b[k];
  return out;
}

/** a + b (merging the kinds of one model, or groups of attestations). */
export function addSums(a: Sums, b: Sums): Sums {
  return combineSums(a, b, 1);
}

/** a - b, where b is a subset of the attestations summed in a (e.g. those still in their window). */
export function subtractSums(a: Sums, b: Sums): Sums {
  return combineSums(a, b, -1);
}

/** The derived SPEC 9 columns of a model's sums. */
export interface Derived {
  totalG: bigint;
  intensity: bigint;
  renewableBps: bigint;
  gPerBillionParams: bigint | null;
  grade: Grade | null;
  marketNetG: bigint;
}

export function derive(s: Sums, parameterCount: bigint, creditsG: bigint): Derived {
  const total = totalG(s.locationG, s.embodiedG);
  const inten = intensity(s.intensityWeighted, s.energyWh);
  // renewableShareBps(items) = sum(energy * bps) / sum(energy); the sums are kept incrementally,
  // so it is evaluated on one item carrying the already-weighted mean numerator.
  const renewable =
    s.energyWh === 0n
      ? 0n
      : renewableShareBps([{ energyWh: s.energyWh, renewableBps: s.renewableWeighted / s.energyWh }]);
  return {
    totalG: total,
    intensity: inten,
    renewableBps: renewable,
    gPerBillionParams: gPerBillionParams(total, parameterCount),
    grade: s.energyWh === 0n ? null : grade(inten),
    marketNetG: s.marketG > creditsG ? s.marketG - creditsG : 0n,
  };
}

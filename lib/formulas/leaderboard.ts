// SPEC 9 leaderboard figures, in bigint: ranked intensity, renewable share, per-parameter emissions, grade and
// the per-model aggregate.

import { GRADE_THRESHOLDS, type Grade, Kind, type Method, Status } from "../spec";
import { assertBps, assertNonNegative } from "./checks";
import { mWhPerPflop, mWhPerRequest } from "./efficiency";
import { locationEmissionsG, marketEmissionsG, totalG } from "./emissions";

/**
 * Ranked intensity (SPEC 9, v1.1): the energy-weighted mean of the attested intensities, rounded
 * once, `sum(energyWh * locationIntensity) / sum(energyWh)`, gCO2e/kWh; 0 when no energy. Never
 * `locationEmissionsG * 1000 / energyWh`: that floors twice and can show a better grade than
 * attested (151 g/kWh became 150, grade B instead of C).
 * @param weightedIntensity `sum(energyWh * locationIntensity)`
 * @param energyWh `sum(energyWh)`
 */
export function intensity(weightedIntensity: bigint, energyWh: bigint): bigint {
  assertNonNegative("weightedIntensity", weightedIntensity);
  assertNonNegative("energyWh", energyWh);
  return energyWh === 0n ? 0n : weightedIntensity / energyWh;
}

/**
 * Energy-weighted renewable share (SPEC 9): `sum(energyWh * renewableBps) / sum(energyWh)`,
 * bps, rounded down; 0 when there is no energy.
 */
export function renewableShareBps(items: ReadonlyArray<{ energyWh: bigint; renewableBps: bigint }>): bigint {
  let weighted = 0n;
  let energy = 0n;
  for (const it of items) {
    assertNonNegative("energyWh", it.energyWh);
    assertBps("renewableBps", it.renewableBps);
    weighted += it.energyWh * it.renewableBps;
    energy += it.energyWh;
  }
  return energy === 0n ? 0n : weighted / energy;
}

/**
 * Emissions per billion parameters (SPEC 9): `emissionsG * 10^9 / parameterCount`,
 * gCO2e per 1B parameters; null when the parameter count is unknown (0).
 */
export function gPerBillionParams(emissionsG: bigint, parameterCount: bigint): bigint | null {
  assertNonNegative("emissionsG", emissionsG);
  if (parameterCount <= 0n) return null;
  return (emissionsG * 1_000_000_000n) / parameterCount;
}

/** Grade by location-based intensity (SPEC 9): A <= 50, B <= 150, C <= 300, D <= 500, E above. */
export function grade(intensityGPerKWh: bigint): Grade {
  for (const t of GRADE_THRESHOLDS) if (intensityGPerKWh <= t.maxIntensity) return t.grade;
  return "E";
}

/** Attestation as the leaderboard aggregate needs it. */
export interface AggregateAttestation {
  kind: Kind;
  method: Method;
  status: Status;
  energyWh: bigint;
  locationIntensity: bigint;
  renewableBps: bigint;
  embodiedG: bigint;
  /** Address of the verifier that verified it, if any. */
  verifier?: string;
  /** LEAF wei already claimed for it (chain data); 0 if unknown. */
  leafPaidWei?: bigint;
  /** The work its energy bought (SPEC 4, v1.1): tokens for training, requests for inference; 0 unstated. */
  workUnits?: bigint;
}

/** Certificate as the aggregate needs it (SPEC 8); only verified ones should be passed. */
export interface AggregateCertificate {
  /** 0 = REC (amount in Wh), 1 = CARBON_CREDIT (amount in gCO2e retired). */
  kind: 0 | 1;
  amount: bigint;
}

/** Per-model leaderboard figures (SPEC 9). */
export interface ModelAggregate {
  attestationCount: number;
  energyWh: bigint;
  locationEmissionsG: bigint;
  marketEmissionsG: bigint;
  embodiedG: bigint;
  totalG: bigint;
  /** Ranked intensity: `sum(energyWh * locationIntensity) / sum(energyWh)`, rounded once. */
  intensity: bigint;
  renewableBps: bigint;
  /** totalG per 1B parameters; null if the parameter count is unknown. */
  gPerBillionParams: bigint | null;
  grade: Grade | null;
  /** Renewable electricity certificates, Wh. Shown apart, never applied to rankings. */
  recWh: bigint;
  /** Carbon credits retired, gCO2e. */
  creditsG: bigint;
  /** Market-based net: `max(0, marketEmissionsG - creditsG)`; a separate figure, never ranked. */
  marketNetG: bigint;
  leafEarnedWei: bigint;
  /** Number of counted attestations per method (trust column). */
  methods: Record<Method, number>;
  /** Distinct verifier addresses, lower-cased, in first-seen order. */
  verifiers: string[];
  /** True if any counted attestation is only Verified (not yet Final). */
  includesUnfinal: boolean;
  /** Training efficiency over counted PRETRAINING attestations with work units ({@link mWhPerPflop}). */
  mWhPerPflop: bigint | null;
  /** Inference efficiency over counted INFERENCE attestations with work units ({@link mWhPerRequest}). */
  mWhPerRequest: bigint | null;
}

/** Options of {@link aggregateModel}. */
export interface AggregateOptions {
  /** Count Verified (not yet Final) attestations too (the leaderboard toggle). */
  includeVerified?: boolean;
  /** Only count attestations of these kinds. */
  kinds?: ReadonlyArray<Kind>;
  parameterCount?: bigint;
  certificates?: ReadonlyArray<AggregateCertificate>;
}

/**
 * Reduces one model's attestations to the SPEC section 9 figures. Only Final
 * attestations count (plus Verified ones with `includeVerified`); superseded,
 * invalidated, rejected and withdrawn ones never do. Emissions are summed from the
 * per-attestation formulas (each rounded down on its own, as the contracts do); the ranked
 * intensity is the energy-weighted mean of the attested intensities, rounded once.
 */
export function aggregateModel(
  attestations: ReadonlyArray<AggregateAttestation>,
  opts: AggregateOptions = {},
): ModelAggregate {
  const counted = attestations.filter(
    (a) =>
      (a.status === Status.FINAL || (opts.includeVerified === true && a.status === Status.VERIFIED)) &&
      (opts.kinds === undefined || opts.kinds.includes(a.kind)),
  );
  let energyWh = 0n;
  let weightedIntensity = 0n;
  let loc = 0n;
  let market = 0n;
  let embodied = 0n;
  let leaf = 0n;
  const methods: Record<Method, number> = { 0: 0, 1: 0, 2: 0 };
  const verifiers: string[] = [];
  // energy and work of the attestations that state their work, per kind (SPEC 9, v1.1 efficiency)
  const work = { energy: [0n, 0n, 0n], units: [0n, 0n, 0n] };
  for (const a of counted) {
    if ((a.workUnits ?? 0n) > 0n) {
      work.energy[a.kind] = (work.energy[a.kind] as bigint) + a.energyWh;
      work.units[a.kind] = (work.units[a.kind] as bigint) + (a.workUnits as bigint);
    }
    energyWh += a.energyWh;
    weightedIntensity += a.energyWh * a.locationIntensity;
    loc += locationEmissionsG(a.energyWh, a.locationIntensity);
    market += marketEmissionsG(a.energyWh, a.locationIntensity, a.renewableBps);
    embodied += a.embodiedG;
    leaf += a.leafPaidWei ?? 0n;
    methods[a.method] += 1;
    const v = a.verifier?.toLowerCase();
    if (v !== undefined && !verifiers.includes(v)) verifiers.push(v);
  }
  let recWh = 0n;
  let creditsG = 0n;
  for (const c of opts.certificates ?? []) {
    if (c.kind === 0) recWh += c.amount;
    else creditsG += c.amount;
  }
  const total = totalG(loc, embodied);
  const inten = intensity(weightedIntensity, energyWh);
  return {
    attestationCount: counted.length,
    energyWh,
    locationEmissionsG: loc,
    marketEmissionsG: market,
    embodiedG: embodied,
    totalG: total,
    intensity: inten,
    renewableBps: renewableShareBps(counted),
    gPerBillionParams:
      opts.parameterCount === undefined ? null : gPerBillionParams(total, opts.parameterCount),
    grade: energyWh === 0n ? null : grade(inten),
    recWh,
    creditsG,
    marketNetG: market > creditsG ? market - creditsG : 0n,
    leafEarnedWei: leaf,
    methods,
    verifiers,
    includesUnfinal: counted.some((a) => a.status === Status.VERIFIED),
    mWhPerPflop:
      opts.parameterCount === undefined
        ? null
        : mWhPerPflop(
            work.energy[Kind.PRETRAINING] as bigint,
            opts.parameterCount,
            work.units[Kind.PRETRAINING] as bigint,
          ),
    mWhPerRequest: mWhPerRequest(work.energy[Kind.INFERENCE] as bigint, work.units[Kind.INFERENCE] as bigint),
  };
}

/**
 * Every formula of shared/SPEC.md, in bigint, written in the SPEC's own order of
 * operations. Integer division rounds down (bigint `/` truncates, and every operand
 * here is non-negative, so truncation is rounding down). Changing the order of a
 * multiplication and a division changes results by one unit; the contracts and the
 * indexer must match these bit for bit, so keep expressions literal.
 */
import {
  BPS_DENOMINATOR,
  DEFAULT_PARAMS,
  GRADE_THRESHOLDS,
  GRAMS_PER_LEAF,
  type Grade,
  Kind,
  type Method,
  ONE_LEAF,
  type ProtocolParams,
  Status,
} from "./spec";

function assertNonNegative(name: string, v: bigint): void {
  if (v < 0n) throw new RangeError(`${name} must be >= 0, got ${v}`);
}

function assertBps(name: string, v: bigint): void {
  if (v < 0n || v > BPS_DENOMINATOR) throw new RangeError(`${name} must be in 0..10000, got ${v}`);
}

/**
 * Location-based emissions (SPEC 4): `energyWh * locationIntensity / 1000`.
 * @param energyWh facility energy, Wh
 * @param locationIntensity grid intensity, gCO2e/kWh
 * @returns gCO2e, rounded down
 */
export function locationEmissionsG(energyWh: bigint, locationIntensity: bigint): bigint {
  assertNonNegative("energyWh", energyWh);
  assertNonNegative("locationIntensity", locationIntensity);
  return (energyWh * locationIntensity) / 1000n;
}

/**
 * Market-based emissions (SPEC 4):
 * `energyWh * locationIntensity * (10000 - renewableBps) / 10_000_000`.
 * @returns gCO2e, rounded down
 */
export function marketEmissionsG(energyWh: bigint, locationIntensity: bigint, renewableBps: bigint): bigint {
  assertNonNegative("energyWh", energyWh);
  assertNonNegative("locationIntensity", locationIntensity);
  assertBps("renewableBps", renewableBps);
  return (energyWh * locationIntensity * (BPS_DENOMINATOR - renewableBps)) / 10_000_000n;
}

/** SCI-style footprint used for ranking (SPEC 4): `locationEmissionsG + embodiedG`. */
export function totalG(locationEmissions: bigint, embodiedG: bigint): bigint {
  assertNonNegative("locationEmissionsG", locationEmissions);
  assertNonNegative("embodiedG", embodiedG);
  return locationEmissions + embodiedG;
}

/** Market intensity (SPEC 6): `locationIntensity * (10000 - renewableBps) / 10000`, gCO2e/kWh. */
export function marketIntensity(locationIntensity: bigint, renewableBps: bigint): bigint {
  assertNonNegative("locationIntensity", locationIntensity);
  assertBps("renewableBps", renewableBps);
  return (locationIntensity * (BPS_DENOMINATOR - renewableBps)) / BPS_DENOMINATOR;
}

/**
 * Avoided emissions (SPEC 6): `energyWh * max(0, baselineIntensity - marketIntensity) / 1000`.
 * @returns gCO2e, rounded down
 */
export function avoidedG(
  energyWh: bigint,
  marketIntensityGPerKWh: bigint,
  baselineIntensity: bigint = DEFAULT_PARAMS.baselineIntensity,
): bigint {
  assertNonNegative("energyWh", energyWh);
  const gap = baselineIntensity - marketIntensityGPerKWh;
  return (energyWh * (gap > 0n ? gap : 0n)) / 1000n;
}

/**
 * Converts grams of CO2e to LEAF wei (1 LEAF per 1000 g, 18 decimals). Exact:
 * 10^18 / 1000 = 10^15 divides evenly, so no rounding happens here.
 */
export function gramsToLeafWei(grams: bigint): bigint {
  assertNonNegative("grams", grams);
  return (grams * ONE_LEAF) / GRAMS_PER_LEAF;
}

function cap(v: bigint, max: bigint): bigint {
  return v > max ? max : v;
}

/**
 * Reward of a Final attestation (SPEC 6), LEAF wei:
 * `min((avoidedG * methodBps[method] / 10000) * 10^18 / 1000, maxRewardPerAttestation)`.
 * The method weight is divided first (grams, rounded down), then scaled, as the SPEC
 * writes the expression before the scaling sentence.
 */
export function reward(
  avoided: bigint,
  method: Method,
  params: Pick<ProtocolParams, "methodBps" | "maxRewardPerAttestation"> = DEFAULT_PARAMS,
): bigint {
  assertNonNegative("avoidedG", avoided);
  const weightedG = (avoided * params.methodBps[method]) / BPS_DENOMINATOR;
  return cap(gramsToLeafWei(weightedG), params.maxRewardPerAttestation);
}

/** Fields of an attestation that its reward depends on. */
export interface RewardInput {
  energyWh: bigint;
  locationIntensity: bigint;
  renewableBps: bigint;
  method: Method;
}

/** Full reward chain of SPEC 6 for one attestation: marketIntensity → avoidedG → reward (wei). */
export function attestationReward(a: RewardInput, params: ProtocolParams = DEFAULT_PARAMS): bigint {
  const mi = marketIntensity(a.locationIntensity, a.renewableBps);
  return reward(avoidedG(a.energyWh, mi, params.baselineIntensity), a.method, params);
}

/** Verifier's share minted on top of a reward (SPEC 6): `reward * verifierBps / 10000`, wei. */
export function verifierShare(rewardWei: bigint, verifierBps: bigint = DEFAULT_PARAMS.verifierBps): bigint {
  assertNonNegative("reward", rewardWei);
  assertBps("verifierBps", verifierBps);
  return (rewardWei * verifierBps) / BPS_DENOMINATOR;
}

/**
 * Reward of a superseding attestation (SPEC 6): its own reward minus what the
 * superseded one already paid, never below zero.
 */
export function supersedingReward(rewardWei: bigint, alreadyPaidWei: bigint): bigint {
  assertNonNegative("reward", rewardWei);
  assertNonNegative("alreadyPaid", alreadyPaidWei);
  return rewardWei > alreadyPaidWei ? rewardWei - alreadyPaidWei : 0n;
}

/**
 * Efficiency bonus in grams (SPEC 6):
 * `(Ep - E) * baselineIntensity / 1000 * efficiencyBps / 10000`, evaluated left to right.
 * Returns 0 when the energy condition fails (E must be > 0 and below Ep); the other
 * eligibility conditions are checked by {@link isEfficiencyBonusEligible}.
 * @param parentEnergyWh Ep, the parent's Final PRETRAINING energy
 * @param energyWh E, the model's Final PRETRAINING energy
 */
export function efficiencyBonusG(
  parentEnergyWh: bigint,
  energyWh: bigint,
  params: Pick<ProtocolParams, "baselineIntensity" | "efficiencyBps"> = DEFAULT_PARAMS,
): bigint {
  if (energyWh <= 0n || energyWh >= parentEnergyWh) return 0n;
  return (
    ((((parentEnergyWh - energyWh) * params.baselineIntensity) / 1000n) * params.efficiencyBps) /
    BPS_DENOMINATOR
  );
}

/** Efficiency bonus paid like a reward: grams → LEAF wei, capped at `maxRewardPerAttestation`. */
export function efficiencyBonusLeaf(
  parentEnergyWh: bigint,
  energyWh: bigint,
  params: Pick<
    ProtocolParams,
    "baselineIntensity" | "efficiencyBps" | "maxRewardPerAttestation"
  > = DEFAULT_PARAMS,
): bigint {
  return cap(
    gramsToLeafWei(efficiencyBonusG(parentEnergyWh, energyWh, params)),
    params.maxRewardPerAttestation,
  );
}

/** Facts the efficiency-bonus eligibility rule of SPEC 6 depends on. */
export interface EfficiencyBonusFacts {
  modelSealed: boolean;
  parentSealed: boolean;
  sameOwner: boolean;
  parameterCount: bigint;
  parentParameterCount: bigint;
  /** E: the model's Final PRETRAINING energy, Wh. */
  energyWh: bigint;
  /** Ep: the parent's Final PRETRAINING energy, Wh. */
  parentEnergyWh: bigint;
  /** The bonus is paid once per model. */
  alreadyPaid: boolean;
}

/** Whether a model may request the efficiency bonus (before verifier approval). */
export function isEfficiencyBonusEligible(f: EfficiencyBonusFacts): boolean {
  return (
    f.modelSealed &&
    f.parentSealed &&
    f.sameOwner &&
    !f.alreadyPaid &&
    f.parameterCount >= f.parentParameterCount &&
    f.energyWh > 0n &&
    f.energyWh < f.parentEnergyWh
  );
}

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

// ---------------------------------------------------------------------------
// Efficiency (SPEC 9, v1.1): how much energy the model used for its work, not where the energy
// came from (that is the grid grade above).

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

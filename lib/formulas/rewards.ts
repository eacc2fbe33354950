// SPEC 6 rewards, in bigint: avoided emissions, LEAF, the verifier's share, supersede deductions and the
// efficiency bonus.

import {
  BPS_DENOMINATOR,
  DEFAULT_PARAMS,
  GRAMS_PER_LEAF,
  type Method,
  ONE_LEAF,
  type ProtocolParams,
} from "../spec";
import { assertBps, assertNonNegative } from "./checks";
import { marketIntensity } from "./emissions";

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

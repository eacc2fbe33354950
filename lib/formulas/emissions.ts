// SPEC 4 emissions of one attestation (and the market intensity SPEC 6 starts from), in bigint.

import { BPS_DENOMINATOR } from "../spec";
import { assertBps, assertNonNegative } from "./checks";

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

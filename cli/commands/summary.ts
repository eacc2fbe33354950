// What an attestation means in human units, computed with lib/formulas (the one source of every
// SPEC formula): used by `attest` (what was attested, the LEAF it will pay, what happens next)
// and `status`.
import type { Hex } from "viem";
import type { RegistryParams } from "../../lib/client";
import type { AttestationStruct } from "../../lib/eip712";
import { locationEmissionsG, marketEmissionsG, marketIntensity, totalG } from "../../lib/formulas/emissions";
import { attestationReward, verifierShare } from "../../lib/formulas/rewards";
import {
  formatDuration,
  formatGPerKWh,
  formatKgCO2e,
  formatKWh,
  formatUtc,
  formatUtcRange,
} from "../../lib/humanize";
import { KIND_NAMES, Kind, METHOD_NAMES, type ProtocolParams } from "../../lib/spec";
import { formatBps, formatLeaf, formatPue } from "../../lib/units";
import { decodeRegion } from "../../lib/validation";

/** The registry's parameters in the formulas' shape. */
export function protocolParams(p: RegistryParams): ProtocolParams {
  return {
    baselineIntensity: BigInt(p.baselineIntensity),
    methodBps: { 0: BigInt(p.methodBps[0]), 1: BigInt(p.methodBps[1]), 2: BigInt(p.methodBps[2]) },
    verifierBps: BigInt(p.verifierBps),
    efficiencyBps: BigInt(p.efficiencyBps),
    maxRewardPerAttestation: p.maxRewardPerAttestation,
    challengeWindowSeconds: BigInt(p.challengeWindow),
  };
}

/** An attestation's region as its ISO 3166 code; a value that does not decode is shown as it is. */
export function regionOf(region: Hex | string): string {
  try {
    return /^0x[0-9a-fA-F]{16}$/.test(region) ? decodeRegion(region as Hex) : region;
  } catch {
    return region;
  }
}

/** Figures of an attestation under the current parameters. */
export function attestationFigures(a: AttestationStruct, params: RegistryParams) {
  const p = protocolParams(params);
  const intensity = BigInt(a.locationIntensity);
  const renewable = BigInt(a.renewableBps);
  const location = locationEmissionsG(a.energyWh, intensity);
  const market = marketEmissionsG(a.energyWh, intensity, renewable);
  const reward = attestationReward(
    { energyWh: a.energyWh, locationIntensity: intensity, renewableBps: renewable, method: a.method },
    p,
  );
  return {
    locationEmissionsG: location,
    marketEmissionsG: market,
    totalG: totalG(location, a.embodiedG),
    marketIntensity: marketIntensity(intensity, renewable),
    rewardWei: reward,
    verifierRewardWei: verifierShare(reward, p.verifierBps),
    challengeWindowSeconds: p.challengeWindowSeconds,
  };
}

/** The lines `attest` prints after a submission (or a dry run). */
export function attestationSummary(
  id: Hex,
  a: AttestationStruct,
  params: RegistryParams,
  options: { now: bigint; modelUrl: string; attestationUrl: string; evidenceURI: string; tool?: string },
): string[] {
  const f = attestationFigures(a, params);
  const windowEnd = options.now + f.challengeWindowSeconds;
  const kind = KIND_NAMES[a.kind].toLowerCase();
  return [
    `attestation  ${id}`,
    `attested     ${kind} of model ${a.modelId}, ${formatUtcRange(a.periodStart, a.periodEnd)}, region ${regionOf(a.region)}`,
    `energy       ${formatKWh(a.energyWh)} (PUE ${formatPue(BigInt(a.pueMilli))}), ${METHOD_NAMES[a.method].toLowerCase()} measurement${options.tool ? ` (${options.tool})` : ""}`,
    `grid         ${formatGPerKWh(BigInt(a.locationIntensity))} location-based, ${formatBps(BigInt(a.renewableBps))} renewable → ${formatGPerKWh(f.marketIntensity)} market-based`,
    `emissions    ${formatKgCO2e(f.totalG)} total (${formatKgCO2e(f.locationEmissionsG)} location-based, ${formatKgCO2e(f.marketEmissionsG)} market-based${a.embodiedG > 0n ? `, ${formatKgCO2e(a.embodiedG)} embodied` : ""})`,
    `reward       ${formatLeaf(f.rewardWei)} to the model owner once Final (+ ${formatLeaf(f.verifierRewardWei)} to the verifier), at today's parameters`,
    `next         an accredited verifier checks the evidence (greenprint status ${id});`,
    `             once verified, anyone may dispute it for ${formatDuration(f.challengeWindowSeconds)} (verified now, the window would end ${formatUtc(windowEnd)});`,
    `             then it is Final and the owner claims: greenprint claim ${id}`,
    `model page   ${options.modelUrl}`,
    `explorer     ${options.attestationUrl} (fields, status history, evidence check)`,
    `evidence     ${options.evidenceURI}`,
  ];
}

/** Readable attestation fields (region decoded, enums named) for output. */
export function readableAttestation(a: AttestationStruct): Record<string, unknown> & {
  kind: string;
  method: string;
  region: string;
} {
  return {
    ...a,
    kind: (Object.keys(Kind) as (keyof typeof Kind)[])[a.kind] ?? String(a.kind),
    method: METHOD_NAMES[a.method] ?? String(a.method),
    region: regionOf(a.region),
  };
}

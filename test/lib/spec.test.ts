import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  BOUNDS,
  CERTIFICATE_ISSUERS,
  CertificateKind,
  CertificateStatus,
  DEFAULT_PARAMS,
  Kind,
  Method,
  ONE_LEAF,
  STATUS_NAMES,
  Status,
} from "../../lib/spec";

/** Member names of a Solidity enum, in declaration order. */
function solidityEnum(source: string, name: string): string[] {
  const m = new RegExp(`enum ${name} \\{([^}]*)\\}`).exec(source);
  if (!m) throw new Error(`enum ${name} not found`);
  return (m[1] as string)
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** SDK enum keys ordered by value, in the contracts' CamelCase spelling. */
function sdkNames(e: Record<string, number>, camel: boolean): string[] {
  return Object.entries(e)
    .sort((a, b) => a[1] - b[1])
    .map(([k]) => (camel ? k.charAt(0) + k.slice(1).toLowerCase() : k));
}

describe("spec constants", () => {
  it("enum values equal the Solidity enums in contracts/Common.sol", () => {
    const sol = readFileSync(new URL("../../contracts/Common.sol", import.meta.url), "utf8");
    expect(sdkNames(Kind, false)).toEqual(solidityEnum(sol, "Kind"));
    expect(sdkNames(Method, false)).toEqual(solidityEnum(sol, "Method"));
    expect(sdkNames(Status, true)).toEqual(solidityEnum(sol, "Status"));
    expect(sdkNames(CertificateKind, false)).toEqual(solidityEnum(sol, "CertificateKind"));
    expect(sdkNames(CertificateStatus, true)).toEqual(solidityEnum(sol, "CertificateStatus"));
    expect(STATUS_NAMES[Status.FINAL]).toBe("FINAL");
  });

  it("the SDK's issuing registries are the ones the deploy script accepts", () => {
    const deploy = readFileSync(
      new URL("../../script/deploy/DeployCertificateRegistry.s.sol", import.meta.url),
      "utf8",
    );
    const deployed = [...deploy.matchAll(/labels\[\d+\] = "([^"]+)";/g)].map((m) => m[1]);
    expect(deployed.length).toBeGreaterThan(0);
    expect(CERTIFICATE_ISSUERS.map((i) => i.label)).toEqual(deployed);
  });

  it("SPEC defaults and bounds", () => {
    expect(DEFAULT_PARAMS.baselineIntensity).toBe(475n);
    expect(DEFAULT_PARAMS.methodBps).toEqual({ 0: 10_000n, 1: 8_000n, 2: 0n });
    expect(DEFAULT_PARAMS.verifierBps).toBe(1000n);
    expect(DEFAULT_PARAMS.efficiencyBps).toBe(5000n);
    expect(DEFAULT_PARAMS.maxRewardPerAttestation).toBe(10n ** 24n); // 1,000,000 LEAF
    expect(DEFAULT_PARAMS.challengeWindowSeconds).toBe(604_800n);
    expect(ONE_LEAF).toBe(10n ** 18n);
    expect([BOUNDS.PUE_MIN, BOUNDS.PUE_MAX, BOUNDS.INTENSITY_MAX, BOUNDS.BPS_MAX]).toEqual([
      1000n,
      5000n,
      2000n,
      10_000n,
    ]);
  });
});

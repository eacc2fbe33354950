import { describe, expect, it } from "vitest";
import {
  type AttestationFormInput,
  decodeRegion,
  encodeRegion,
  isValidRegion,
  validateAttestation,
} from "../../lib/validation";

const NOW = 1_763_000_000n;
const good: AttestationFormInput = {
  modelId: "1",
  kind: 0,
  energyWh: "1287000000",
  pueMilli: 1100,
  locationIntensity: "429",
  renewableBps: 0,
  acceleratorHours: "3552000",
  periodStart: 1_600_000_000,
  periodEnd: 1_600_086_400n,
  region: "US-CA",
  method: 2,
  evidenceHash: `0x${"ab".repeat(32)}`,
  evidenceURI: "ipfs://bafy",
};

const errorsOf = (patch: Partial<AttestationFormInput>, ctx = {}) => {
  const r = validateAttestation({ ...good, ...patch }, { now: NOW, ...ctx });
  return r.ok ? {} : r.errors;
};

describe("validateAttestation (SPEC 4)", () => {
  it("accepts a valid form and types it for the contract", () => {
    const r = validateAttestation(good, { now: NOW });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.energyWh).toBe(1_287_000_000n);
    expect(r.value.regionBytes).toBe("0x55532d4341000000");
    expect(r.value.rowsRoot).toBe(`0x${"00".repeat(32)}`);
    expect(r.value.embodiedG).toBe(0n);
    expect(r.value.supersedes).toBe(`0x${"00".repeat(32)}`);
  });

  it("energyWh > 0 and fits uint64", () => {
    expect(errorsOf({ energyWh: 0 }).energyWh).toBe("energyWh must be greater than 0");
    expect(errorsOf({ energyWh: (2n ** 64n).toString() }).energyWh).toBe(
      "energyWh does not fit uint64 (max 18446744073709551615), got 18446744073709551616",
    );
    expect(errorsOf({ energyWh: "1.5" }).energyWh).toBe('energyWh must be a whole number, got "1.5"');
    expect(errorsOf({ energyWh: "" }).energyWh).toBe("energyWh is required");
    expect(errorsOf({ energyWh: -5n }).energyWh).toBe("energyWh must not be negative, got -5");
  });

  it("workUnits (SPEC 4, v1.1) is optional, 0 when not stated, and fits uint64", () => {
    const r = validateAttestation(good, { now: NOW });
    expect(r.ok && r.value.workUnits).toBe(0n);
    expect(errorsOf({ workUnits: "" }).workUnits).toBeUndefined();
    const stated = validateAttestation({ ...good, workUnits: "2000000000000" }, { now: NOW });
    expect(stated.ok && stated.value.workUnits).toBe(2_000_000_000_000n);
    expect(errorsOf({ workUnits: (2n ** 64n).toString() }).workUnits).toBe(
      "workUnits does not fit uint64 (max 18446744073709551615), got 18446744073709551616",
    );
    expect(errorsOf({ workUnits: "2e12" }).workUnits).toBe('workUnits must be a whole number, got "2e12"');
    expect(errorsOf({ workUnits: -1n }).workUnits).toBe("workUnits must not be negative, got -1");
  });

  it("pueMilli in 1000..5000", () => {
    expect(errorsOf({ pueMilli: 999 }).pueMilli).toBe(
      "pueMilli must be between 1000 (PUE 1.000) and 5000 (PUE 5.000), got 999",
    );
    expect(errorsOf({ pueMilli: 5001 }).pueMilli).toMatch(/got 5001/);
    expect(errorsOf({ pueMilli: 1000 }).pueMilli).toBeUndefined();
    expect(errorsOf({ pueMilli: 5000 }).pueMilli).toBeUndefined();
    expect(errorsOf({ pueMilli: 70000 }).pueMilli).toMatch(/uint16/);
  });

  it("renewableBps <= 10000 and locationIntensity <= 2000", () => {
    expect(errorsOf({ renewableBps: 10_000 }).renewableBps).toBeUndefined();
    expect(errorsOf({ renewableBps: 10_001 }).renewableBps).toBe(
      "renewableBps must be at most 10000 (100%), got 10001",
    );
    expect(errorsOf({ locationIntensity: 2000 }).locationIntensity).toBeUndefined();
    expect(errorsOf({ locationIntensity: 2001 }).locationIntensity).toBe(
      "locationIntensity must be at most 2000 gCO2e/kWh, got 2001",
    );
  });

  it("periodStart < periodEnd <= now", () => {
    expect(errorsOf({ periodStart: 10, periodEnd: 10 }).periodStart).toBe(
      "the period starts 1970-01-01 00:00:10 UTC, which is not before its end 1970-01-01 00:00:10 UTC",
    );
    expect(errorsOf({ periodEnd: NOW + 1n }).periodEnd).toMatch(
      /^the period ends \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC, after the chain's current time \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC: only past periods can be attested$/,
    );
    expect(errorsOf({ periodEnd: NOW }).periodEnd).toBeUndefined();
  });

  it("evidenceHash non-zero bytes32, rowsRoot optional bytes32", () => {
    expect(errorsOf({ evidenceHash: `0x${"00".repeat(32)}` }).evidenceHash).toBe(
      "evidenceHash must not be zero",
    );
    expect(errorsOf({ evidenceHash: "0x1234" }).evidenceHash).toMatch(/32-byte/);
    expect(errorsOf({ rowsRoot: "0xzz" }).rowsRoot).toMatch(/32-byte/);
    expect(errorsOf({ rowsRoot: `0x${"11".repeat(32)}` }).rowsRoot).toBeUndefined();
  });

  it("kind, method, modelId, region, evidenceURI", () => {
    expect(errorsOf({ kind: 3 }).kind).toBe(
      "kind must be PRETRAINING (0), FINETUNING (1) or INFERENCE (2), got 3",
    );
    expect(errorsOf({ method: 9 }).method).toMatch(/METER \(0\)/);
    expect(errorsOf({ modelId: 0 }).modelId).toMatch(/ids start at 1/);
    expect(errorsOf({ region: "us-ca" }).region).toMatch(/ISO 3166/);
    expect(errorsOf({ region: "XX" }).region).toMatch(/ISO 3166/);
    expect(errorsOf({ evidenceURI: " " }).evidenceURI).toMatch(/required/);
  });

  it("chain facts: sealed model refuses PRETRAINING; periods must not overlap unless superseding", () => {
    expect(errorsOf({}, { sealed: true }).kind).toBe(
      "the model is sealed: no PRETRAINING attestation can be added",
    );
    expect(errorsOf({ kind: 1 }, { sealed: true }).kind).toBeUndefined();
    expect(errorsOf({}, { latestPeriodEnd: 1_600_000_001n }).periodStart).toMatch(/overlaps/);
    expect(errorsOf({}, { latestPeriodEnd: 1_600_000_000n }).periodStart).toBeUndefined();
    expect(
      errorsOf({ supersedes: `0x${"cd".repeat(32)}` }, { latestPeriodEnd: 1_600_000_001n }).periodStart,
    ).toBeUndefined();
    expect(errorsOf({ supersedes: "4" }).supersedes).toMatch(/attestation id/);
    expect(errorsOf({ supersedes: "0" }).supersedes).toBeUndefined();
  });

  it("reports every bad field at once", () => {
    expect(Object.keys(errorsOf({ energyWh: 0, pueMilli: 1, region: "" })).sort()).toEqual([
      "energyWh",
      "pueMilli",
      "region",
    ]);
  });
});

describe("region bytes8", () => {
  it("validates ISO 3166 alpha-2 with an optional subdivision", () => {
    for (const r of ["FR", "IS", "US-CA", "IT-67", "GB-ENG", "CA-QC"]) expect(isValidRegion(r)).toBe(true);
    for (const r of ["", "F", "fr", "USA", "US-", "US-CALI", "ZZ", "US_CA"])
      expect(isValidRegion(r)).toBe(false);
  });

  it("encodes ASCII right-padded with zeros and decodes back", () => {
    expect(encodeRegion("FR")).toBe("0x4652000000000000");
    expect(encodeRegion("GB-ENG")).toBe("0x47422d454e470000");
    expect(decodeRegion("0x55532d4341000000")).toBe("US-CA");
    expect(decodeRegion(encodeRegion("IT-67"))).toBe("IT-67");
    expect(decodeRegion("0x0000000000000000")).toBe("");
    expect(() => encodeRegion("TOO-LONG-1")).toThrow(/longer than 8 bytes/);
    expect(() => encodeRegion("É")).toThrow(/ASCII/);
    expect(() => decodeRegion("0x4600520000000000")).toThrow(/right-padded/);
    expect(() => decodeRegion("0x4652")).toThrow(/8 bytes/);
  });
});

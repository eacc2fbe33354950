import { describe, expect, it } from "vitest";
import {
  type AggregateAttestation,
  aggregateModel,
  attestationReward,
  avoidedG,
  efficiencyBonusG,
  efficiencyBonusLeaf,
  efficiencyRating,
  efficiencyRatings,
  gPerBillionParams,
  grade,
  gramsToLeafWei,
  intensity,
  isEfficiencyBonusEligible,
  locationEmissionsG,
  marketEmissionsG,
  marketIntensity,
  mWhPerPflop,
  mWhPerRequest,
  renewableShareBps,
  reward,
  supersedingReward,
  totalG,
  verifierShare,
} from "../../lib/formulas";
import { DEFAULT_PARAMS, Kind, Method, ONE_LEAF, Status, sizeClassOf } from "../../lib/spec";
import { formatMWhPerRequest, formatWhPerPflop, mWhToWh } from "../../lib/units";

describe("emissions (SPEC 4)", () => {
  it("GPT-3: 1,287 MWh at 429 g/kWh is 552,123,000 g (552.1 tCO2e)", () => {
    const energyWh = mWhToWh("1287");
    expect(energyWh).toBe(1_287_000_000n);
    expect(locationEmissionsG(energyWh, 429n)).toBe(552_123_000n);
    expect(intensity(energyWh * 429n, energyWh)).toBe(429n);
    expect(grade(429n)).toBe("D");
  });

  it("rounds location emissions down", () => {
    // 1999 * 333 = 665_667 → /1000 = 665.667 → 665
    expect(locationEmissionsG(1999n, 333n)).toBe(665n);
    expect(locationEmissionsG(0n, 333n)).toBe(0n);
  });

  it("market emissions divide once by 10_000_000 after all products", () => {
    // 1000 * 333 * 7500 = 2_497_500_000 / 10_000_000 = 249.75 → 249
    expect(marketEmissionsG(1000n, 333n, 2500n)).toBe(249n);
    expect(marketEmissionsG(1000n, 333n, 0n)).toBe(333n);
    expect(marketEmissionsG(1000n, 333n, 10_000n)).toBe(0n);
    expect(() => marketEmissionsG(1000n, 333n, 10_001n)).toThrow(/renewableBps/);
  });

  it("totalG adds embodied emissions", () => {
    expect(totalG(552_123_000n, 1_000n)).toBe(552_124_000n);
    expect(() => totalG(-1n, 0n)).toThrow(RangeError);
  });
});

describe("rewards (SPEC 6)", () => {
  it("market intensity rounds down", () => {
    // 333 * 7500 / 10000 = 249.75 → 249
    expect(marketIntensity(333n, 2500n)).toBe(249n);
  });

  it("avoided emissions against the 475 g/kWh baseline, never negative", () => {
    // 1000 Wh * (475 - 249) / 1000 = 226 g
    expect(avoidedG(1000n, 249n)).toBe(226n);
    expect(avoidedG(1000n, 600n)).toBe(0n);
    expect(avoidedG(1000n, 475n)).toBe(0n);
    // 1500 * 26 / 1000 = 39
    expect(avoidedG(1500n, 449n)).toBe(39n);
  });

  it("applies the method weight in grams before scaling to wei", () => {
    // 226 * 8000 / 10000 = 180.8 → 180 g → 0.18 LEAF (scaling first would give 0.1808)
    expect(reward(226n, Method.SOFTWARE)).toBe(180n * 10n ** 15n);
    expect(reward(226n, Method.METER)).toBe(226n * 10n ** 15n);
    expect(reward(226n, Method.ESTIMATE)).toBe(0n);
    expect(gramsToLeafWei(1000n)).toBe(ONE_LEAF);
  });

  it("caps at maxRewardPerAttestation (1,000,000 LEAF)", () => {
    // 2,000,000 kg avoided = 2,000,000 LEAF, capped to 1,000,000
    expect(reward(2_000_000_000n, Method.METER)).toBe(1_000_000n * ONE_LEAF);
    expect(reward(1_000_000_000n, Method.METER)).toBe(1_000_000n * ONE_LEAF);
    expect(reward(999_999_999n, Method.METER)).toBe(999_999_999n * 10n ** 15n);
  });

  it("chains an attestation's fields to its reward", () => {
    expect(
      attestationReward({
        energyWh: 1000n,
        locationIntensity: 333n,
        renewableBps: 2500n,
        method: Method.SOFTWARE,
      }),
    ).toBe(180n * 10n ** 15n);
  });

  it("verifier share is 10% by default, rounded down", () => {
    expect(verifierShare(180n * 10n ** 15n)).toBe(18n * 10n ** 15n);
    expect(verifierShare(19n)).toBe(1n);
    expect(verifierShare(100n, 2500n)).toBe(25n);
  });

  it("supersede deduction never goes below zero", () => {
    expect(supersedingReward(100n, 30n)).toBe(70n);
    expect(supersedingReward(30n, 100n)).toBe(0n);
  });

  it("efficiency bonus follows the SPEC's left-to-right order", () => {
    // (10_000_000 - 6_000_000) * 475 / 1000 = 1_900_000; * 5000 / 10000 = 950_000 g
    expect(efficiencyBonusG(10_000_000n, 6_000_000n)).toBe(950_000n);
    expect(efficiencyBonusLeaf(10_000_000n, 6_000_000n)).toBe(950n * ONE_LEAF);
    // d = 4: 4*475/1000 = 1 (1.9 rounded down), *7000/10000 = 0; one combined division would give 1
    expect(efficiencyBonusG(4n, 0n + 0n)).toBe(0n); // E = 0 is not eligible
    expect(efficiencyBonusG(5n, 1n, { baselineIntensity: 475n, efficiencyBps: 7000n })).toBe(0n);
    expect(efficiencyBonusG(100n, 100n)).toBe(0n);
    expect(efficiencyBonusG(100n, 200n)).toBe(0n);
    // capped like a reward: 10 TWh saved → far above 1,000,000 LEAF
    expect(efficiencyBonusLeaf(10n ** 13n, 1n)).toBe(DEFAULT_PARAMS.maxRewardPerAttestation);
  });

  it("efficiency bonus eligibility needs every condition", () => {
    const ok = {
      modelSealed: true,
      parentSealed: true,
      sameOwner: true,
      parameterCount: 7n,
      parentParameterCount: 7n,
      energyWh: 5n,
      parentEnergyWh: 10n,
      alreadyPaid: false,
    };
    expect(isEfficiencyBonusEligible(ok)).toBe(true);
    expect(isEfficiencyBonusEligible({ ...ok, parameterCount: 6n })).toBe(false);
    expect(isEfficiencyBonusEligible({ ...ok, parentSealed: false })).toBe(false);
    expect(isEfficiencyBonusEligible({ ...ok, sameOwner: false })).toBe(false);
    expect(isEfficiencyBonusEligible({ ...ok, energyWh: 0n })).toBe(false);
    expect(isEfficiencyBonusEligible({ ...ok, energyWh: 10n })).toBe(false);
    expect(isEfficiencyBonusEligible({ ...ok, alreadyPaid: true })).toBe(false);
  });
});

describe("leaderboard figures (SPEC 9)", () => {
  it("grades by location-based intensity at the inclusive thresholds", () => {
    const cases: Array<[bigint, string]> = [
      [0n, "A"],
      [50n, "A"],
      [51n, "B"],
      [150n, "B"],
      [151n, "C"],
      [300n, "C"],
      [301n, "D"],
      [500n, "D"],
      [501n, "E"],
      [2000n, "E"],
    ];
    for (const [i, g] of cases) expect(grade(i)).toBe(g);
  });

  it("renewable share is energy-weighted and rounded down", () => {
    expect(
      renewableShareBps([
        { energyWh: 1000n, renewableBps: 10_000n },
        { energyWh: 3000n, renewableBps: 0n },
      ]),
    ).toBe(2500n);
    expect(
      renewableShareBps([
        { energyWh: 1n, renewableBps: 1n },
        { energyWh: 2n, renewableBps: 0n },
      ]),
    ).toBe(0n);
    expect(renewableShareBps([])).toBe(0n);
  });

  it("gCO2e per billion parameters", () => {
    // GPT-3 175B: 552_123_000 * 1e9 / 175e9 = 3_154_988.57 → 3_154_988
    expect(gPerBillionParams(552_123_000n, 175_000_000_000n)).toBe(3_154_988n);
    expect(gPerBillionParams(1n, 0n)).toBeNull();
  });

  it("intensity is 0 without energy", () => {
    expect(intensity(0n, 0n)).toBe(0n);
  });

  it("ranked intensity is the energy-weighted mean, rounded once (SPEC 9 v1.1): 151 g/kWh stays 151, grade C", () => {
    // Floored twice (emissions, then emissions * 1000 / energy) this run showed 150 g/kWh, grade B.
    const run = {
      embodiedG: 0n,
      renewableBps: 0n,
      kind: Kind.PRETRAINING,
      method: Method.METER,
      status: Status.FINAL,
      energyWh: 1999n,
      locationIntensity: 151n,
    };
    const a = aggregateModel([run]);
    expect(locationEmissionsG(1999n, 151n)).toBe(301n); // 301.849 floored
    expect(a.intensity).toBe(151n);
    expect(a.grade).toBe("C");
    // Two runs: (1000 * 100 + 3000 * 200) / 4000 = 175
    const b = aggregateModel([
      { ...run, energyWh: 1000n, locationIntensity: 100n },
      { ...run, energyWh: 3000n, locationIntensity: 200n },
    ]);
    expect(b.intensity).toBe(175n);
  });

  it("size classes split at 1B, 10B and 100B", () => {
    expect(sizeClassOf(160_000_000n)).toBe("small");
    expect(sizeClassOf(1_000_000_000n)).toBe("medium");
    expect(sizeClassOf(70_000_000_000n)).toBe("large");
    expect(sizeClassOf(175_000_000_000n)).toBe("frontier");
  });

  const base = { embodiedG: 0n, renewableBps: 0n, kind: Kind.PRETRAINING, method: Method.METER } as const;
  const atts: AggregateAttestation[] = [
    {
      ...base,
      status: Status.FINAL,
      energyWh: 1_287_000_000n,
      locationIntensity: 429n,
      verifier: "0xABC",
      leafPaidWei: 5n,
    },
    {
      ...base,
      status: Status.FINAL,
      kind: Kind.FINETUNING,
      method: Method.SOFTWARE,
      energyWh: 1000n,
      locationIntensity: 333n,
      renewableBps: 2500n,
      embodiedG: 50n,
      verifier: "0xabc",
      leafPaidWei: 7n,
    },
    { ...base, status: Status.SUPERSEDED, energyWh: 5000n, locationIntensity: 900n },
    { ...base, status: Status.INVALIDATED, energyWh: 5000n, locationIntensity: 900n },
    { ...base, status: Status.VERIFIED, energyWh: 2000n, locationIntensity: 100n, verifier: "0xdef" },
  ];

  it("aggregates Final attestations only by default", () => {
    const a = aggregateModel(atts, {
      parameterCount: 175_000_000_000n,
      certificates: [
        { kind: 1, amount: 100_000_000n },
        { kind: 0, amount: 42n },
      ],
    });
    expect(a.attestationCount).toBe(2);
    expect(a.energyWh).toBe(1_287_001_000n);
    // 552_123_000 + 333 (1000*333/1000)
    expect(a.locationEmissionsG).toBe(552_123_333n);
    // 552_123_000 + 249 (see market emissions case)
    expect(a.marketEmissionsG).toBe(552_123_249n);
    expect(a.embodiedG).toBe(50n);
    expect(a.totalG).toBe(552_123_383n);
    // 552_123_333 * 1000 / 1_287_001_000 = 428.99... → 428 (python3)
    expect(a.intensity).toBe(428n);
    expect(a.grade).toBe("D");
    // 1000*2500 / 1_287_001_000 → 0
    expect(a.renewableBps).toBe(0n);
    // 552_123_383 * 1e9 / 175e9 = 3_154_990.76 → 3_154_990 (python3)
    expect(a.gPerBillionParams).toBe(3_154_990n);
    expect(a.creditsG).toBe(100_000_000n);
    expect(a.recWh).toBe(42n);
    expect(a.marketNetG).toBe(452_123_249n);
    expect(a.leafEarnedWei).toBe(12n);
    expect(a.methods).toEqual({ 0: 1, 1: 1, 2: 0 });
    expect(a.verifiers).toEqual(["0xabc"]);
    expect(a.includesUnfinal).toBe(false);
  });

  it("includes Verified attestations with the toggle and filters by kind", () => {
    const a = aggregateModel(atts, { includeVerified: true });
    expect(a.attestationCount).toBe(3);
    expect(a.energyWh).toBe(1_287_003_000n);
    expect(a.locationEmissionsG).toBe(552_123_533n);
    expect(a.includesUnfinal).toBe(true);
    expect(a.verifiers).toEqual(["0xabc", "0xdef"]);
    expect(a.gPerBillionParams).toBeNull();
    const ft = aggregateModel(atts, { kinds: [Kind.FINETUNING] });
    expect(ft.energyWh).toBe(1000n);
    expect(ft.renewableBps).toBe(2500n);
    expect(aggregateModel([]).grade).toBeNull();
  });
});

describe("efficiency (SPEC 9, v1.1)", () => {
  it("GPT-3: 1,287 MWh over 6 × 175e9 × 300e9 FLOP = 4,085 mWh per PFLOP = 4.09 Wh/PFLOP", () => {
    const m = mWhPerPflop(mWhToWh("1287"), 175_000_000_000n, 300_000_000_000n);
    expect(m).toBe(4085n);
    expect(formatWhPerPflop(m as bigint)).toBe("4.09 Wh/PFLOP");
  });

  it("BLOOM: 433 MWh over 6 × 176e9 × 366e9 FLOP = 1,120 mWh per PFLOP = 1.12 Wh/PFLOP", () => {
    const m = mWhPerPflop(mWhToWh("433"), 176_000_000_000n, 366_000_000_000n);
    expect(m).toBe(1120n);
    expect(formatWhPerPflop(m as bigint)).toBe("1.12 Wh/PFLOP");
  });

  it("rounds the integer once, down, and has no value without parameters or work", () => {
    // 1,000 Wh * 1e18 / (6 * 1e9 * 1e9) = 166.67 → 166
    expect(mWhPerPflop(1_000n, 1_000_000_000n, 1_000_000_000n)).toBe(166n);
    expect(mWhPerPflop(1n, 0n, 5n)).toBeNull();
    expect(mWhPerPflop(1n, 5n, 0n)).toBeNull();
    expect(() => mWhPerPflop(-1n, 1n, 1n)).toThrow(RangeError);
  });

  it("formats Wh/PFLOP with two decimals, rounded half up, digits grouped", () => {
    expect(formatWhPerPflop(4084n)).toBe("4.08 Wh/PFLOP");
    expect(formatWhPerPflop(4085n)).toBe("4.09 Wh/PFLOP");
    expect(formatWhPerPflop(5n)).toBe("0.01 Wh/PFLOP");
    expect(formatWhPerPflop(4n)).toBe("0 Wh/PFLOP");
    expect(formatWhPerPflop(1_234_567n)).toBe("1,234.57 Wh/PFLOP");
  });

  it("a model's aggregate carries its efficiency over counted attestations that state their work", () => {
    const base = {
      embodiedG: 0n,
      renewableBps: 0n,
      method: Method.METER,
      status: Status.FINAL,
      locationIntensity: 100n,
    };
    const a = aggregateModel(
      [
        // GPT-3 in two runs, both with tokens
        { ...base, kind: Kind.PRETRAINING, energyWh: mWhToWh("1000"), workUnits: 200_000_000_000n },
        { ...base, kind: Kind.PRETRAINING, energyWh: mWhToWh("287"), workUnits: 100_000_000_000n },
        // a run without tokens counts for energy but not for efficiency
        { ...base, kind: Kind.PRETRAINING, energyWh: 5_000n },
        // not counted: only Verified in the Final counting, and Rejected
        { ...base, kind: Kind.PRETRAINING, status: Status.VERIFIED, energyWh: 9n, workUnits: 1n },
        { ...base, kind: Kind.PRETRAINING, status: Status.REJECTED, energyWh: 9n, workUnits: 1n },
        { ...base, kind: Kind.INFERENCE, energyWh: 3_000n, workUnits: 1_000_000n },
        { ...base, kind: Kind.INFERENCE, energyWh: 7_000n },
      ],
      { parameterCount: 175_000_000_000n },
    );
    expect(a.mWhPerPflop).toBe(4085n);
    expect(a.mWhPerRequest).toBe(3n);
    // no parameter count, no training figure; no work, no figure at all
    expect(
      aggregateModel([{ ...base, kind: Kind.PRETRAINING, energyWh: 1n, workUnits: 1n }]).mWhPerPflop,
    ).toBeNull();
    expect(aggregateModel([{ ...base, kind: Kind.INFERENCE, energyWh: 1n }]).mWhPerRequest).toBeNull();
  });

  it("inference: sum(energyWh) * 1000 / sum(workUnits) mWh per request", () => {
    expect(mWhPerRequest(3_000n, 1_000_000n)).toBe(3n);
    expect(mWhPerRequest(2_999n, 1_000_000n)).toBe(2n);
    expect(mWhPerRequest(5n, 0n)).toBeNull();
    expect(formatMWhPerRequest(12_345n)).toBe("12,345 mWh/request");
  });

  it("rates by quintile among peers, lowest energy = A, with ties sharing a rating", () => {
    const peers = [10n, 20n, 30n, 40n, 50n];
    expect(peers.map((v) => efficiencyRating(v, peers))).toEqual(["A", "B", "C", "D", "E"]);
    const ten = [1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n, 9n, 10n];
    expect(ten.map((v) => efficiencyRating(v, ten))).toEqual([
      "A",
      "A",
      "B",
      "B",
      "C",
      "C",
      "D",
      "D",
      "E",
      "E",
    ]);
    const ties = [5n, 5n, 5n, 9n, 9n, 9n];
    expect(ties.map((v) => efficiencyRating(v, ties))).toEqual(["A", "A", "A", "C", "C", "C"]);
    const batch = efficiencyRatings(ties.map((value, key) => ({ key, value })));
    expect([...batch.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r)).toEqual(
      ties.map((v) => efficiencyRating(v, ties)),
    );
    const tenBatch = efficiencyRatings([...ten].reverse().map((value) => ({ key: value, value })));
    expect(ten.map((v) => tenBatch.get(v))).toEqual(ten.map((v) => efficiencyRating(v, ten)));
  });

  it('says "not enough peers" below 5 ranked peers', () => {
    expect(efficiencyRating(1n, [1n, 2n, 3n, 4n])).toBe("not enough peers");
    expect(efficiencyRatings([{ key: "a", value: 1n }]).get("a")).toBe("not enough peers");
  });
});

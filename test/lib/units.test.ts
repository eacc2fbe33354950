import { describe, expect, it } from "vitest";
import {
  formatBps,
  formatEmissionsG,
  formatEnergyWh,
  formatIntensity,
  formatLeaf,
  formatPue,
  fractionToBps,
  gWhToWh,
  kgToG,
  kWhToWh,
  mWhToWh,
  parseDecimal,
  percentToBps,
  pueToMilli,
  tonnesToG,
  UnitError,
} from "../../lib/units";

describe("parseDecimal", () => {
  it("parses exactly, exponents included", () => {
    expect(parseDecimal("0.026834512")).toEqual({ num: 26834512n, den: 1_000_000_000n });
    expect(parseDecimal("1.46e-3")).toEqual({ num: 146n, den: 100_000n });
    expect(parseDecimal("8.0")).toEqual({ num: 80n, den: 10n });
    expect(parseDecimal("  8.0 ")).toEqual({ num: 80n, den: 10n });
    expect(parseDecimal("2E3")).toEqual({ num: 2000n, den: 1n });
    expect(parseDecimal(".5")).toEqual({ num: 5n, den: 10n });
    expect(parseDecimal("-1.5")).toEqual({ num: -15n, den: 10n });
  });

  it("names the bad value", () => {
    for (const bad of ["", "abc", "1,5", "NaN", "inf", "1e", ".", "1.2.3", "0x10"]) {
      expect(() => parseDecimal(bad, "energy")).toThrow(UnitError);
    }
    expect(() => parseDecimal("1,5", "energy")).toThrow('energy: "1,5" is not a decimal number');
  });
});

describe("edge conversions round down", () => {
  it("kWh → Wh without float error", () => {
    // 0.026839209879868518 kWh = 26.839... Wh → 26 (AzimovS last row)
    expect(kWhToWh("0.026839209879868518")).toBe(26n);
    // 0.1 + 0.2 style values stay exact: 0.3 kWh is 300 Wh, not 299
    expect(kWhToWh("0.3")).toBe(300n);
    expect(kWhToWh("1.451041340110144")).toBe(1451n);
    expect(kWhToWh("4.375043222246133e-06")).toBe(0n);
    expect(kWhToWh("1.46e-3")).toBe(1n);
  });

  it("MWh, GWh, kg and t", () => {
    expect(mWhToWh("1287")).toBe(1_287_000_000n);
    expect(mWhToWh("0.0000015")).toBe(1n);
    expect(gWhToWh("1.5")).toBe(1_500_000_000n);
    expect(kgToG("5.6")).toBe(5600n);
    expect(kgToG("0.0091006761456482")).toBe(9n);
    expect(tonnesToG("552.1")).toBe(552_100_000n);
  });

  it("PUE and shares", () => {
    expect(pueToMilli("1.12")).toBe(1120n);
    expect(pueToMilli("1.0")).toBe(1000n);
    expect(pueToMilli("1.0999")).toBe(1099n);
    expect(fractionToBps("0.35")).toBe(3500n);
    expect(fractionToBps("0.00019")).toBe(1n);
    expect(fractionToBps("1")).toBe(10_000n);
    expect(percentToBps("35")).toBe(3500n);
    expect(percentToBps("12.345%")).toBe(1234n);
    expect(() => fractionToBps("1.01")).toThrow(/above 1/);
    expect(() => percentToBps("100.001")).toThrow(/above 100/);
  });

  it("rejects negatives naming the value", () => {
    expect(() => kWhToWh("-0.5")).toThrow('energy (kWh): "-0.5" is negative');
  });
});

describe("display formatting truncates", () => {
  it("energy", () => {
    expect(formatEnergyWh(1_287_000_000n)).toBe("1,287 MWh");
    expect(formatEnergyWh(1_287_654_321_000n)).toBe("1,287,654.3 MWh");
    expect(formatEnergyWh(26n)).toBe("26 Wh");
    expect(formatEnergyWh(1451n)).toBe("1.4 kWh");
    expect(formatEnergyWh(0n)).toBe("0 Wh");
  });

  it("emissions, LEAF, intensity, bps, PUE", () => {
    expect(formatEmissionsG(552_123_000n)).toBe("552.1 tCO2e");
    expect(formatEmissionsG(1710n)).toBe("1.7 kgCO2e");
    expect(formatEmissionsG(583n)).toBe("583 gCO2e");
    expect(formatLeaf(12_500_000_000_000_000_000n)).toBe("12.5 LEAF");
    expect(formatLeaf(1_000_000n * 10n ** 18n)).toBe("1,000,000 LEAF");
    expect(formatLeaf(1n)).toBe("0 LEAF");
    expect(formatIntensity(2429n)).toBe("2,429 gCO2e/kWh");
    expect(formatBps(3550n)).toBe("35.5%");
    expect(formatPue(1120n)).toBe("1.12");
    expect(formatPue(1000n)).toBe("1");
  });
});

import { describe, expect, it } from "vitest";
import { ACCELERATORS, estimateEnergy, GRID_REGIONS } from "../../lib/estimator";

describe("ESTIMATE: TDP x devices x hours x PUE", () => {
  it("estimates LLaMA-7B's published figure: 82,432 A100-hours at 400 W and PUE 1.1 is 36 MWh", () => {
    // LLaMA paper Table 15: 82,432 GPU-hours x 400 W x 1.1 = 36.27 MWh, published as 36 MWh.
    const { energyWh, acceleratorHours } = estimateEnergy({
      tdpW: 400,
      count: 1,
      hours: 82_432,
      pueMilli: 1100,
    });
    expect(energyWh).toBe(36_270_080n);
    expect(acceleratorHours).toBe(82_432n);
  });

  it("handles fractional hours and rounds down to whole Wh", () => {
    // 8 x 700 W x 1.5 h x 1.2 = 10,080 Wh; 1 x 72 W x 0.001 h x 1.0 = 0.072 Wh -> 0
    expect(estimateEnergy({ tdpW: 700, count: 8, hours: 1.5, pueMilli: 1200 }).energyWh).toBe(10_080n);
    expect(estimateEnergy({ tdpW: 72, count: 1, hours: 0.001, pueMilli: 1000 }).energyWh).toBe(0n);
  });

  it("names every bad input", () => {
    expect(() => estimateEnergy({ tdpW: 0, count: 1, hours: 1, pueMilli: 1000 })).toThrow(/TDP/);
    expect(() => estimateEnergy({ tdpW: 300, count: -2, hours: 1, pueMilli: 1000 })).toThrow(/Device count/);
    expect(() => estimateEnergy({ tdpW: 300, count: 1, hours: Number.NaN, pueMilli: 1000 })).toThrow(/Hours/);
    expect(() => estimateEnergy({ tdpW: 300, count: 1, hours: 1, pueMilli: 900 })).toThrow(
      /PUE must be between/,
    );
  });

  it("cites a source for every table entry and keeps intensities within the SPEC bound", () => {
    for (const a of ACCELERATORS) expect(a.source.length).toBeGreaterThan(10);
    for (const g of GRID_REGIONS) {
      expect(g.source.length).toBeGreaterThan(10);
      expect(g.intensity).toBeLessThanOrEqual(2000);
    }
    expect(new Set(ACCELERATORS.map((a) => a.id)).size).toBe(ACCELERATORS.length);
  });
});

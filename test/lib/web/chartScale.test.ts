import { describe, expect, it } from "vitest";
import { niceAxis, shareOf } from "../../../lib/web/chartScale";

describe("chart axis", () => {
  it("ends at the first 1/2/5 step at or above the largest value, about four intervals", () => {
    // GPT-3's 1,287 MWh: step 500 MWh, axis to 1,500 MWh.
    expect(niceAxis(1_287_000_000n)).toEqual({
      step: 500_000_000n,
      end: 1_500_000_000n,
      ticks: [0n, 500_000_000n, 1_000_000_000n, 1_500_000_000n],
    });
    expect(niceAxis(400n).ticks).toEqual([0n, 100n, 200n, 300n, 400n]);
    expect(niceAxis(7n)).toMatchObject({ step: 2n, end: 8n });
    expect(niceAxis(0n).end).toBe(1n);
  });

  it("places a value as its share of the axis, never past it", () => {
    expect(shareOf(750n, 1_500n)).toBe(0.5);
    expect(shareOf(1_500n, 1_500n)).toBe(1);
    expect(shareOf(0n, 1_500n)).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import type { EfficiencyFigures } from "../../../lib/indexer/client";
import { efficiencyRatingText } from "../../../lib/web/efficiency";

const figures = (over: Partial<EfficiencyFigures>): EfficiencyFigures => ({
  mWhPerPflop: null,
  mWhPerRequest: null,
  rating: null,
  requestRating: null,
  block: 1,
  ...over,
});

describe("efficiency rating as shown", () => {
  it("shows the training rating, else the inference one named as such", () => {
    expect(efficiencyRatingText(figures({ mWhPerPflop: "4085", rating: "B", requestRating: "E" }))).toBe("B");
    expect(efficiencyRatingText(figures({ mWhPerRequest: "12", requestRating: "A" }))).toBe("A (inference)");
    expect(efficiencyRatingText(figures({ mWhPerPflop: "4085", rating: "not enough peers" }))).toBe(
      "not enough peers",
    );
  });

  it("shows a dash when there is no figure, never a rating it does not have", () => {
    expect(efficiencyRatingText(undefined)).toBe("—");
    expect(efficiencyRatingText(null)).toBe("—");
    expect(efficiencyRatingText(figures({}))).toBe("—");
  });
});

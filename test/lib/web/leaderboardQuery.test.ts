import { describe, expect, it } from "vitest";
import { leaderboardParams, sortLink, withParams } from "../../../lib/web/leaderboardQuery";

describe("leaderboard URL state", () => {
  it("keeps only known, non-empty parameters", () => {
    const p = leaderboardParams({
      sort: "energyWh",
      task: "",
      evil: "1",
      kind: ["PRETRAINING", "FINETUNING"],
    });
    expect(p.toString()).toBe("sort=energyWh&kind=PRETRAINING%2CFINETUNING");
  });

  it("changes one thing, keeps filters, and resets the page", () => {
    const p = new URLSearchParams("task=translation&page=3");
    expect(withParams(p, { basis: "market" })).toBe("?task=translation&basis=market");
    expect(withParams(p, { page: "4" })).toBe("?task=translation&page=4");
  });

  it("flips the order when the same column is clicked again", () => {
    expect(sortLink(new URLSearchParams("sort=energyWh&order=desc"), "energyWh", "desc")).toBe(
      "?sort=energyWh&order=asc",
    );
    expect(sortLink(new URLSearchParams(""), "energyWh", "desc")).toBe("?sort=energyWh&order=desc");
    expect(sortLink(new URLSearchParams(""), "intensity", "asc")).toBe("?sort=intensity&order=desc");
  });
});

import { describe, expect, it } from "vitest";
import { compareHref, compareIds } from "../../../lib/web/compareQuery";

describe("compare URL", () => {
  it("reads a shared comma list and a form's repeated ids the same way", () => {
    expect(compareIds({ ids: "3,1, 2" })).toEqual(["3", "1", "2"]);
    expect(compareIds({ ids: ["3", "1", "2"] })).toEqual(["3", "1", "2"]);
    expect(compareIds({ ids: ["3,1", "", "2"] })).toEqual(["3", "1", "2"]);
    expect(compareIds({})).toEqual([]);
  });

  it("writes the canonical shareable link", () => {
    expect(compareHref([3n, 1, "2"])).toBe("/compare?ids=3,1,2");
  });
});

import { describe, expect, it } from "vitest";
import { checkAnswer } from "../../indexer/apiContract";

const sync = {
  chainId: 31337,
  block: { number: 12, timestamp: 1_700_000_000 },
  finalityClock: 1_700_000_000,
};
const verifier = {
  address: `0x${"ab".repeat(20)}`,
  index: 0,
  name: "Board Verifier Ltd",
  uri: "https://example.org",
  active: true,
  accreditedAt: "1700000000",
  verdicts: { verified: 1, rejected: 0, invalidated: 0 },
  certificates: { confirmed: 0, rejected: 0 },
  efficiencyBonusesApproved: 0,
  rewardWei: "118000000000000000",
};
const url = "http://127.0.0.1:1/api/v1/verifiers";

describe("answers checked against their route's schema (the indexer tests' contract)", () => {
  it("accepts an answer of the declared shape, and error answers", () => {
    expect(() => checkAnswer(url, 200, { apiVersion: "v1", sync, verifiers: [verifier] })).not.toThrow();
    const bad = {
      error: { code: "bad_parameter", param: "page", message: 'page must be an integer >= 1, got "0"' },
    };
    expect(() => checkAnswer("http://x/api/v1/models?page=0", 400, bad)).not.toThrow();
  });

  it("refuses a renamed, retyped or undeclared field", () => {
    const { rewardWei, ...renamed } = verifier;
    const answer = (v: object) => ({ apiVersion: "v1", sync, verifiers: [v] });
    expect(() => checkAnswer(url, 200, answer({ ...renamed, rewardsWei: rewardWei }))).toThrow(
      /at verifiers\[0\]\.rewardWei/,
    );
    expect(() => checkAnswer(url, 200, answer({ ...verifier, rewardWei: 118 }))).toThrow(/does not match/);
    expect(() => checkAnswer(url, 200, answer({ ...verifier, stars: 5 }))).toThrow(
      /does not declare: \.verifiers\[0\]\.stars/,
    );
    expect(() => checkAnswer("http://x/api/v1/models/abc", 400, { error: "bad" })).toThrow(/does not match/);
  });
});

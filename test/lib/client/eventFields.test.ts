import type { Log } from "viem";
import { describe, expect, it } from "vitest";
import { eventFields } from "../../../lib/client/core";
import type { DecodedEvent } from "../../../lib/client/types";

const event = (eventName: string, args: Record<string, unknown>): DecodedEvent => ({
  contract: "AttestationRegistry",
  eventName,
  args,
  log: {} as Log,
});

describe("eventFields", () => {
  const events = [
    event("AttestationVerified", { id: "0x01", finalAt: 5n }),
    event("RewardClaimed", {
      id: "0x02",
      modelId: 7n,
      owner: "0xaa",
      reward: 10n,
      verifier: "0xbb",
      verifierReward: 1n,
    }),
    event("RewardClaimed", {
      id: "0x03",
      modelId: 8n,
      owner: "0xcc",
      reward: 20n,
      verifier: "0xdd",
      verifierReward: 2n,
    }),
  ];

  it("takes the listed arguments of the first event of the name, in the listed order, and no others", () => {
    const claim = eventFields<{ reward: bigint; id: string }>(events, "RewardClaimed", ["reward", "id"]);
    expect(claim).toStrictEqual({ reward: 10n, id: "0x02" });
    expect(Object.keys(claim)).toEqual(["reward", "id"]);
  });

  it("throws when the transaction emitted no such event", () => {
    expect(() => eventFields<{ amount: bigint }>(events, "RefundWithdrawn", ["amount"])).toThrow(
      "The transaction emitted no RefundWithdrawn event.",
    );
  });
});

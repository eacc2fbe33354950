import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ActivityFeed } from "@/components/ActivityFeed";
import type { ActivityItem } from "@/lib/indexer/client";

const VERIFIER = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
const item = (over: Partial<ActivityItem>): ActivityItem => ({
  id: "1",
  type: "AttestationVerified",
  modelId: "7",
  modelName: "Journey model",
  attestationId: `0x${"1".repeat(64)}`,
  actor: VERIFIER,
  amount: null,
  block: "12",
  timestamp: "1764000000",
  transactionHash: `0x${"2".repeat(64)}`,
  ...over,
});

describe("ActivityFeed", () => {
  it("names an accredited verifier, links the actor's page and says UTC once", () => {
    const html = renderToStaticMarkup(
      <ActivityFeed items={[item({})]} names={new Map([[VERIFIER.toLowerCase(), "E2E Verifier"]])} />,
    );
    expect(html).toContain(">E2E Verifier</a>");
    expect(html).toContain(`href="/address/${VERIFIER}"`);
    expect(html).toContain("2025-11-24 16:00 UTC<");
    expect(html).not.toContain("UTC UTC");
  });

  it("shows a short address for an actor without a name", () => {
    const html = renderToStaticMarkup(<ActivityFeed items={[item({ type: "ModelRegistered" })]} />);
    expect(html).toContain(">0x3C44…93BC</a>");
  });
});

import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { IndexedAt } from "@/components/IndexedAt";

const block = { number: 120, timestamp: 1_764_000_000 };

describe("IndexedAt", () => {
  it("says nothing of a pause while the finality clock runs with the chain", () => {
    const html = renderToStaticMarkup(
      <IndexedAt sync={{ chainId: 31337, block, finalityClock: block.timestamp }} />,
    );
    expect(html).toContain("Indexed to block 120");
    expect(html).not.toContain("paused");
  });

  it("says since when the protocol is paused when the finality clock stands still", () => {
    const html = renderToStaticMarkup(
      <IndexedAt sync={{ chainId: 31337, block, finalityClock: block.timestamp - 3 * 86_400 }} />,
    );
    expect(html).toContain("paused since 2025-11-21");
    expect(html).toContain("no attestation becomes Final until it resumes");
  });
});

// The README badge: text laid out with real glyph widths (a wide value makes a wider badge, never
// clipped text), escaped, and labelled for screen readers.
import { expect, test } from "vitest";
import { badgeSvg } from "../../indexer/src/api/badge";

const widthOf = (svg: string) => Number(/<svg[^>]* width="([\d.]+)"/.exec(svg)?.[1]);

test("a badge is as wide as its text", () => {
  const narrow = badgeSvg("carbon grade", "B · 111 g/kWh", "#7cb342");
  const wide = badgeSvg("carbon grade", "B · WWW g/kWh", "#7cb342");
  // 'W' is far wider than '1' in Verdana: guessed per-class widths put them within 8 px.
  expect(widthOf(wide) - widthOf(narrow)).toBeGreaterThanOrEqual(11);
  expect(narrow).toContain('fill="#7cb342"');
});

test("text is escaped and announced", () => {
  const svg = badgeSvg("carbon grade", "<script>&", "#9f9f9f");
  expect(svg).not.toContain("<script>");
  expect(svg).toContain("&lt;script&gt;&amp;");
  expect(svg).toMatch(/aria-label="carbon grade: &lt;script&gt;&amp;"/);
});

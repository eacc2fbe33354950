import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BarChart } from "../../components/charts/BarChart";
import { formatEnergyWh } from "../../lib/units";
import { fitText, textWidth } from "../../lib/web/textWidth";

const LABELS = [
  "oard53697 demo BLOOM-176B (BigScience) with a long name",
  "WWWWWWWWWWWWWWWWWWWWWWWW",
  "GPT-3",
  "Llama 2 70B",
  "日本語モデル大規模言語モデル",
];

function render() {
  return renderToStaticMarkup(
    createElement(BarChart, {
      id: "t",
      title: "Energy",
      axisLabel: "energy (facility)",
      series: [{ name: "Energy", fill: "fill-sky-600", swatch: "bg-sky-600" }],
      rows: LABELS.map((label, i) => ({ key: String(i), label, values: [BigInt((i + 1) * 1_287_000_000)] })),
      format: formatEnergyWh,
    }),
  );
}

/** Every <text> of the SVG: its x, anchor, font size (from its text-[Npx] class) and own text. */
function texts(svg: string) {
  return [...svg.matchAll(/<text([^>]*)>([\s\S]*?)<\/text>/g)].map(([, attrs = "", inner = ""]) => ({
    x: Number(/ x="([\d.-]+)"/.exec(attrs)?.[1]),
    anchor: /text-anchor="(\w+)"/.exec(attrs)?.[1] ?? "start",
    size: Number(/text-\[(\d+)px\]/.exec(attrs)?.[1]),
    text: inner.replace(/<title>[\s\S]*?<\/title>/g, "").replace(/&amp;/g, "&"),
    title: /<title>([\s\S]*?)<\/title>/.exec(inner)?.[1] ?? null,
  }));
}

describe("BarChart labels", () => {
  it("keeps every text inside the canvas, by the same width estimate the chart uses", () => {
    const svg = render();
    const width = Number(/viewBox="0 0 ([\d.]+) /.exec(svg)?.[1]);
    const all = texts(svg);
    expect(all.length).toBeGreaterThan(LABELS.length);
    for (const t of all) {
      const w = textWidth(t.text, t.size);
      const left = t.anchor === "end" ? t.x - w : t.anchor === "middle" ? t.x - w / 2 : t.x;
      expect(left, `"${t.text}" starts at ${left}`).toBeGreaterThanOrEqual(0);
      expect(left + w, `"${t.text}" ends at ${left + w}`).toBeLessThanOrEqual(width);
    }
  });

  it("shortens a long row label with an ellipsis and keeps the full name in its title and the table", () => {
    const svg = render();
    const rowLabels = texts(svg).filter((t) => t.anchor === "end" && t.title !== null);
    expect(rowLabels.map((t) => t.title)).toEqual(LABELS);
    const long = rowLabels[0];
    expect(long?.text.endsWith("…")).toBe(true);
    expect(LABELS[0]?.startsWith(long?.text.slice(0, -1) ?? "x")).toBe(true);
    expect(rowLabels[2]?.text).toBe("GPT-3");
    for (const label of LABELS) expect(svg).toContain(`<th scope="row">${label}</th>`);
  });
});

describe("text width estimate", () => {
  it("counts wide letters wider than narrow ones and fits with an ellipsis", () => {
    expect(textWidth("WWW", 10)).toBeGreaterThan(textWidth("iii", 10) * 3);
    expect(fitText("short", 100, 11)).toBe("short");
    const fitted = fitText("a very long model name indeed", 60, 11);
    expect(fitted.endsWith("…")).toBe(true);
    expect(textWidth(fitted, 11)).toBeLessThanOrEqual(60);
  });
});

// CodeCarbon files re-saved by a spreadsheet: semicolon- or tab-separated, numbers with a decimal
// comma. The same measurements must give the same figures as CodeCarbon's own comma-separated file,
// and the importer says which format it read.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { aggregateRuns, CodeCarbonImportError, parseCodeCarbonCsv } from "../../../lib/importers/codecarbon";
import { detectDelimiter, parseCsv } from "../../../lib/importers/csv";

const local = (name: string) => readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");
const shared = (name: string) =>
  readFileSync(path.resolve(import.meta.dirname, "../../../../shared/fixtures/codecarbon", name), "utf8");

const figures = (text: string) => {
  const imp = parseCodeCarbonCsv(text);
  const agg = aggregateRuns(imp.runs);
  return {
    rows: imp.rows.length,
    energyWh: agg.energyWh,
    emissionsG: agg.emissionsG,
    intensity: agg.locationIntensity,
    start: agg.periodStart,
    end: agg.periodEnd,
    pueMilli: agg.pueMilli,
    region: agg.region,
  };
};

describe("CSV delimiter and decimal comma", () => {
  const reference = figures(shared("FNNDSC__pypx-repack-codecarbon-datalad.csv"));

  it("the reference figures are the shared fixture's (1455 Wh at 373 g/kWh, US-MA)", () => {
    expect(reference).toMatchObject({ rows: 2, energyWh: 1455n, intensity: 373n, region: "US-MA" });
  });

  it("detects comma, semicolon and tab from the header, ignoring quoted ones", () => {
    expect(detectDelimiter("a,b;c\n1;2;3")).toBe(",");
    expect(detectDelimiter("a;b;c\n1,5;2;3")).toBe(";");
    expect(detectDelimiter("a\tb\tc\n")).toBe("\t");
    expect(detectDelimiter('"x;y;z",b\n')).toBe(",");
    expect(detectDelimiter("single\n")).toBe(",");
    expect(parseCsv('a;"b;c"\n1;2\n', ";").map((r) => r.fields)).toEqual([
      ["a", "b;c"],
      ["1", "2"],
    ]);
  });

  it("the comma fixture taken from the shared file gives the shared file's figures", () => {
    expect(figures(local("codecarbon-comma-first-rows.csv"))).toEqual(reference);
    const imp = parseCodeCarbonCsv(local("codecarbon-comma-first-rows.csv"));
    expect(imp.delimiter).toBe(",");
    expect(imp.decimalComma).toBe(false);
    expect(imp.warnings.some((w) => w.code === "CSV_FORMAT")).toBe(false);
  });

  it("a semicolon-separated file with decimal commas gives the same figures and says how it was read", () => {
    const text = local("codecarbon-semicolon-decimal-comma.csv");
    expect(figures(text)).toEqual(reference);
    const imp = parseCodeCarbonCsv(text);
    expect(imp.delimiter).toBe(";");
    expect(imp.decimalComma).toBe(true);
    expect(imp.columns).toContain("energy_consumed");
    expect(imp.warnings.find((w) => w.code === "CSV_FORMAT")?.message).toMatch(
      /semicolon-separated, decimal comma/,
    );
  });

  it("a tab-separated file gives the same figures", () => {
    const imp = parseCodeCarbonCsv(local("codecarbon-tab.csv"));
    expect(imp.delimiter).toBe("\t");
    expect(imp.decimalComma).toBe(false);
    expect(figures(local("codecarbon-tab.csv"))).toEqual(reference);
  });

  it("a semicolon file missing a column names that column, not all of them", () => {
    const text = local("codecarbon-semicolon-decimal-comma.csv").replace("energy_consumed", "energy");
    const error = (() => {
      try {
        parseCodeCarbonCsv(text);
      } catch (e) {
        return e as CodeCarbonImportError;
      }
    })();
    expect(error).toBeInstanceOf(CodeCarbonImportError);
    expect(error?.code).toBe("MISSING_COLUMNS");
    expect(error?.message).toBe("missing required column(s): energy_consumed");
  });
});

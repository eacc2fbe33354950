// The CodeCarbon importer's refusals (each with its code and the line and column it names) and synthetic
// cases (quoting, exact sums, non-cumulative rows, timestamps); the real fixtures are in codecarbonFixtures.test.ts.
import { describe, expect, it } from "vitest";
import {
  aggregateRuns,
  CodeCarbonImportError,
  MAX_CODECARBON_FILE_BYTES,
  parseCodeCarbonCsv,
  parseCodeCarbonTimestamp,
} from "../../../lib/importers/codecarbon";

describe("CodeCarbon importer: errors", () => {
  const header =
    "timestamp,project_name,run_id,duration,emissions,energy_consumed,country_name,country_iso_code,region";
  const code = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      if (e instanceof CodeCarbonImportError) return `${e.code}: ${e.message}`;
      throw e;
    }
    return "no error";
  };

  it("empty files, including a 1-byte file", () => {
    expect(code(() => parseCodeCarbonCsv(""))).toBe("EMPTY: file is empty");
    expect(code(() => parseCodeCarbonCsv("\n"))).toBe("EMPTY: file is empty");
  });

  it("a Git LFS pointer", () => {
    const lfs = "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a2146\nsize 132\n";
    expect(code(() => parseCodeCarbonCsv(lfs))).toMatch(/^LFS_POINTER: .*Git LFS pointer/);
  });

  it("a file over 20 MiB", () => {
    expect(MAX_CODECARBON_FILE_BYTES).toBe(20_971_520);
    expect(code(() => parseCodeCarbonCsv(`${header}\n`, MAX_CODECARBON_FILE_BYTES + 1))).toMatch(
      /^TOO_LARGE: file is 20971521 bytes/,
    );
  });

  it("a CSV that CodeCarbon did not write (vehicle CO2)", () => {
    const vehicles =
      "Make,Model,Vehicle Class,Engine Size(L),Cylinders,Fuel Type,CO2 Emissions(g/km)\nACURA,ILX,COMPACT,2.0,4,Z,196\n";
    expect(code(() => parseCodeCarbonCsv(vehicles))).toMatch(
      /^NOT_CODECARBON: not a CodeCarbon emissions.csv/,
    );
  });

  it("missing required columns are named", () => {
    expect(code(() => parseCodeCarbonCsv("country,year,emissions\nFR,2020,1.5\n"))).toBe(
      "MISSING_COLUMNS: missing required column(s): timestamp, duration, energy_consumed, run_id (or experiment_id)",
    );
  });

  it("non-numeric and negative values name line and column", () => {
    const bad = `${header}\n2024-01-01T00:00:00,p,r1,10,0.001,0.002,France,FRA,\n2024-01-01T00:01:00,p,r2,10,abc,0.002,France,FRA,\n`;
    try {
      parseCodeCarbonCsv(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CodeCarbonImportError);
      const err = e as CodeCarbonImportError;
      expect(err.message).toBe('line 3, column "emissions": "abc" is not a number');
      expect([err.line, err.column]).toEqual([3, "emissions"]);
    }
    const neg = `${header}\n2024-01-01T00:00:00,p,r1,10,0.001,-0.002,France,FRA,\n`;
    expect(code(() => parseCodeCarbonCsv(neg))).toBe(
      'INVALID_VALUE: line 2, column "energy_consumed": "-0.002" is negative',
    );
    const empty = `${header}\n2024-01-01T00:00:00,p,r1,10,0.001,,France,FRA,\n`;
    expect(code(() => parseCodeCarbonCsv(empty))).toBe(
      'INVALID_VALUE: line 2, column "energy_consumed": value is empty',
    );
    const ts = `${header}\nyesterday,p,r1,10,0.001,0.002,France,FRA,\n`;
    expect(code(() => parseCodeCarbonCsv(ts))).toMatch(/line 2, column "timestamp"/);
  });

  it("a header without rows, and an unterminated quote", () => {
    expect(code(() => parseCodeCarbonCsv(`${header}\n`))).toMatch(/^NO_ROWS/);
    expect(code(() => parseCodeCarbonCsv(`${header}\n2024-01-01T00:00:00,"p,r1,10\n`))).toMatch(
      /^CSV_SYNTAX: line 2/,
    );
  });
});

describe("CodeCarbon importer: synthetic cases", () => {
  const header =
    "timestamp,project_name,run_id,duration,emissions,energy_consumed,country_name,country_iso_code,region,gpu_count,gpu_model";

  it("reads quoted fields and skips rows with the wrong field count", () => {
    const text = `${header}\r\n2024-01-01T00:00:10,"proj, with comma",r1,10,0.5,1.0,"United States",USA,"new york",2,"2 x A100"\r\n2024-01-01T00:00:20,p,r2,10\r\n`;
    const imp = parseCodeCarbonCsv(text);
    expect(imp.runs[0]?.projectName).toBe("proj, with comma");
    expect(imp.runs[0]?.region).toBe("US-NY");
    expect(imp.warnings.find((w) => w.code === "SKIPPED_ROW")?.line).toBe(3);
    // 2 GPUs × 10 s = 20 GPU-seconds; 1 kWh = 1000 Wh at 500 g/kWh
    const a = aggregateRuns(imp.runs);
    expect([a.energyWh, a.locationIntensity, a.acceleratorHours, a.periodStart, a.periodEnd]).toEqual([
      1000n,
      500n,
      0n,
      1704067200n,
      1704067210n,
    ]);
  });

  it("sums runs exactly before rounding and weights intensity by energy", () => {
    // 0.0006 + 0.0006 kWh = 1.2 Wh → 1 (rounding per run first would give 0);
    // (0.0003 kg + 0.00006 kg) × 1000 / 0.0012 kWh = 300 g/kWh
    const text = `${header}\n2024-01-01T00:00:10,p,a,3600,0.0003,0.0006,France,FRA,,1,1 x T4\n2024-01-01T02:00:00,p,b,3600,0.00006,0.0006,France,FRA,,3,3 x T4\n`;
    const a = aggregateRuns(parseCodeCarbonCsv(text).runs);
    expect(a.energyWh).toBe(1n);
    expect(a.locationIntensity).toBe(300n);
    expect(a.acceleratorHours).toBe(4n);
    expect(a.periodStart).toBe(1704063610n);
  });

  it("warns when rows of one run are not cumulative", () => {
    const text = `${header}\n2024-01-01T00:00:10,p,r,20,0.1,0.2,France,FRA,,,\n2024-01-01T00:00:20,p,r,5,0.1,0.2,France,FRA,,,\n`;
    expect(parseCodeCarbonCsv(text).warnings.some((w) => w.code === "NOT_CUMULATIVE" && w.line === 3)).toBe(
      true,
    );
  });

  it("parses timestamps as UTC unless an offset is given", () => {
    expect(parseCodeCarbonTimestamp("2023-12-12T22:00:52")).toBe(1702418452);
    expect(parseCodeCarbonTimestamp("2023-12-12T23:00:52+01:00")).toBe(1702418452);
    expect(parseCodeCarbonTimestamp("N")).toBeNull();
  });
});

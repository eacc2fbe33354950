/**
 * CodeCarbon `emissions.csv` importer (every layout from 1.x to 3.2, see
 * shared/fixtures/README.md). Input is the file's text, so it runs in the browser.
 *
 * Facts this importer relies on:
 * - Columns are matched by (trimmed) name, never by position: 3.x moves empty
 *   columns to the end of the header.
 * - `energy_consumed` (kWh) already includes PUE; `emissions` is kg; their ratio is the
 *   grid intensity CodeCarbon used.
 * - Rows that share a run id are cumulative snapshots of one run: the last one counts.
 * - `timestamp` is when a row was written (end of the measured span), with no time
 *   zone; it is read as UTC.
 */
import { buildRun, parseCodeCarbonTimestamp, readNumber, sameTimestampWarnings } from "./codecarbonRun";
import {
  type CodeCarbonImport,
  CodeCarbonImportError,
  type CodeCarbonLayout,
  type CodeCarbonRow,
  type CodeCarbonWarning,
  MAX_CODECARBON_FILE_BYTES,
} from "./codecarbonTypes";
import {
  type CsvDelimiter,
  type CsvRecord,
  CsvSyntaxError,
  DELIMITER_NAMES,
  detectDelimiter,
  parseCsv,
} from "./csv";

export { aggregateRuns, type CodeCarbonAggregate } from "./codecarbonAggregate";
export { parseCodeCarbonTimestamp } from "./codecarbonRun";
export * from "./codecarbonTypes";

const REQUIRED = ["timestamp", "duration", "emissions", "energy_consumed"] as const;
/** Columns CodeCarbon has written since 1.0; a CSV with none of them is something else. */
const SIGNATURE = ["energy_consumed", "emissions", "duration", "project_name", "country_iso_code"] as const;
const LFS_PREFIX = "version https://git-lfs.github.com/spec/";
/** A number written with a decimal comma (spreadsheets in e.g. French or German locales): "0,0123", "1,5e-05". */
const DECIMAL_COMMA = /^\s*-?\d*,\d+(?:[eE][-+]?\d+)?\s*$/;

/**
 * Whether the measured columns use a decimal comma. Only possible when the delimiter is not a
 * comma, or when such numbers are quoted; detected on the columns that are always numbers.
 */
function usesDecimalComma(columns: string[], records: CsvRecord[]): boolean {
  const numeric = ["duration", "emissions", "energy_consumed"]
    .map((c) => columns.indexOf(c))
    .filter((i) => i >= 0);
  return records.some((r) => numeric.some((i) => DECIMAL_COMMA.test(r.fields[i] ?? "")));
}

/** "comma-separated", "semicolon-separated, decimal comma". */
export function describeCsvFormat(delimiter: CsvDelimiter, decimalComma: boolean): string {
  return `${DELIMITER_NAMES[delimiter]}-separated${decimalComma ? ", decimal comma" : ""}`;
}

function layoutOf(cols: ReadonlySet<string>): CodeCarbonLayout {
  if (!cols.has("run_id")) return "1.x";
  if (cols.has("cpu_utilization_percent")) return "3.2+";
  if (cols.has("water_consumed")) return "3.1";
  if (cols.has("experiment_id")) return "2.7-3.0";
  if (cols.has("pue")) return "2.3-2.6";
  if (cols.has("codecarbon_version")) return "2.2";
  return "2.0-2.1";
}

/**
 * Parses a CodeCarbon emissions.csv.
 * @param text the file's contents
 * @param byteLength size of the file in bytes, if known (else measured as UTF-8)
 * @throws CodeCarbonImportError for empty, oversize, LFS-pointer, non-CodeCarbon or
 *   malformed files and for non-numeric or negative values
 */
export function parseCodeCarbonCsv(text: string, byteLength?: number): CodeCarbonImport {
  const size = byteLength ?? new TextEncoder().encode(text).length;
  if (size > MAX_CODECARBON_FILE_BYTES) {
    throw new CodeCarbonImportError(
      "TOO_LARGE",
      `file is ${size} bytes; the limit is ${MAX_CODECARBON_FILE_BYTES} bytes (20 MiB)`,
    );
  }
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") throw new CodeCarbonImportError("EMPTY", "file is empty");
  if (body.startsWith(LFS_PREFIX)) {
    throw new CodeCarbonImportError(
      "LFS_POINTER",
      "file is a Git LFS pointer, not the CSV itself: fetch it with `git lfs pull` or download the raw file",
    );
  }

  const delimiter = detectDelimiter(body);
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(body, delimiter);
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new CodeCarbonImportError("CSV_SYNTAX", e.message, e.line);
    throw e;
  }
  const headerRec = records[0];
  if (!headerRec) throw new CodeCarbonImportError("EMPTY", "file is empty");
  const columns = headerRec.fields.map((h) => h.trim());
  const colSet = new Set(columns);
  if (!SIGNATURE.some((c) => colSet.has(c))) {
    throw new CodeCarbonImportError(
      "NOT_CODECARBON",
      `not a CodeCarbon emissions.csv: none of the columns ${SIGNATURE.join(", ")} is present (header: ${columns.slice(0, 6).join(", ")}${columns.length > 6 ? ", …" : ""})`,
    );
  }
  const missing: string[] = REQUIRED.filter((c) => !colSet.has(c));
  if (!colSet.has("run_id") && !colSet.has("experiment_id")) missing.push("run_id (or experiment_id)");
  if (missing.length > 0) {
    throw new CodeCarbonImportError("MISSING_COLUMNS", `missing required column(s): ${missing.join(", ")}`);
  }
  const decimalComma = usesDecimalComma(columns, records.slice(1));
  const layout = layoutOf(colSet);
  const groupBy = colSet.has("run_id") ? "run_id" : "experiment_id";
  const warnings: CodeCarbonWarning[] = [];
  if (delimiter !== "," || decimalComma) {
    warnings.push({
      code: "CSV_FORMAT",
      message: `read as ${describeCsvFormat(delimiter, decimalComma)} values (not CodeCarbon's own comma-separated format, e.g. re-saved by a spreadsheet)`,
    });
  }
  const rows: CodeCarbonRow[] = [];

  for (const rec of records.slice(1)) {
    if (rec.fields.length === 1 && rec.fields[0]?.trim() === "") continue; // blank line
    if (rec.fields.length !== columns.length) {
      warnings.push({
        code: "SKIPPED_ROW",
        line: rec.line,
        message: `line ${rec.line}: skipped, ${rec.fields.length} fields where the header has ${columns.length}`,
      });
      continue;
    }
    const values: Record<string, string> = {};
    columns.forEach((c, i) => {
      const v = (rec.fields[i] ?? "").trim();
      values[c] = decimalComma && DECIMAL_COMMA.test(v) ? v.replace(",", ".") : v;
    });
    if (REQUIRED.slice(1).every((c) => values[c] === "")) {
      // e.g. "N,,,,": a truncated write; nothing in it can be measured
      warnings.push({
        code: "SKIPPED_ROW",
        line: rec.line,
        message: `line ${rec.line}: skipped malformed row (duration, emissions and energy_consumed are empty)`,
      });
      continue;
    }
    for (const c of REQUIRED.slice(1)) readNumber(values[c] ?? "", rec.line, c);
    if (parseCodeCarbonTimestamp(values.timestamp ?? "") === null) {
      throw new CodeCarbonImportError(
        "INVALID_VALUE",
        `line ${rec.line}, column "timestamp": "${values.timestamp}" is not a date-time`,
        rec.line,
        "timestamp",
      );
    }
    if (!values[groupBy]) {
      throw new CodeCarbonImportError(
        "INVALID_VALUE",
        `line ${rec.line}, column "${groupBy}": empty run id`,
        rec.line,
        groupBy,
      );
    }
    for (const c of ["pue", "gpu_count", "cpu_count", "cpu_power", "gpu_power"]) {
      const v = values[c];
      if (v) readNumber(v, rec.line, c);
    }
    rows.push({ line: rec.line, values });
  }
  if (rows.length === 0)
    throw new CodeCarbonImportError("NO_ROWS", "the file has a header but no measurement rows");

  const tsRaw = rows[0]?.values.timestamp ?? "";
  if (!/(Z|[+-]\d{2}:?\d{2})$/.test(tsRaw)) {
    warnings.push({ code: "NO_TIMEZONE", message: "timestamps carry no time zone; they are read as UTC" });
  }

  const versions = [...new Set(rows.map((r) => r.values.codecarbon_version ?? "").filter((v) => v !== ""))];
  if (versions.length > 1) {
    warnings.push({
      code: "MIXED_VERSIONS",
      message: `rows written by several CodeCarbon versions: ${versions.join(", ")}`,
    });
  }

  const groups = new Map<string, CodeCarbonRow[]>();
  for (const r of rows) {
    const k = r.values[groupBy] as string;
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  const runs = [...groups].map(([runId, g]) => buildRun(runId, g, warnings));
  sameTimestampWarnings(runs, warnings);
  return { layout, columns, groupBy, rows, runs, versions, warnings, delimiter, decimalComma };
}

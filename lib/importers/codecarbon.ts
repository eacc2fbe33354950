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
import { Method } from "../spec";
import {
  addRational,
  mulRational,
  parseDecimal,
  type Rational,
  roundDiv,
  scaleRational,
  UnitError,
} from "../units";
import { CsvSyntaxError, parseCsv } from "./csv";
import { resolveRegion } from "./regions";

/** Largest file the importer accepts, bytes (20 MiB). */
export const MAX_CODECARBON_FILE_BYTES = 20 * 1024 * 1024;

/** Kinds of import failure. */
export type CodeCarbonErrorCode =
  | "EMPTY"
  | "TOO_LARGE"
  | "LFS_POINTER"
  | "CSV_SYNTAX"
  | "NOT_CODECARBON"
  | "MISSING_COLUMNS"
  | "INVALID_VALUE"
  | "NO_ROWS";

/** Thrown when a file cannot be imported; `line`/`column` locate bad values. */
export class CodeCarbonImportError extends Error {
  constructor(
    readonly code: CodeCarbonErrorCode,
    message: string,
    readonly line?: number,
    readonly column?: string,
  ) {
    super(message);
    this.name = "CodeCarbonImportError";
  }
}

/** A non-fatal finding; `line` is the 1-based line in the file when it concerns one row. */
export interface CodeCarbonWarning {
  code:
    | "SKIPPED_ROW"
    | "NO_TIMEZONE"
    | "NOT_CUMULATIVE"
    | "MIXED_VERSIONS"
    | "WORLD_AVERAGE"
    | "IMPLAUSIBLE_CPU_POWER"
    | "GPU_NOT_MEASURED"
    | "SAME_TIMESTAMP"
    | "GPU_COUNT_MISMATCH"
    | "IMPLAUSIBLE_INTENSITY"
    | "UNKNOWN_REGION";
  message: string;
  line?: number;
  runId?: string;
}

/** Header layout families (fixtures README, "Column-set differences"). */
export type CodeCarbonLayout = "1.x" | "2.0-2.1" | "2.2" | "2.3-2.6" | "2.7-3.0" | "3.1" | "3.2+";

/** One data row, values trimmed, keyed by column name. */
export interface CodeCarbonRow {
  /** 1-based line where the row starts. */
  line: number;
  values: Readonly<Record<string, string>>;
}

/** Hardware a run reports (2.0+ layouts; all null for 1.x). */
export interface CodeCarbonHardware {
  cpuModel: string | null;
  cpuCount: number | null;
  /** As written, e.g. "8 x NVIDIA H20". */
  gpuModel: string | null;
  /** GPUs CodeCarbon tracked (`gpu_count`); 0 for CPU-only rows; null if not reported. */
  gpuCount: number | null;
  /** GPUs installed, from the "N x " prefix of `gpu_model`. */
  gpusInstalled: number | null;
}

/** One run: all rows sharing a run id (1.x: experiment id), valued by the last one. */
export interface CodeCarbonRun {
  runId: string;
  experimentId: string | null;
  projectName: string | null;
  rows: CodeCarbonRow[];
  /** End of the run, unix seconds (last row's timestamp). */
  end: number;
  /** `end - ceil(duration)`, unix seconds. */
  start: number;
  /** Duration in seconds as written. */
  duration: string;
  /** `energy_consumed` of the last row, kWh as written. */
  energyKWh: string;
  /** Energy in Wh, rounded down. */
  energyWh: bigint;
  /** `emissions` of the last row, kg as written. */
  emissionsKg: string;
  /** Emissions in g, rounded down. */
  emissionsG: bigint;
  /** emissions / energy in gCO2e/kWh, rounded to nearest; null without energy. */
  intensity: bigint | null;
  country: string | null;
  /** SPEC region: ISO 3166-2 subdivision when known, else alpha-2 country. */
  region: string | null;
  countryName: string | null;
  regionName: string | null;
  onCloud: boolean | null;
  cloudProvider: string | null;
  cloudRegion: string | null;
  hardware: CodeCarbonHardware;
  /** PUE as written, or null when the layout has no `pue` column. */
  pue: string | null;
  codecarbonVersion: string | null;
  os: string | null;
}

/** Result of {@link parseCodeCarbonCsv}. */
export interface CodeCarbonImport {
  layout: CodeCarbonLayout;
  /** Trimmed column names in file order. */
  columns: string[];
  /** Column the runs are grouped by. */
  groupBy: "run_id" | "experiment_id";
  /** Valid data rows in file order. */
  rows: CodeCarbonRow[];
  runs: CodeCarbonRun[];
  /** Distinct `codecarbon_version` values in file order. */
  versions: string[];
  warnings: CodeCarbonWarning[];
}

const REQUIRED = ["timestamp", "duration", "emissions", "energy_consumed"] as const;
/** Columns CodeCarbon has written since 1.0; a CSV with none of them is something else. */
const SIGNATURE = ["energy_consumed", "emissions", "duration", "project_name", "country_iso_code"] as const;
const LFS_PREFIX = "version https://git-lfs.github.com/spec/";
const TIMESTAMP_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;
// Consumer CPUs (laptop/desktop parts, TDP ≤ 125 W); above this CodeCarbon's figure is a fallback.
const CONSUMER_CPU_RE = /\b(i[3579]-\d|Ryzen [3579]|Apple M\d|Core\(TM\) Ultra)/i;
const CONSUMER_CPU_MAX_W = 250;

function layoutOf(cols: ReadonlySet<string>): CodeCarbonLayout {
  if (!cols.has("run_id")) return "1.x";
  if (cols.has("cpu_utilization_percent")) return "3.2+";
  if (cols.has("water_consumed")) return "3.1";
  if (cols.has("experiment_id")) return "2.7-3.0";
  if (cols.has("pue")) return "2.3-2.6";
  if (cols.has("codecarbon_version")) return "2.2";
  return "2.0-2.1";
}

/** Unix seconds of a CodeCarbon timestamp; null if unparseable. */
export function parseCodeCarbonTimestamp(ts: string): number | null {
  const m = TIMESTAMP_RE.exec(ts);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  let t = Date.UTC(y, mo - 1, d, h, mi, s) / 1000;
  const tz = m[7];
  if (tz && tz !== "Z") {
    const sign = tz.startsWith("-") ? -1 : 1;
    const digits = tz.slice(1).replace(":", "");
    t -= sign * (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2)) * 60);
  }
  const check = new Date(t * 1000);
  return Number.isNaN(check.getTime()) || check.getUTCFullYear() < 1970 ? null : t;
}

function ceilRational(r: Rational): bigint {
  return -scaleRational({ num: -r.num, den: r.den }, 1n);
}

/** Reads a non-negative decimal cell, or throws naming line and column. */
function readNumber(v: string, line: number, column: string): Rational {
  if (v === "") {
    throw new CodeCarbonImportError(
      "INVALID_VALUE",
      `line ${line}, column "${column}": value is empty`,
      line,
      column,
    );
  }
  let r: Rational;
  try {
    r = parseDecimal(v, column);
  } catch (e) {
    if (e instanceof UnitError) {
      throw new CodeCarbonImportError(
        "INVALID_VALUE",
        `line ${line}, column "${column}": "${v}" is not a number`,
        line,
        column,
      );
    }
    throw e;
  }
  if (r.num < 0n) {
    throw new CodeCarbonImportError(
      "INVALID_VALUE",
      `line ${line}, column "${column}": "${v}" is negative`,
      line,
      column,
    );
  }
  return r;
}

function nonEmpty(v: string | undefined): string | null {
  return v === undefined || v === "" ? null : v;
}

function countOf(v: string | undefined, line: number, column: string): number | null {
  const s = nonEmpty(v);
  if (s === null) return null;
  const r = readNumber(s, line, column);
  if (r.num % r.den !== 0n) {
    throw new CodeCarbonImportError(
      "INVALID_VALUE",
      `line ${line}, column "${column}": "${s}" is not a whole count`,
      line,
      column,
    );
  }
  return Number(r.num / r.den);
}

/** emissions (kg) / energy (kWh) in g/kWh, rounded to nearest. */
function impliedIntensity(emissionsKg: Rational, energyKWh: Rational): bigint | null {
  if (energyKWh.num === 0n) return null;
  // Nearest, not down: both inputs are float-rounded products of the grid factor, so
  // the exact ratio sits a hair either side of it (475 can come out as 474.9999999).
  return roundDiv(emissionsKg.num * energyKWh.den * 1000n, emissionsKg.den * energyKWh.num);
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

  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(body);
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
  const layout = layoutOf(colSet);
  const groupBy = colSet.has("run_id") ? "run_id" : "experiment_id";
  const warnings: CodeCarbonWarning[] = [];
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
      values[c] = (rec.fields[i] ?? "").trim();
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
  return { layout, columns, groupBy, rows, runs, versions, warnings };
}

function buildRun(runId: string, rows: CodeCarbonRow[], warnings: CodeCarbonWarning[]): CodeCarbonRun {
  const last = rows[rows.length - 1] as CodeCarbonRow;
  const v = last.values;
  const num = (c: string) => parseDecimal(v[c] ?? "", c);
  // Cumulative snapshots never shrink; if they do, these are not snapshots of one run.
  for (let i = 1; i < rows.length; i++) {
    const prev = rows[i - 1] as CodeCarbonRow;
    const cur = rows[i] as CodeCarbonRow;
    const dPrev = parseDecimal(prev.values.duration ?? "");
    const dCur = parseDecimal(cur.values.duration ?? "");
    if (dCur.num * dPrev.den < dPrev.num * dCur.den) {
      warnings.push({
        code: "NOT_CUMULATIVE",
        line: cur.line,
        runId,
        message: `line ${cur.line}: run ${runId} has a shorter duration than the row before; only its last row (line ${last.line}) is used`,
      });
      break;
    }
  }
  const duration = num("duration");
  const energy = num("energy_consumed");
  const emissions = num("emissions");
  const end = parseCodeCarbonTimestamp(v.timestamp ?? "") as number;
  const resolved = resolveRegion(v.country_iso_code ?? "", v.country_name ?? "", v.region ?? "");
  const intensity = impliedIntensity(emissions, energy);
  const onCloud = v.on_cloud === "Y" ? true : v.on_cloud === "N" ? false : null;
  const gpuModel = nonEmpty(v.gpu_model);
  const hasHardware = "gpu_count" in v;
  let gpuCount = countOf(v.gpu_count, last.line, "gpu_count");
  // CPU-only machines leave gpu_count empty; that is 0 GPUs, not unknown.
  if (hasHardware && gpuCount === null && gpuModel === null) gpuCount = 0;
  const installed = gpuModel ? /^(\d+)\s*x\s+/i.exec(gpuModel) : null;
  const hardware: CodeCarbonHardware = {
    cpuModel: nonEmpty(v.cpu_model),
    cpuCount: countOf(v.cpu_count, last.line, "cpu_count"),
    gpuModel,
    gpuCount,
    gpusInstalled: installed ? Number(installed[1]) : null,
  };

  const w = (code: CodeCarbonWarning["code"], message: string) =>
    warnings.push({ code, line: last.line, runId, message: `line ${last.line}: ${message}` });
  if (intensity === 475n && resolved.country !== null) {
    w(
      "WORLD_AVERAGE",
      `475 g/kWh is CodeCarbon's world-average fallback: the grid of ${v.country_iso_code} was not found`,
    );
  }
  if (intensity !== null && intensity > 2000n)
    w("IMPLAUSIBLE_INTENSITY", `implied intensity ${intensity} g/kWh exceeds 2000`);
  const cpuPower = nonEmpty(v.cpu_power);
  if (
    cpuPower &&
    hardware.cpuModel &&
    CONSUMER_CPU_RE.test(hardware.cpuModel) &&
    Number(cpuPower) > CONSUMER_CPU_MAX_W
  ) {
    w("IMPLAUSIBLE_CPU_POWER", `cpu_power ${cpuPower} W is implausible for a ${hardware.cpuModel}`);
  }
  if (
    gpuModel &&
    v.gpu_power !== undefined &&
    Number(v.gpu_power) === 0 &&
    Number(v.gpu_energy ?? "0") === 0
  ) {
    w("GPU_NOT_MEASURED", `GPU "${gpuModel}" reports 0 W: its energy was not measured`);
  }
  if (
    hardware.gpusInstalled !== null &&
    hardware.gpuCount !== null &&
    hardware.gpuCount !== hardware.gpusInstalled
  ) {
    w(
      "GPU_COUNT_MISMATCH",
      `tracked ${hardware.gpuCount} of the ${hardware.gpusInstalled} GPUs installed ("${gpuModel}")`,
    );
  }
  if (resolved.country === null)
    w("UNKNOWN_REGION", `country "${v.country_iso_code ?? ""}" is not an ISO 3166 code`);

  return {
    runId,
    experimentId: nonEmpty(v.experiment_id),
    projectName: nonEmpty(v.project_name),
    rows,
    end,
    start: end - Number(ceilRational(duration)),
    duration: v.duration ?? "",
    energyKWh: v.energy_consumed ?? "",
    energyWh: scaleRational(energy, 1000n),
    emissionsKg: v.emissions ?? "",
    emissionsG: scaleRational(emissions, 1000n),
    intensity,
    country: resolved.country,
    region: resolved.region,
    countryName: nonEmpty(v.country_name),
    regionName: nonEmpty(v.region),
    onCloud,
    cloudProvider: nonEmpty(v.cloud_provider),
    cloudRegion: nonEmpty(v.cloud_region),
    hardware,
    pue: nonEmpty(v.pue),
    codecarbonVersion: nonEmpty(v.codecarbon_version),
    os: nonEmpty(v.os),
  };
}

/** Runs ending at the same second are usually one process per distributed rank. */
function sameTimestampWarnings(runs: CodeCarbonRun[], warnings: CodeCarbonWarning[]): void {
  const byEnd = new Map<number, CodeCarbonRun[]>();
  for (const r of runs) byEnd.set(r.end, [...(byEnd.get(r.end) ?? []), r]);
  for (const group of byEnd.values()) {
    if (group.length < 2) continue;
    const lines = group.map((r) => r.rows[r.rows.length - 1]?.line);
    warnings.push({
      code: "SAME_TIMESTAMP",
      line: lines[0],
      message: `lines ${lines.join(", ")}: ${group.length} runs end at the same second (one per distributed rank?); check they measure different devices before adding them`,
    });
  }
}

/** Attestation fields derived from chosen runs (see {@link aggregateRuns}). */
export interface CodeCarbonAggregate {
  runIds: string[];
  /** Sum of the runs' energy (exact kWh summed, then rounded down to Wh). */
  energyWh: bigint;
  emissionsG: bigint;
  /** Energy-weighted grid intensity = total emissions / total energy, nearest g/kWh. */
  locationIntensity: bigint;
  periodStart: bigint;
  periodEnd: bigint;
  /** floor(Σ gpu_count × duration / 3600); 0 when unknown. */
  acceleratorHours: bigint;
  acceleratorHoursKnown: boolean;
  method: typeof Method.SOFTWARE;
  /** The file's PUE × 1000 (energy-weighted if runs differ), 1000 when absent. */
  pueMilli: bigint;
  /** Region of the largest share of energy. */
  region: string | null;
  /** CodeCarbon records no renewable supply: always 0, to be set by the submitter. */
  renewableBps: bigint;
  warnings: string[];
}

/**
 * Sums chosen runs into attestation fields. CodeCarbon's energy already includes
 * PUE, so pueMilli only records what was applied; it is never multiplied in again.
 */
export function aggregateRuns(runs: ReadonlyArray<CodeCarbonRun>): CodeCarbonAggregate {
  if (runs.length === 0) throw new RangeError("aggregateRuns needs at least one run");
  let energy: Rational = { num: 0n, den: 1n };
  let emissions: Rational = { num: 0n, den: 1n };
  let gpuSeconds: Rational = { num: 0n, den: 1n };
  let pueWeighted: Rational = { num: 0n, den: 1n };
  let known = true;
  const energyByRegion = new Map<string | null, Rational>();
  const pues = new Set<string>();
  for (const r of runs) {
    const e = parseDecimal(r.energyKWh);
    energy = addRational(energy, e);
    emissions = addRational(emissions, parseDecimal(r.emissionsKg));
    const pue = parseDecimal(r.pue ?? "1");
    pues.add(r.pue ?? "1");
    pueWeighted = addRational(pueWeighted, mulRational(e, pue));
    if (r.hardware.gpuCount === null) known = false;
    else
      gpuSeconds = addRational(
        gpuSeconds,
        mulRational(parseDecimal(String(r.hardware.gpuCount)), parseDecimal(r.duration)),
      );
    energyByRegion.set(r.region, addRational(energyByRegion.get(r.region) ?? { num: 0n, den: 1n }, e));
  }
  const warnings: string[] = [];
  const energyWh = scaleRational(energy, 1000n);
  if (energyWh === 0n) warnings.push("total energy is below 1 Wh; an attestation needs energyWh > 0");
  const intensity = energy.num === 0n ? 0n : (impliedIntensity(emissions, energy) ?? 0n);
  // Σ(kWh × pue) × 1000 / Σ kWh, rounded down
  const pueMilli =
    energy.num === 0n ? 1000n : (pueWeighted.num * energy.den * 1000n) / (pueWeighted.den * energy.num);
  if (pues.size > 1)
    warnings.push(
      `runs use different PUE values (${[...pues].join(", ")}); pueMilli is their energy-weighted mean`,
    );
  let region: string | null = null;
  let best: Rational | null = null;
  for (const [reg, e] of energyByRegion) {
    if (best === null || e.num * best.den > best.num * e.den) {
      best = e;
      region = reg;
    }
  }
  if (energyByRegion.size > 1) {
    warnings.push(
      `runs span several regions (${[...energyByRegion.keys()].map((k) => k ?? "unknown").join(", ")}); region is the one with the most energy`,
    );
  }
  if (!known) warnings.push("GPU count unknown for some runs (1.x layout): acceleratorHours left at 0");
  return {
    runIds: runs.map((r) => r.runId),
    energyWh,
    emissionsG: scaleRational(emissions, 1000n),
    locationIntensity: intensity,
    periodStart: BigInt(Math.min(...runs.map((r) => r.start))),
    periodEnd: BigInt(Math.max(...runs.map((r) => r.end))),
    acceleratorHours: known ? scaleRational(gpuSeconds, 1n) / 3600n : 0n, // floor(floor(x)/3600) = floor(x/3600)
    acceleratorHoursKnown: known,
    method: Method.SOFTWARE,
    pueMilli,
    region,
    renewableBps: 0n,
    warnings,
  };
}

/**
 * One CodeCarbon run from its rows: the last (cumulative) row gives the figures, and
 * per-run plausibility checks become warnings. Used by codecarbon.ts.
 */
import { parseDecimal, type Rational, roundDiv, scaleRational, UnitError } from "../units";
import {
  type CodeCarbonHardware,
  CodeCarbonImportError,
  type CodeCarbonRow,
  type CodeCarbonRun,
  type CodeCarbonWarning,
} from "./codecarbonTypes";
import { resolveRegion } from "./regions";

const TIMESTAMP_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;
// Consumer CPUs (laptop/desktop parts, TDP ≤ 125 W); above this CodeCarbon's figure is a fallback.
const CONSUMER_CPU_RE = /\b(i[3579]-\d|Ryzen [3579]|Apple M\d|Core\(TM\) Ultra)/i;
const CONSUMER_CPU_MAX_W = 250;

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
export function readNumber(v: string, line: number, column: string): Rational {
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
export function impliedIntensity(emissionsKg: Rational, energyKWh: Rational): bigint | null {
  if (energyKWh.num === 0n) return null;
  // Nearest, not down: both inputs are float-rounded products of the grid factor, so
  // the exact ratio sits a hair either side of it (475 can come out as 474.9999999).
  return roundDiv(emissionsKg.num * energyKWh.den * 1000n, emissionsKg.den * energyKWh.num);
}

export function buildRun(runId: string, rows: CodeCarbonRow[], warnings: CodeCarbonWarning[]): CodeCarbonRun {
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
export function sameTimestampWarnings(runs: CodeCarbonRun[], warnings: CodeCarbonWarning[]): void {
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

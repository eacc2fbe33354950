// How \`attest\` reads its flags: enums, times and units, the figures that override an importer's, and the
// evidence of an attestation given by flags alone.

import type { EvidenceInput } from "../../lib/evidence/document";
import { type Kind, Method } from "../../lib/spec";
import { kWhToWh, percentToBps, pueToMilli, UnitError } from "../../lib/units";
import { type Context, str, uint } from "../context";
import { usageError } from "../output";
import type { BuiltEvidence } from "./attestImporters";

/** The flag (or file) each attestation field comes from, to name it in errors. */
export const FIELD_FLAGS: Record<string, string> = {
  modelId: "--model",
  kind: "--kind",
  method: "--method",
  energyWh: "--energy-wh / --energy-kwh (or the CodeCarbon file)",
  pueMilli: "--pue",
  locationIntensity: "--intensity",
  renewableBps: "--renewable",
  acceleratorHours: "--accelerator-hours",
  workUnits: "--work-units",
  embodiedG: "--embodied-g",
  periodStart: "--start, or the file's period",
  periodEnd: "--end, or the file's period",
  region: "--region",
  evidenceHash: "the evidence document",
  evidenceURI: "--evidence-uri",
  rowsRoot: "the evidence rows",
  supersedes: "--supersedes",
};

export function enumFlag<T extends Record<string, number>>(
  table: T,
  value: string,
  flag: string,
): T[keyof T] {
  const key = value.trim().toUpperCase().replace(/[-\s]/g, "");
  for (const [name, n] of Object.entries(table)) {
    if (name.replace(/_/g, "") === key || String(n) === value.trim()) return n as T[keyof T];
  }
  throw usageError(
    `${flag} must be one of ${Object.keys(table)
      .map((k) => k.toLowerCase())
      .join(", ")}, got "${value}".`,
  );
}

/** ISO 8601 date-time (UTC if no zone) or unix seconds. */
export function timeFlag(value: string, flag: string): bigint {
  const v = value.trim();
  if (/^\d+$/.test(v)) return BigInt(v);
  const iso = /([zZ]|[+-]\d{2}:?\d{2})$/.test(v) || !/T|\s\d/.test(v) ? v : `${v}Z`;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms))
    throw usageError(`${flag} must be unix seconds or an ISO 8601 date-time, got "${value}".`);
  return BigInt(Math.floor(ms / 1000));
}

function unitFlag(fn: (s: string) => bigint, value: string, flag: string): bigint {
  try {
    return fn(value);
  } catch (error) {
    if (error instanceof UnitError) throw usageError(`${flag}: ${error.message}.`);
    throw error;
  }
}

/** Applies the figure flags over what an importer read (flags win). */
export function applyFlags(ctx: Context, e: EvidenceInput): void {
  const v = ctx.values;
  const set = (flag: string, apply: (value: string) => void) => {
    const value = str(v, flag);
    if (value !== undefined) apply(value);
  };
  set("energy-wh", (x) => {
    e.energyWh = { value: uint(x, "--energy-wh"), source: "--energy-wh" };
  });
  set("energy-kwh", (x) => {
    e.energyWh = { value: unitFlag(kWhToWh, x, "--energy-kwh"), source: "--energy-kwh" };
  });
  set("pue", (x) => {
    e.pueMilli = { value: unitFlag(pueToMilli, x, "--pue"), source: "--pue" };
  });
  set("intensity", (x) => {
    e.locationIntensity = {
      value: uint(x, "--intensity"),
      source: str(v, "intensity-source") ?? "--intensity",
    };
  });
  set("renewable", (x) => {
    e.renewableBps = {
      value: unitFlag(percentToBps, x, "--renewable"),
      source: str(v, "renewable-source") ?? "--renewable",
    };
  });
  set("accelerator-hours", (x) => {
    e.acceleratorHours = uint(x, "--accelerator-hours");
  });
  set("work-units", (x) => {
    e.workUnits = { value: uint(x, "--work-units"), source: str(v, "work-units-source") ?? "--work-units" };
  });
  set("embodied-g", (x) => {
    e.embodiedG = uint(x, "--embodied-g");
  });
  set("start", (x) => {
    e.period = { ...e.period, start: timeFlag(x, "--start") };
  });
  set("end", (x) => {
    e.period = { ...e.period, end: timeFlag(x, "--end") };
  });
  set("region", (x) => {
    e.region = x.trim();
  });
  set("method", (x) => {
    e.method = enumFlag(Method, x, "--method");
  });
  set("tool", (x) => {
    e.tool = x;
  });
}

/** The evidence of an attestation without a file: every figure comes from the flags, which must be there. */
export function fromFlags(ctx: Context, modelId: bigint, kind: Kind | undefined): BuiltEvidence {
  if (kind === undefined) throw usageError("--kind is required: pretraining, finetuning or inference.");
  for (const [flag, what] of [
    ["start", "the start of the measured period"],
    ["end", "the end of the measured period"],
    ["region", "the grid's ISO 3166 code"],
    ["intensity", "the grid intensity in gCO2e/kWh"],
  ] as const) {
    if (str(ctx.values, flag) === undefined)
      throw usageError(`--${flag} is required without a file: ${what}.`);
  }
  if (str(ctx.values, "energy-wh") === undefined && str(ctx.values, "energy-kwh") === undefined) {
    throw usageError("--energy-wh or --energy-kwh is required without a file.");
  }
  return {
    files: [],
    evidence: {
      model: { modelId },
      run: { ids: [] },
      kind,
      period: { start: 0n, end: 0n },
      region: "",
      hardware: [],
      method: Method.METER,
      energyWh: { value: 0n, source: "" },
      pueMilli: { value: 1000n, source: "--pue not given: 1.0" },
      locationIntensity: { value: 0n, source: "" },
      renewableBps: { value: 0n, source: "none declared" },
    },
  };
}

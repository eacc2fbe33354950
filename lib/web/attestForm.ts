// The "Submit attestation" form: what the user typed (strings, in familiar units), converted
// once at this edge to SPEC units, and the evidence document (SPEC section 7) built from the
// same values and their source (a CodeCarbon file, a model card, an estimate, or typed in).
import {
  buildEvidenceDocument,
  type EvidenceDocument,
  type EvidenceHardware,
  type EvidenceInput,
} from "../evidence/document";
import { evidenceInputFromCodeCarbon } from "../evidence/fromCodeCarbon";
import type { CodeCarbonImport, CodeCarbonRun } from "../importers/codecarbon";
import type { ModelCardImport } from "../importers/modelCard";
import { Kind, METHOD_NAMES, Method } from "../spec";
import { percentToBps, pueToMilli, UnitError } from "../units";
import {
  type AttestationFormInput,
  type FieldErrors,
  type ValidationContext,
  validateAttestation,
} from "../validation";

export interface AttestFormValues {
  kind: string;
  method: string;
  /** Wh, facility energy, PUE included. */
  energyWh: string;
  /** PUE as a decimal, e.g. "1.10". */
  pue: string;
  /** gCO2e/kWh */
  locationIntensity: string;
  /** Percent, e.g. "35.5". */
  renewablePercent: string;
  acceleratorHours: string;
  /** Tokens processed (PRETRAINING, FINETUNING) or requests served (INFERENCE); empty or 0: not stated. */
  workUnits: string;
  /** How workUnits was counted (e.g. "tokenizer count of the training set x 1 epoch"), for the evidence. */
  workUnitsSource: string;
  embodiedG: string;
  /** `datetime-local` strings, read as UTC. */
  periodStart: string;
  periodEnd: string;
  region: string;
  supersedes: string;
  /** Where each figure comes from, free text, written into the evidence document. */
  notes: string;
}

export const EMPTY_ATTEST_FORM: AttestFormValues = {
  kind: String(Kind.PRETRAINING),
  method: String(Method.SOFTWARE),
  energyWh: "",
  pue: "1.0",
  locationIntensity: "",
  renewablePercent: "0",
  acceleratorHours: "0",
  workUnits: "",
  workUnitsSource: "",
  embodiedG: "0",
  periodStart: "",
  periodEnd: "",
  region: "",
  supersedes: "",
  notes: "",
};

/** Where the figures came from; decides what the evidence document carries. */
export type FigureSource =
  | { type: "manual" }
  | {
      type: "codecarbon";
      fileName: string;
      fileSha256: `0x${string}`;
      imported: CodeCarbonImport;
      runIds: string[];
    }
  | { type: "modelcard"; fileName: string; imported: ModelCardImport }
  | { type: "estimate"; hardware: EvidenceHardware; hours: string; gridSource: string };

export type AttestFormErrors = Partial<Record<keyof AttestFormValues | "source", string>>;

/** unix seconds of a `datetime-local` value read as UTC ("2024-05-01T12:00" or with seconds). */
export function utcSeconds(value: string): bigint | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const ms = Date.parse(`${value}${value.length === 16 ? ":00" : ""}Z`);
  return Number.isNaN(ms) ? null : BigInt(ms / 1000);
}

/** The `datetime-local` value (UTC) of unix seconds. */
export function toUtcInput(seconds: bigint | number): string {
  return new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
}

/** Form values in SPEC units, or the fields whose text cannot be converted. */
export function convertForm(
  values: AttestFormValues,
):
  | { ok: true; input: Omit<AttestationFormInput, "modelId" | "evidenceHash" | "evidenceURI"> }
  | { ok: false; errors: AttestFormErrors } {
  const errors: AttestFormErrors = {};
  const convert = <T>(field: keyof AttestFormValues, fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (error) {
      errors[field] = error instanceof UnitError || error instanceof Error ? error.message : String(error);
      return undefined;
    }
  };
  const pueMilli = convert("pue", () => pueToMilli(values.pue.trim()));
  const renewableBps = convert("renewablePercent", () => percentToBps(values.renewablePercent.trim() || "0"));
  const periodStart = utcSeconds(values.periodStart);
  if (periodStart === null)
    errors.periodStart = "Enter the start of the measured period (date and time, UTC).";
  const periodEnd = utcSeconds(values.periodEnd);
  if (periodEnd === null) errors.periodEnd = "Enter the end of the measured period (date and time, UTC).";
  const workUnits = values.workUnits.trim() || "0";
  if (/^\d+$/.test(workUnits) && BigInt(workUnits) > 0n && values.workUnitsSource.trim() === "") {
    errors.workUnitsSource = "Say how the work units were counted: the evidence document records it.";
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      kind: values.kind,
      method: values.method,
      energyWh: values.energyWh.trim(),
      pueMilli: pueMilli as bigint,
      locationIntensity: values.locationIntensity.trim(),
      renewableBps: renewableBps as bigint,
      acceleratorHours: values.acceleratorHours.trim() || "0",
      workUnits,
      embodiedG: values.embodiedG.trim() || "0",
      periodStart: periodStart as bigint,
      periodEnd: periodEnd as bigint,
      region: values.region.trim().toUpperCase(),
      supersedes: values.supersedes.trim(),
    },
  };
}

const FIELD_OF: Partial<Record<keyof AttestationFormInput, keyof AttestFormValues>> = {
  kind: "kind",
  method: "method",
  energyWh: "energyWh",
  pueMilli: "pue",
  locationIntensity: "locationIntensity",
  renewableBps: "renewablePercent",
  acceleratorHours: "acceleratorHours",
  workUnits: "workUnits",
  embodiedG: "embodiedG",
  periodStart: "periodStart",
  periodEnd: "periodEnd",
  region: "region",
  supersedes: "supersedes",
};

/** Every SPEC section 4 rule, checked before anything is stored or sent. */
export function checkForm(values: AttestFormValues, modelId: bigint, context: ValidationContext = {}) {
  const converted = convertForm(values);
  if (!converted.ok) return converted;
  // The evidence hash and URI exist only once the document is built; stand-ins here.
  const result = validateAttestation(
    { ...converted.input, modelId, evidenceHash: `0x${"11".repeat(32)}`, evidenceURI: "pending" },
    context,
  );
  if (result.ok) return { ok: true as const, input: converted.input };
  const errors: AttestFormErrors = {};
  for (const [field, message] of Object.entries(result.errors as FieldErrors)) {
    const target = FIELD_OF[field as keyof AttestationFormInput];
    if (target) errors[target] = message;
    else errors.source = message;
  }
  return { ok: false as const, errors };
}

/** The SPEC section 7 evidence document for the form's figures and their source. */
export function buildFormEvidence(
  values: AttestFormValues,
  source: FigureSource,
  model: { modelId: bigint; name?: string; version?: string },
): EvidenceDocument {
  const converted = convertForm(values);
  if (!converted.ok) throw new Error("buildFormEvidence needs a converted form; call checkForm first");
  const i = converted.input;
  const notes = values.notes
    .split("\n")
    .map((n) => n.trim())
    .filter(Boolean);
  const kind = Number(i.kind) as Kind;
  const method = Number(i.method) as Method;
  const workUnitsValue = BigInt(i.workUnits ?? 0);
  const workUnits =
    workUnitsValue > 0n ? { value: workUnitsValue, source: values.workUnitsSource.trim() } : undefined;
  if (source.type === "codecarbon") {
    const runs: CodeCarbonRun[] = source.imported.runs.filter((r) => source.runIds.includes(r.runId));
    const input = evidenceInputFromCodeCarbon(source.imported, runs, {
      model,
      kind,
      renewable: { value: BigInt(i.renewableBps), source: notes[0] ?? "none declared" },
      embodiedG: BigInt(i.embodiedG ?? 0),
      workUnits,
      attachments: [{ name: source.fileName, sha256: source.fileSha256, uri: "" }],
    });
    return buildEvidenceDocument({ ...input, notes });
  }
  const sourceText =
    source.type === "modelcard"
      ? `Hugging Face model card ${source.fileName} (co2_eq_emissions ${source.imported.emissionsRaw ?? "?"} g)`
      : source.type === "estimate"
        ? `estimate: ${source.hardware.count} x ${source.hardware.model} at ${source.hardware.tdpW} W for ${source.hours} h x PUE`
        : "entered by the submitter";
  const input: EvidenceInput = {
    model,
    run: { ids: [] },
    kind,
    period: { start: BigInt(i.periodStart), end: BigInt(i.periodEnd) },
    region: i.region,
    hardware: source.type === "estimate" ? [source.hardware] : [],
    method,
    tool: source.type === "modelcard" ? "Hugging Face model card" : undefined,
    energyWh: { value: BigInt(i.energyWh), source: sourceText },
    pueMilli: { value: BigInt(i.pueMilli), source: sourceText },
    locationIntensity: {
      value: BigInt(i.locationIntensity),
      source: source.type === "estimate" ? source.gridSource : sourceText,
    },
    renewableBps: {
      value: BigInt(i.renewableBps),
      source: BigInt(i.renewableBps) === 0n ? "none declared" : sourceText,
    },
    acceleratorHours: BigInt(i.acceleratorHours),
    workUnits,
    embodiedG: BigInt(i.embodiedG ?? 0),
    notes: [`method ${METHOD_NAMES[method]}`, ...notes],
  };
  return buildEvidenceDocument(input);
}

/** Form values filled from the chosen runs' aggregate of a CodeCarbon import. */
export function valuesFromCodeCarbon(
  current: AttestFormValues,
  aggregate: {
    energyWh: bigint;
    locationIntensity: bigint;
    periodStart: bigint;
    periodEnd: bigint;
    acceleratorHours: bigint;
    pueMilli: bigint;
    region: string | null;
  },
): AttestFormValues {
  return {
    ...current,
    method: String(Method.SOFTWARE),
    energyWh: aggregate.energyWh.toString(),
    locationIntensity: aggregate.locationIntensity.toString(),
    periodStart: toUtcInput(aggregate.periodStart),
    periodEnd: toUtcInput(aggregate.periodEnd),
    acceleratorHours: aggregate.acceleratorHours.toString(),
    pue: (Number(aggregate.pueMilli) / 1000).toFixed(3),
    region: aggregate.region ?? current.region,
  };
}

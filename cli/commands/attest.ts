import { readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Hex } from "viem";
import {
  attestationInputFromEvidence,
  type GreenprintClient,
  GreenprintValidationError,
} from "../../lib/client";
import { type AttestationStruct, serializeSigned } from "../../lib/eip712";
import {
  attachmentHash,
  buildEvidenceDocument,
  type EvidenceInput,
  evidenceHash,
  serializeEvidence,
} from "../../lib/evidence/document";
import { evidenceInputFromCodeCarbon } from "../../lib/evidence/fromCodeCarbon";
import { formatKgCO2e, formatKWh, formatUtc, formatUtcRange } from "../../lib/humanize";
import { CodeCarbonImportError, describeCsvFormat, parseCodeCarbonCsv } from "../../lib/importers/codecarbon";
import { ModelCardImportError, parseModelCard } from "../../lib/importers/modelCard";
import { Kind, METHOD_NAMES, Method } from "../../lib/spec";
import { kWhToWh, percentToBps, pueToMilli, UnitError } from "../../lib/units";
import { type AttestationFormInput, decodeRegion } from "../../lib/validation";
import { type Context, str, uint } from "../context";
import { fileError, usageError } from "../output";
import { STORE_HELP, STORE_OPTIONS, storeOf } from "./model";
import { attestationFigures, attestationSummary } from "./summary";
import type { Command } from "./types";

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

function enumFlag<T extends Record<string, number>>(table: T, value: string, flag: string): T[keyof T] {
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

function readInput(file: string, what: string): { text: string; bytes: Uint8Array } {
  try {
    if (!statSync(file).isFile()) throw fileError(`${what} ${file} is not a file.`);
    const bytes = new Uint8Array(readFileSync(file));
    return { text: new TextDecoder().decode(bytes), bytes };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      throw fileError(`${what} ${file} does not exist.`);
    throw error;
  }
}

interface Built {
  evidence: EvidenceInput;
  /** Files to store beside the document and attach. */
  files: { name: string; bytes: Uint8Array }[];
}

function fromCodeCarbon(ctx: Context, file: string, modelId: bigint, kind: Kind | undefined): Built {
  const v = ctx.values;
  const { text, bytes } = readInput(file, "CodeCarbon file");
  ctx.out.progress(`parsing ${file}`);
  let imp: ReturnType<typeof parseCodeCarbonCsv>;
  try {
    imp = parseCodeCarbonCsv(text, bytes.length);
  } catch (error) {
    if (error instanceof CodeCarbonImportError) throw fileError(`${file}: ${error.message}.`);
    throw error;
  }
  for (const w of imp.warnings.slice(0, 5)) ctx.out.warn(`${file}: ${w.message}`);
  if (imp.warnings.length > 5) ctx.out.warn(`${file}: ${imp.warnings.length - 5} more warnings`);
  const wanted = str(v, "runs") ?? "all";
  let runs = imp.runs;
  if (wanted !== "all") {
    const ids = wanted
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const unknown = ids.filter((id) => !imp.runs.some((r) => r.runId === id));
    if (unknown.length > 0) {
      throw usageError(
        `--runs: ${unknown.join(", ")} not in ${file} (runs: ${imp.runs
          .slice(0, 5)
          .map((r) => r.runId)
          .join(", ")}${imp.runs.length > 5 ? ", …" : ""}).`,
      );
    }
    runs = imp.runs.filter((r) => ids.includes(r.runId));
  }
  ctx.out.progress(
    `${imp.rows.length} rows, ${imp.runs.length} runs (layout ${imp.layout}, ${describeCsvFormat(imp.delimiter, imp.decimalComma)}); attesting ${runs.length}`,
  );
  if (kind === undefined) throw usageError("--kind is required: pretraining, finetuning or inference.");
  const evidence = evidenceInputFromCodeCarbon(imp, runs, { model: { modelId }, kind });
  return { evidence, files: [{ name: path.basename(file), bytes }] };
}

function fromModelCard(ctx: Context, file: string, modelId: bigint, kind: Kind | undefined): Built {
  const v = ctx.values;
  const { text, bytes } = readInput(file, "Model card");
  ctx.out.progress(`parsing ${file}`);
  let card: ReturnType<typeof parseModelCard>;
  try {
    card = parseModelCard(text);
  } catch (error) {
    if (error instanceof ModelCardImportError) throw fileError(`${file}: ${error.message}.`);
    throw error;
  }
  for (const w of card.warnings) ctx.out.warn(`${file}: ${w.message}`);
  const k = kind ?? card.kind ?? undefined;
  if (k === undefined) throw usageError(`--kind is required: ${file} names no training_type.`);
  const notes = [
    `Hugging Face model card co2_eq_emissions: ${card.emissionsRaw ?? "(none)"} (${card.form} form)`,
  ];
  let energyWh = 0n;
  let intensity = 0n;
  const intensityFlag = str(v, "intensity");
  if (str(v, "energy-wh") === undefined && str(v, "energy-kwh") === undefined) {
    if (card.emissionsG === null) throw fileError(`${file}: co2_eq_emissions is not a number of grams.`);
    if (!intensityFlag) {
      throw usageError(
        `A model card gives emissions (${card.emissionsG} g), not energy: pass --intensity (gCO2e/kWh) to derive energy, or --energy-wh.`,
      );
    }
    intensity = uint(intensityFlag, "--intensity");
    if (intensity === 0n)
      throw usageError("--intensity must be greater than 0 to derive energy from emissions.");
    energyWh = (card.emissionsG * 1000n) / intensity;
    notes.push(`energyWh = floor(${card.emissionsG} g × 1000 / ${intensity} gCO2e/kWh) = ${energyWh}`);
  }
  const evidence: EvidenceInput = {
    model: { modelId, name: card.modelName ?? undefined },
    run: { ids: [] },
    kind: k,
    period: { start: 0n, end: 0n },
    region: card.country ?? "",
    hardware: card.hardwareUsed ? [{ type: "unknown", model: card.hardwareUsed, count: 1 }] : [],
    method: Method.ESTIMATE,
    tool: card.source ?? "Hugging Face model card",
    energyWh: { value: energyWh, source: "derived from the model card's co2_eq_emissions" },
    pueMilli: { value: 1000n, source: "not stated in the model card: 1.0 assumed" },
    locationIntensity: { value: intensity, source: "--intensity" },
    renewableBps: { value: 0n, source: "none declared" },
    notes,
  };
  return { evidence, files: [{ name: path.basename(file), bytes }] };
}

/** Applies the figure flags over what an importer read (flags win). */
function applyFlags(ctx: Context, e: EvidenceInput): void {
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

/** Readable attestation fields (region decoded, enums named) for output. */
export function readableAttestation(a: AttestationStruct): Record<string, unknown> & {
  kind: string;
  method: string;
  region: string;
} {
  let region = a.region as string;
  try {
    if (/^0x[0-9a-fA-F]{16}$/.test(region)) region = decodeRegion(region as Hex);
  } catch {
    // keep hex
  }
  return {
    ...a,
    kind: (Object.keys(Kind) as (keyof typeof Kind)[])[a.kind] ?? String(a.kind),
    method: METHOD_NAMES[a.method] ?? String(a.method),
    region,
  };
}

export const attest: Command = {
  name: "attest",
  summary: "attest a model's energy from a CodeCarbon emissions.csv, a model card or flags",
  usage:
    "--model ID --kind KIND [--codecarbon FILE [--runs all|ID,...] | --model-card FILE] [figures] [evidence]",
  help: [
    "--model ID                the model (you must own it)",
    "--kind KIND               pretraining, finetuning or inference",
    "--codecarbon FILE         CodeCarbon emissions.csv (every layout 1.x-3.2); energy, PUE, intensity,",
    "                          period, region, accelerator hours and raw rows come from it",
    "--runs all|ID,...         which runs of the file to attest (default all)",
    "--model-card FILE         Hugging Face README/YAML with co2_eq_emissions (grams); energy is derived",
    "                          with --intensity unless --energy-wh is given; method defaults to estimate",
    "Figures (override the file's):",
    "--energy-wh N | --energy-kwh X   facility energy, PUE included",
    "--pue X (e.g. 1.12)   --intensity N (gCO2e/kWh)   --renewable PCT (e.g. 35 or 35%)",
    "--accelerator-hours N   --embodied-g N   --region ISO (FR, US-CA)",
    "--work-units N            tokens processed (pretraining, finetuning) or requests served (inference);",
    "                          CodeCarbon files hold no count, so state it here (default 0: not stated)",
    "--start T --end T         ISO 8601 (UTC if no zone) or unix seconds",
    "--method meter|software|estimate   --supersedes ATTESTATION_ID",
    "--renewable-source TEXT  --intensity-source TEXT  --work-units-source TEXT",
    "                          sources recorded in the evidence (how the value was derived)",
    "Evidence:",
    "--evidence-out FILE       write the evidence document (canonical JSON) to FILE instead of the store",
    "--evidence-uri URI        evidenceURI to record (default: the store URL of the document)",
    ...STORE_HELP,
    "--sign-only --out FILE    sign the submission (EIP-712) for a relayer instead of sending it",
  ],
  options: {
    model: { type: "string" },
    kind: { type: "string" },
    codecarbon: { type: "string" },
    runs: { type: "string" },
    "model-card": { type: "string" },
    "energy-wh": { type: "string" },
    "energy-kwh": { type: "string" },
    pue: { type: "string" },
    intensity: { type: "string" },
    "intensity-source": { type: "string" },
    renewable: { type: "string" },
    "renewable-source": { type: "string" },
    "accelerator-hours": { type: "string" },
    "embodied-g": { type: "string" },
    "work-units": { type: "string" },
    "work-units-source": { type: "string" },
    start: { type: "string" },
    end: { type: "string" },
    region: { type: "string" },
    method: { type: "string" },
    tool: { type: "string" },
    supersedes: { type: "string" },
    "evidence-out": { type: "string" },
    "evidence-uri": { type: "string" },
    "sign-only": { type: "boolean" },
    out: { type: "string" },
    ...STORE_OPTIONS,
  },
  async run(ctx) {
    const v = ctx.values;
    const modelFlag = str(v, "model");
    if (!modelFlag) throw usageError("--model is required: the id of the model to attest.");
    const modelId = uint(modelFlag, "--model");
    const kindFlag = str(v, "kind");
    const kind = kindFlag !== undefined ? enumFlag(Kind, kindFlag, "--kind") : undefined;
    const csv = str(v, "codecarbon");
    const card = str(v, "model-card");
    if (csv && card) throw usageError("Give --codecarbon or --model-card, not both.");
    if (v["sign-only"] && !str(v, "out"))
      throw usageError("--sign-only needs --out FILE for the signed submission.");

    let built: Built;
    if (csv) built = fromCodeCarbon(ctx, csv, modelId, kind);
    else if (card) built = fromModelCard(ctx, card, modelId, kind);
    else {
      if (kind === undefined) throw usageError("--kind is required: pretraining, finetuning or inference.");
      built = {
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
      for (const [flag, what] of [
        ["start", "the start of the measured period"],
        ["end", "the end of the measured period"],
        ["region", "the grid's ISO 3166 code"],
        ["intensity", "the grid intensity in gCO2e/kWh"],
      ] as const) {
        if (str(v, flag) === undefined) throw usageError(`--${flag} is required without a file: ${what}.`);
      }
      if (str(v, "energy-wh") === undefined && str(v, "energy-kwh") === undefined) {
        throw usageError("--energy-wh or --energy-kwh is required without a file.");
      }
    }
    applyFlags(ctx, built.evidence);
    if (kind !== undefined) built.evidence.kind = kind;

    const { store, uriOf } = storeOf(v);
    const attachments = built.files.map((f) => {
      const sha = attachmentHash(f.bytes);
      return { name: f.name, sha256: sha, uri: uriOf(sha.slice(2)), bytes: f.bytes };
    });
    built.evidence.attachments = attachments.map(({ bytes: _b, ...a }) => a);
    ctx.out.progress("building the evidence document");
    const doc = buildEvidenceDocument(built.evidence);
    const docBytes = serializeEvidence(doc);
    const hash = evidenceHash(doc);
    ctx.out.progress(`evidence sha256 ${hash}`);
    let uri = str(v, "evidence-uri");
    const out = str(v, "evidence-out");
    if (out) {
      writeFileSync(out, docBytes);
      ctx.out.progress(`evidence written to ${out}`);
      if (!uri) {
        uri = `file://${path.resolve(out)}`;
        ctx.out.warn(
          `no --evidence-uri: recording ${uri}, which verifiers cannot fetch; publish the file and pass its URL`,
        );
      }
    } else {
      uri ??= uriOf(hash.slice(2));
      if (!ctx.dryRun) {
        ctx.out.progress(`storing the evidence in ${storeOf(v).where}`);
        await store.put(docBytes);
        for (const a of attachments) await store.put(a.bytes);
      }
    }

    const form = attestationInputFromEvidence(
      built.evidence,
      { hash, uri, document: doc },
      { supersedes: str(v, "supersedes") },
    );

    const gp: GreenprintClient = await ctx.client({ signer: true });
    if (v["sign-only"]) {
      ctx.out.progress("signing the submission (EIP-712)");
      const signed = await gp.signSubmission(form);
      writeFileSync(str(v, "out") as string, `${serializeSigned(signed)}\n`);
      ctx.out.result(
        { signed: str(v, "out"), signer: signed.signer, nonce: signed.nonce, deadline: signed.deadline },
        [
          `✓ Submission signed by ${signed.signer} (nonce ${signed.nonce}), valid until ${formatUtc(signed.deadline)}; relay it with: greenprint relay ${str(v, "out")}`,
        ],
      );
      return;
    }
    const [params, now] = await Promise.all([gp.getParams(), gp.chainNow()]);
    const modelUrl = `${ctx.settings.appUrl.value}/models/${modelId}`;
    const attestationUrlOf = (id: string) => `${ctx.settings.appUrl.value}/attestations/${id}`;
    try {
      await ctx.send(
        `Attestation submitted for model ${modelId}`,
        gp.submitAttestation,
        form,
        (r) =>
          attestationSummary(r.id, r.attestation, params, {
            now,
            modelUrl,
            attestationUrl: attestationUrlOf(r.id),
            evidenceURI: uri as string,
            tool: built.evidence.tool,
          }),
        (r) => {
          const f = attestationFigures(r.attestation, params);
          return {
            summary: {
              period: formatUtcRange(r.attestation.periodStart, r.attestation.periodEnd),
              energyKWh: formatKWh(r.attestation.energyWh),
              totalKgCO2e: formatKgCO2e(f.totalG),
              projectedRewardWei: f.rewardWei,
              projectedVerifierRewardWei: f.verifierRewardWei,
              challengeWindowSeconds: f.challengeWindowSeconds,
              modelUrl,
              attestationUrl: attestationUrlOf(r.id),
            },
          };
        },
      );
    } catch (error) {
      if (error instanceof GreenprintValidationError) throw await explainPeriodErrors(error, form, gp);
      throw error;
    }
  },
};

/**
 * Names the attestation an overlapping period collides with (the validator knows only where the
 * latest one ends), so a re-upload of an attested run says what attested it.
 */
async function explainPeriodErrors(
  error: GreenprintValidationError,
  form: AttestationFormInput,
  gp: GreenprintClient,
): Promise<GreenprintValidationError> {
  const errors: Record<string, string> = { ...error.errors };
  let start: bigint;
  let end: bigint;
  try {
    start = BigInt(form.periodStart);
    end = BigInt(form.periodEnd);
  } catch {
    return error;
  }
  if (errors.periodStart?.includes("overlaps")) {
    const kind = Number(form.kind);
    const same = (await gp.listSubmittedAttestations({ modelId: BigInt(form.modelId) })).filter(
      (s) => s.attestation.kind === kind && s.attestation.periodEnd > start,
    );
    const latest = same.sort((a, b) => Number(b.attestation.periodEnd - a.attestation.periodEnd))[0];
    const kindName = (Object.keys(Kind)[kind] ?? String(kind)).toLowerCase();
    if (latest) {
      const state = await gp.getAttestation(latest.id);
      errors.periodStart = `the period ${formatUtcRange(start, end)} is already attested by attestation ${latest.id} (${formatUtcRange(latest.attestation.periodStart, latest.attestation.periodEnd)}, ${state.statusName}): a new ${kindName} attestation of model ${form.modelId} must start at or after ${formatUtc(latest.attestation.periodEnd)}; to correct that attestation instead, pass --supersedes ${latest.id}`;
    } else {
      errors.periodStart = `the period ${formatUtcRange(start, end)} overlaps an earlier ${kindName} attestation of model ${form.modelId}`;
    }
  }
  return new GreenprintValidationError(errors);
}

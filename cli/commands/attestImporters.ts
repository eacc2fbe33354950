// The files \`attest\` imports: a CodeCarbon emissions.csv or a Hugging Face model card, read into evidence.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { EvidenceInput } from "../../lib/evidence/document";
import { evidenceInputFromCodeCarbon } from "../../lib/evidence/fromCodeCarbon";
import { CodeCarbonImportError, describeCsvFormat, parseCodeCarbonCsv } from "../../lib/importers/codecarbon";
import { ModelCardImportError, parseModelCard } from "../../lib/importers/modelCard";
import { type Kind, Method } from "../../lib/spec";
import { type Context, str, uint } from "../context";
import { fileError, usageError } from "../output";

/** What an attestation is built from: its evidence, and the files to store beside the document and attach. */
export interface BuiltEvidence {
  evidence: EvidenceInput;
  files: { name: string; bytes: Uint8Array }[];
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

/** Reads and parses an input file; the importer's own errors become file errors naming the file. */
function importFile<T>(
  ctx: Context,
  file: string,
  what: string,
  parse: (text: string, size: number) => T,
  importError: abstract new (...args: never[]) => Error,
): { parsed: T; bytes: Uint8Array } {
  const { text, bytes } = readInput(file, what);
  ctx.out.progress(`parsing ${file}`);
  try {
    return { parsed: parse(text, bytes.length), bytes };
  } catch (error) {
    if (error instanceof importError) throw fileError(`${file}: ${error.message}.`);
    throw error;
  }
}

/** Reads an input file into evidence for `modelId` (`kind` as flagged, or as the file says). */
type Importer = (ctx: Context, file: string, modelId: bigint, kind: Kind | undefined) => BuiltEvidence;

export const fromCodeCarbon: Importer = (ctx, file, modelId, kind) => {
  const v = ctx.values;
  const { parsed: imp, bytes } = importFile(
    ctx,
    file,
    "CodeCarbon file",
    parseCodeCarbonCsv,
    CodeCarbonImportError,
  );
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
};

export const fromModelCard: Importer = (ctx, file, modelId, kind) => {
  const v = ctx.values;
  const { parsed: card, bytes } = importFile(ctx, file, "Model card", parseModelCard, ModelCardImportError);
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
};

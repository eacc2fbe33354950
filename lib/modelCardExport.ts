// The Hugging Face side of a model's Greenprint record: the model card's `co2_eq_emissions` block
// (emissions in grams, as the Hub's metadata spec wants) and the README badge with absolute URLs,
// so both survive being pasted into a README on huggingface.co. Used by `greenprint model-card`
// and, later, the model page. Read back by lib/importers/modelCard (a round trip keeps the grams).
import { stringify } from "yaml";
import { Kind, METHOD_NAMES, type Method, STATUS_NAMES, type Status } from "./spec";

/** One attestation counted in the card. */
export interface CardAttestation {
  kind: Kind;
  status: Status;
  method: Method;
  /** Total emissions of the attestation (location-based + embodied), grams CO2e. */
  totalG: bigint;
  /** ISO 3166 region, e.g. FR or US-CA. */
  region: string;
  /** Hardware from its evidence document, e.g. "8 × NVIDIA A100-SXM4-80GB"; empty when unknown. */
  hardware: string[];
}

export interface ModelCardExportInput {
  modelId: bigint;
  /** The app's public origin, e.g. https://greenprint.example (no trailing slash needed). */
  appUrl: string;
  /** The public API base; default <appUrl>/api/v1. */
  apiUrl?: string;
  attestations: CardAttestation[];
}

export interface ModelCardExport {
  /** The `co2_eq_emissions:` YAML block, for the README front matter. */
  yaml: string;
  /** `[![Greenprint grade](…/badge/ID.svg)](…/models/ID)`, absolute URLs. */
  badgeMarkdown: string;
  modelUrl: string;
  badgeUrl: string;
  emissionsG: bigint;
  counted: number;
}

/** Statuses whose figures a card reports (withdrawn, rejected, disputed and superseded ones are left out). */
const COUNTED = new Set(["SUBMITTED", "VERIFIED", "FINAL"]);

const TRAINING_TYPE: Partial<Record<Kind, string>> = {
  [Kind.PRETRAINING]: "pre-training",
  [Kind.FINETUNING]: "fine-tuning",
};

const trim = (url: string) => url.replace(/\/+$/, "");

/** Builds the YAML block and badge of a model from its training attestations. */
export function buildModelCardExport(input: ModelCardExportInput): ModelCardExport {
  const app = trim(input.appUrl);
  if (!/^https?:\/\//.test(app))
    throw new Error(`the app URL must be absolute (http or https), got "${input.appUrl}"`);
  const api = trim(input.apiUrl ?? `${app}/api/v1`);
  const modelUrl = `${app}/models/${input.modelId}`;
  const badgeUrl = `${api}/badge/${input.modelId}.svg`;
  const counted = input.attestations.filter(
    (a) => TRAINING_TYPE[a.kind] !== undefined && COUNTED.has(STATUS_NAMES[a.status]),
  );
  const emissionsG = counted.reduce((sum, a) => sum + a.totalG, 0n);
  const kinds = [...new Set(counted.map((a) => TRAINING_TYPE[a.kind] as string))];
  const regions = [...new Set(counted.map((a) => a.region).filter((r) => r !== ""))];
  const hardware = [...new Set(counted.flatMap((a) => a.hardware))];
  const byStatus = (name: string) => counted.filter((a) => STATUS_NAMES[a.status] === name).length;
  const methods = [...new Set(counted.map((a) => METHOD_NAMES[a.method].toLowerCase()))];
  const trust = [
    byStatus("FINAL") ? `${byStatus("FINAL")} final` : "",
    byStatus("VERIFIED") ? `${byStatus("VERIFIED")} verified` : "",
    byStatus("SUBMITTED") ? `${byStatus("SUBMITTED")} not yet verified` : "",
  ].filter(Boolean);
  const block: Record<string, unknown> = {
    emissions: Number(emissionsG),
    source: `Greenprint registry, ${modelUrl} (${counted.length} training attestation${counted.length === 1 ? "" : "s"}${trust.length ? `: ${trust.join(", ")}` : ""}; ${methods.join(", ") || "no"} measurement)`,
    training_type: kinds.length > 0 ? kinds.join(" and ") : "pre-training",
    geographical_location: regions.length > 0 ? regions.join(", ") : "unknown",
    hardware_used: hardware.length > 0 ? hardware.join(", ") : "not stated in the evidence",
  };
  if (!Number.isSafeInteger(block.emissions)) block.emissions = emissionsG.toString();
  return {
    yaml: stringify({ co2_eq_emissions: block }, { lineWidth: 0 }).trimEnd(),
    badgeMarkdown: `[![Greenprint grade](${badgeUrl})](${modelUrl})`,
    modelUrl,
    badgeUrl,
    emissionsG,
    counted: counted.length,
  };
}

/** A hardware entry of an evidence document as one phrase: "8 × NVIDIA A100-SXM4-80GB". */
export function hardwarePhrase(h: { model: string; count?: number; type?: string }): string {
  return h.count && h.count > 1 ? `${h.count} × ${h.model}` : h.model;
}

/**
 * Hugging Face model-card `co2_eq_emissions` importer. Input is a whole README.md
 * (YAML front matter between `---` lines) or the YAML alone. The Hub's schema says
 * `emissions` is a number in grams, either directly (`co2_eq_emissions: 583.7`) or
 * inside a mapping with `source`, `training_type`, `geographical_location`,
 * `hardware_used`. Real cards deviate: lists of one-key maps, strings with units
 * ("1.2g CO2"), keys with spaces, and kilograms written where grams are due. This
 * importer reads what is reliable and reports the rest as warnings; it never rescales
 * a bare number on a guess.
 */
import { isMap, isScalar, isSeq, parseDocument } from "yaml";
import { Kind } from "../spec";
import { decimalToScaledInt, parseDecimal, UnitError } from "../units";
import { countryToAlpha2 } from "./regions";

/** Kinds of import failure. */
export type ModelCardErrorCode = "EMPTY" | "INVALID_YAML" | "NO_METADATA" | "NO_CO2";

/** Thrown when a card cannot be imported. */
export class ModelCardImportError extends Error {
  constructor(
    readonly code: ModelCardErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ModelCardImportError";
  }
}

/** A non-fatal finding. */
export interface ModelCardWarning {
  code:
    | "LIST_FORM"
    | "NONSTANDARD_KEY"
    | "UNIT_IN_STRING"
    | "NOT_A_NUMBER"
    | "LIKELY_KG"
    | "ROUNDED"
    | "UNKNOWN_KEY";
  message: string;
}

/** Result of {@link parseModelCard}. */
export interface ModelCardImport {
  /** How `co2_eq_emissions` was written. */
  form: "number" | "mapping" | "list" | "string";
  /** Emissions in whole grams (rounded down), or null when not a usable number. */
  emissionsG: bigint | null;
  /** The emissions value as written in the card. */
  emissionsRaw: string | null;
  /** Grams if the bare number were kilograms (only set with a LIKELY_KG warning; never applied). */
  emissionsGIfKg: bigint | null;
  source: string | null;
  trainingType: string | null;
  /** `training_type` as a SPEC kind, when it names one. */
  kind: Kind | null;
  geographicalLocation: string | null;
  /** Alpha-2 country when `geographical_location` names a country. */
  country: string | null;
  hardwareUsed: string | null;
  /** Other keys inside `co2_eq_emissions`, as written. */
  extra: Record<string, unknown>;
  /** `model-index[0].name`, if present. */
  modelName: string | null;
  warnings: ModelCardWarning[];
}

/** Below this, a bare pre-training figure in "grams" is more likely kilograms (1 kg of CO2e). */
export const PRETRAINING_MIN_PLAUSIBLE_G = 1000n;

const STANDARD_KEYS = [
  "emissions",
  "source",
  "training_type",
  "geographical_location",
  "hardware_used",
] as const;
/** Misspellings seen on the Hub, mapped to the schema key. */
const KEY_ALIASES: Readonly<Record<string, (typeof STANDARD_KEYS)[number]>> = {
  "hardware used": "hardware_used",
  "hardware-used": "hardware_used",
  "training type": "training_type",
  "geographical location": "geographical_location",
  geographic_location: "geographical_location",
  "geographic location": "geographical_location",
};
const UNIT_FACTOR: Readonly<Record<string, bigint>> = {
  g: 1n,
  gram: 1n,
  grams: 1n,
  kg: 1000n,
  kilogram: 1000n,
  kilograms: 1000n,
  t: 1_000_000n,
  ton: 1_000_000n,
  tons: 1_000_000n,
  tonne: 1_000_000n,
  tonnes: 1_000_000n,
};
const VALUE_WITH_UNIT_RE =
  /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*([a-zA-Z]+)?\s*(?:co2(?:e|eq|-eq)?)?\s*$/i;

/** Splits a README into front matter and body; a text without `---` is taken as YAML. */
export function splitFrontMatter(text: string): { yaml: string; body: string } {
  const t = text.replace(/^\uFEFF/, "");
  const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(t);
  if (m) return { yaml: m[1] as string, body: t.slice(m[0].length) };
  return { yaml: t, body: "" };
}

function kindOf(trainingType: string | null): Kind | null {
  const t = trainingType?.toLowerCase().replace(/[^a-z]/g, "") ?? "";
  if (t === "pretraining") return Kind.PRETRAINING;
  if (t === "finetuning") return Kind.FINETUNING;
  if (t === "inference") return Kind.INFERENCE;
  return null;
}

function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return typeof v === "string" ? v.trim() : String(v);
}

/**
 * Parses a model card's `co2_eq_emissions`.
 * @throws ModelCardImportError when the text is empty, not YAML, or has no `co2_eq_emissions`
 */
export function parseModelCard(cardText: string): ModelCardImport {
  if (cardText.trim() === "") throw new ModelCardImportError("EMPTY", "model card is empty");
  const { yaml, body } = splitFrontMatter(cardText);
  const doc = parseDocument(yaml, { uniqueKeys: false });
  if (doc.errors.length > 0) {
    throw new ModelCardImportError(
      "INVALID_YAML",
      `front matter is not valid YAML: ${doc.errors[0]?.message.split("\n")[0]}`,
    );
  }
  const meta: unknown = doc.toJS();
  if (meta === null || typeof meta !== "object" || Array.isArray(meta)) {
    throw new ModelCardImportError(
      "NO_METADATA",
      "no YAML metadata found (expected front matter between --- lines)",
    );
  }
  const root = meta as Record<string, unknown>;
  if (!("co2_eq_emissions" in root))
    throw new ModelCardImportError("NO_CO2", "the card has no co2_eq_emissions");
  // The raw YAML node tells a bare number from a quoted string, which toJS() cannot.
  const node = doc.get("co2_eq_emissions", true);
  const raw = root.co2_eq_emissions;
  const warnings: ModelCardWarning[] = [];
  let form: ModelCardImport["form"];
  let fields: Record<string, unknown> = {};

  if (isSeq(node)) {
    form = "list";
    warnings.push({
      code: "LIST_FORM",
      message: "co2_eq_emissions is a list of one-key maps, not a mapping; its items were merged",
    });
    for (const item of (raw as unknown[]) ?? []) {
      if (item && typeof item === "object" && !Array.isArray(item)) Object.assign(fields, item);
    }
  } else if (isMap(node)) {
    form = "mapping";
    fields = { ...(raw as Record<string, unknown>) };
  } else if (isScalar(node) && typeof raw === "number") {
    form = "number";
    fields = { emissions: raw };
  } else {
    form = "string";
    fields = { emissions: raw };
  }

  const std: Partial<Record<(typeof STANDARD_KEYS)[number], unknown>> = {};
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    const key = k.trim();
    if ((STANDARD_KEYS as readonly string[]).includes(key)) std[key as (typeof STANDARD_KEYS)[number]] = v;
    else if (KEY_ALIASES[key.toLowerCase()]) {
      const to = KEY_ALIASES[key.toLowerCase()] as (typeof STANDARD_KEYS)[number];
      std[to] = v;
      warnings.push({ code: "NONSTANDARD_KEY", message: `key "${key}" read as "${to}"` });
    } else {
      extra[key] = v;
      warnings.push({
        code: "UNKNOWN_KEY",
        message: `key "${key}" is not part of the co2_eq_emissions schema; kept in extra`,
      });
    }
  }

  const trainingType = text(std.training_type);
  const kind = kindOf(trainingType);
  const { emissionsG, emissionsRaw, bare } = readEmissions(std.emissions, warnings);
  let emissionsGIfKg: bigint | null = null;
  if (bare && emissionsG !== null && emissionsRaw !== null) {
    const reason = kgReason(emissionsRaw, emissionsG, kind, body);
    if (reason) {
      emissionsGIfKg = decimalToScaledInt(emissionsRaw, 1000n, "emissions");
      warnings.push({
        code: "LIKELY_KG",
        message: `emissions ${emissionsRaw} look like kilograms (${reason}); the schema wants grams, so it is kept as ${emissionsG} g — if kg was meant, that is ${emissionsGIfKg} g`,
      });
    }
  }

  const location = text(std.geographical_location);
  const modelIndex = root["model-index"];
  const firstModel = Array.isArray(modelIndex)
    ? (modelIndex[0] as Record<string, unknown> | undefined)
    : undefined;
  return {
    form,
    emissionsG,
    emissionsRaw,
    emissionsGIfKg,
    source: text(std.source),
    trainingType,
    kind,
    geographicalLocation: location,
    country: location ? countryToAlpha2("", location) : null,
    hardwareUsed: text(std.hardware_used),
    extra,
    modelName: text(firstModel?.name),
    warnings,
  };
}

/** Reads the emissions value: a bare number is grams; a string may carry its own unit. */
function readEmissions(
  v: unknown,
  warnings: ModelCardWarning[],
): { emissionsG: bigint | null; emissionsRaw: string | null; bare: boolean } {
  if (v === undefined || v === null) {
    warnings.push({ code: "NOT_A_NUMBER", message: "co2_eq_emissions has no emissions value" });
    return { emissionsG: null, emissionsRaw: null, bare: false };
  }
  if (typeof v === "number") {
    // YAML gave a double; its shortest decimal form is what the card says
    const raw = String(v);
    try {
      const g = decimalToScaledInt(raw, 1n, "emissions");
      const r = parseDecimal(raw);
      if (r.num % r.den !== 0n)
        warnings.push({ code: "ROUNDED", message: `emissions ${raw} g rounded down to ${g} g` });
      return { emissionsG: g, emissionsRaw: raw, bare: true };
    } catch (e) {
      if (!(e instanceof UnitError)) throw e;
      warnings.push({ code: "NOT_A_NUMBER", message: `emissions ${raw} is not usable: ${e.message}` });
      return { emissionsG: null, emissionsRaw: raw, bare: false };
    }
  }
  const s = String(v).trim();
  const m = VALUE_WITH_UNIT_RE.exec(s);
  const unit = m?.[2]?.toLowerCase();
  const factor = unit === undefined ? 1n : UNIT_FACTOR[unit];
  if (!m || factor === undefined || m[1]?.startsWith("-")) {
    warnings.push({ code: "NOT_A_NUMBER", message: `emissions "${s}" is not a number of grams; left empty` });
    return { emissionsG: null, emissionsRaw: s, bare: false };
  }
  const g = decimalToScaledInt(m[1] as string, factor, "emissions");
  warnings.push({
    code: "UNIT_IN_STRING",
    message: `emissions "${s}" is a string with a unit; read as ${g} g (the schema wants a bare number of grams)`,
  });
  return { emissionsG: g, emissionsRaw: s, bare: unit === undefined };
}

/** Why a bare number in grams is probably kilograms, or null. */
function kgReason(raw: string, grams: bigint, kind: Kind | null, body: string): string | null {
  const n = Number(raw);
  // prose such as "5.6 KgCO2" or "5.6 kg" stating the same figure in kg (not "5.6 kgs of x")
  for (const m of body.matchAll(/(\d+(?:[.,]\d+)?)\s*(?:kg|kilograms?)(?:\s*co2e?q?)?(?![a-z])/gi)) {
    if (Number((m[1] as string).replace(",", ".")) === n) return `the card's text states ${m[0]}`;
  }
  if (kind === Kind.PRETRAINING && grams < PRETRAINING_MIN_PLAUSIBLE_G) {
    return `under 1 kg is implausibly small for pre-training`;
  }
  return null;
}

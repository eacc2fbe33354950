// Turns ../shared/fixtures/published-training-footprints.json (published figures from papers
// and model cards) into demo models and attestations. Numbers come from the entry as
// published; every value the publication does not give is either left out or derived by a
// rule written into the attestation's `derivation`, which the evidence document carries.
import { locationEmissionsG } from "../../lib/formulas/emissions";
import { Kind, Method } from "../../lib/spec";
import { mWhToWh, pueToMilli, tonnesToG } from "../../lib/units";

export interface PublishedFootprint {
  model: string;
  organization: string;
  source: string;
  energyMWh: number | null;
  locationIntensity_gPerKWh: number | null;
  emissions_tCO2e: number;
  pue: number | null;
  acceleratorHours: number | null;
  hardware: string | null;
  region: string | null;
  year: number;
  notes: string;
  /** Tokens the publication says the model was trained on, and where it says so. */
  trainingTokens?: number | null;
  trainingTokensSource?: string | null;
}

export interface DemoAttestation {
  kind: Kind;
  method: Method;
  energyWh: bigint;
  pueMilli: number;
  locationIntensity: number;
  renewableBps: number;
  acceleratorHours: bigint;
  /** SPEC 4 (v1.1): the published training tokens on a PRETRAINING attestation, else 0 (not stated). */
  workUnits: bigint;
  /** Where workUnits comes from, for the evidence document; null when not stated. */
  workUnitsSource: string | null;
  embodiedG: bigint;
  periodStart: bigint;
  periodEnd: bigint;
  region: string;
  /** How each value not published as such was obtained. */
  derivation: string[];
}

export interface DemoModel {
  metadata: {
    name: string;
    version: string;
    organization: string;
    task: string;
    architecture: string;
    parameterCount: number;
    license: string;
    links: string[];
    source: string;
    label: "self-reported from publications";
    /** SPEC 3 metadata, when the publication gives it. */
    trainingTokens?: number;
  };
  parameterCount: bigint;
  publishedEmissionsG: bigint;
  attestation: DemoAttestation | null;
}

/**
 * Parameter counts the model names carry ("T5 (11B)", "TeenyTinyLlama-160m"), plus the few
 * whose names do not: Llama 4 Scout 109B and Maverick 400B total parameters (Meta's model card).
 */
const PARAMETERS_NOT_IN_NAME: Record<string, bigint> = {
  "Llama 4 Scout": 109_000_000_000n,
  "Llama 4 Maverick": 400_000_000_000n,
};

export function parameterCountOf(name: string): bigint {
  const known = PARAMETERS_NOT_IN_NAME[name];
  if (known !== undefined) return known;
  const match = /(\d+(?:\.\d+)?)\s*([BbMm])\b/.exec(name.replace(/-(?=\d)/g, " "));
  if (!match?.[1] || !match[2]) return 0n;
  const [whole, fraction = ""] = match[1].split(".");
  const scale = match[2].toLowerCase() === "b" ? 9 : 6;
  return BigInt(`${whole}${fraction.padEnd(scale, "0")}`.slice(0, (whole ?? "").length + scale));
}

/**
 * ISO 3166 codes for the grids the publications name. Entries that only say "US national
 * average" get the country; "Google datacenter, Taiwan" gets TW, and so on.
 */
export function regionOf(entry: PublishedFootprint): string {
  const text = `${entry.region ?? ""}`.toLowerCase();
  const rules: [RegExp, string][] = [
    [/georgia \(us\)/, "US-GA"],
    [/north carolina/, "US-NC"],
    [/taiwan/, "TW"],
    [/france/, "FR"],
    [/germany/, "DE"],
    [/singapore/, "SG"],
    [/us national average|2020 us national/, "US"],
  ];
  for (const [pattern, code] of rules) if (pattern.test(text)) return code;
  return "";
}

/** METER where the publication measured power, SOFTWARE for CodeCarbon, else ESTIMATE. */
export function methodOf(entry: PublishedFootprint): Method {
  const text = `${entry.hardware ?? ""} ${entry.notes}`;
  if (/codecarbon/i.test(text)) return Method.SOFTWARE;
  if (/measured avg/i.test(entry.hardware ?? "")) return Method.METER;
  return Method.ESTIMATE;
}

const TASKS: [RegExp, string][] = [
  [/evolved transformer nas/i, "neural-architecture-search"],
  [/^t5/i, "text2text-generation"],
  [/gshard|switch/i, "translation"],
];

function taskOf(name: string): string {
  for (const [pattern, task] of TASKS) if (pattern.test(name)) return task;
  return "text-generation";
}

/** The publication year, as the measured period: the entries publish no exact dates. */
function yearPeriod(year: number): { start: bigint; end: bigint } {
  return {
    start: BigInt(Date.UTC(year, 0, 1) / 1000),
    end: BigInt(Date.UTC(year + 1, 0, 1) / 1000 - 1),
  };
}

/** The hardware line as the evidence document's hardware entry (type, model, count). */
export function hardwareOf(entry: PublishedFootprint): { type: string; model: string; count: number }[] {
  if (!entry.hardware) return [];
  const type = /TPU/.test(entry.hardware)
    ? "TPU"
    : /NVIDIA|GPU|A100|V100|H100/.test(entry.hardware)
      ? "GPU"
      : "other";
  const count = /([\d,]+)\s*(?:chips|GPUs)/.exec(entry.hardware) ?? /^(\d+)x /.exec(entry.hardware);
  return [{ type, model: entry.hardware, count: count?.[1] ? Number(count[1].replaceAll(",", "")) : 0 }];
}

export function toDemoModel(entry: PublishedFootprint): DemoModel {
  const parameterCount = parameterCountOf(entry.model);
  const publishedEmissionsG = tonnesToG(String(entry.emissions_tCO2e));
  const metadata: DemoModel["metadata"] = {
    name: entry.model,
    version: String(entry.year),
    organization: entry.organization,
    task: taskOf(entry.model),
    architecture: entry.hardware ? `trained on ${entry.hardware}` : "not published",
    parameterCount: Number(parameterCount),
    license: "see source",
    links: [entry.source.replace(/^.*?(https?:\/\/\S+)$/, "$1")],
    source: entry.source,
    label: "self-reported from publications",
    ...(entry.trainingTokens != null ? { trainingTokens: entry.trainingTokens } : {}),
  };
  if (entry.energyMWh === null) {
    // Only emissions are published: a model without an attestation, no energy is invented.
    return { metadata, parameterCount, publishedEmissionsG, attestation: null };
  }
  const derivation: string[] = [];
  const energyWh = mWhToWh(String(entry.energyMWh));
  let locationIntensity: number;
  if (entry.locationIntensity_gPerKWh !== null) {
    locationIntensity = entry.locationIntensity_gPerKWh;
  } else {
    // intensity = published emissions / published energy, rounded down to g/kWh.
    locationIntensity = Number((publishedEmissionsG * 1000n) / energyWh);
    derivation.push(
      `locationIntensity derived: ${entry.emissions_tCO2e} tCO2e / ${entry.energyMWh} MWh = ${locationIntensity} gCO2e/kWh (rounded down)`,
    );
  }
  let pueMilli = 1000;
  if (entry.pue !== null) pueMilli = Number(pueToMilli(String(entry.pue)));
  else derivation.push("PUE not published: energy is taken as published and PUE recorded as 1.000");
  const computed = locationEmissionsG(energyWh, BigInt(locationIntensity));
  if (!agreesWithPublished(computed, entry.emissions_tCO2e)) {
    derivation.push(
      `published emissions ${entry.emissions_tCO2e} tCO2e come from unrounded inputs; the published (rounded) energy x intensity gives ${Number(computed) / 1e6} tCO2e`,
    );
  }
  const period = yearPeriod(entry.year);
  derivation.push(`period: the calendar year ${entry.year}; the publication gives no exact dates`);
  const kind = /fine-tun/i.test(`${entry.model} ${entry.notes}`) ? Kind.FINETUNING : Kind.PRETRAINING;
  const work = workUnitsOf(entry, kind);
  derivation.push(work.derivation);
  return {
    metadata,
    parameterCount,
    publishedEmissionsG,
    attestation: {
      kind,
      method: methodOf(entry),
      energyWh,
      pueMilli,
      locationIntensity,
      renewableBps: 0,
      acceleratorHours: BigInt(entry.acceleratorHours ?? 0),
      workUnits: work.value,
      workUnitsSource: work.source,
      embodiedG: 0n,
      periodStart: period.start,
      periodEnd: period.end,
      region: regionOf(entry),
      derivation,
    },
  };
}

/**
 * workUnits of the entry's attestation (SPEC 4, v1.1): a PRETRAINING attestation covers the whole
 * published training run, so the tokens it processed are the training tokens the publication
 * gives (its trainingTokensSource says where). Other kinds, or no published count: 0, not stated.
 */
export function workUnitsOf(
  entry: PublishedFootprint,
  kind: Kind,
): { value: bigint; source: string | null; derivation: string } {
  if (kind !== Kind.PRETRAINING || entry.trainingTokens == null) {
    return {
      value: 0n,
      source: null,
      derivation: "workUnits 0: the publication gives no training token count",
    };
  }
  const value = BigInt(entry.trainingTokens);
  const source = `${entry.trainingTokensSource ?? entry.source}: the attestation covers the whole training run, so its tokens processed are all ${value} training tokens`;
  return {
    value,
    source,
    derivation: `workUnits = ${value} training tokens (${entry.trainingTokensSource ?? entry.source})`,
  };
}

/** True when `grams`, rounded half-up to the published figure's decimals, equals it. */
export function agreesWithPublished(grams: bigint, publishedTonnes: number): boolean {
  const decimals = String(publishedTonnes).split(".")[1]?.length ?? 0;
  const unit = 10n ** BigInt(6 - Math.min(decimals, 6));
  const rounded = ((grams + unit / 2n) / unit) * unit;
  return rounded === tonnesToG(String(publishedTonnes));
}

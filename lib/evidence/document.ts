/**
 * The evidence document of SPEC section 7 and its hash.
 *
 * Every integer that also lands on chain (energy, intensity, times, ids) is written as
 * a decimal string: uint64 values can exceed JavaScript's 2^53 safe range, and JCS
 * (RFC 8785) only carries IEEE doubles. Small counts (hardware count, TDP) stay numbers.
 */
import { type Hex, sha256 } from "viem";
import { EVIDENCE_SCHEMA, KIND_NAMES, type Kind, METHOD_NAMES, type Method } from "../spec";
import { canonicalBytes, canonicalize, JcsError, type JsonObject } from "./jcs";
import { rowsRoot } from "./merkle";

/** A value with where it came from (a tool, a meter, a grid-data provider, a document). */
export interface Sourced {
  value: string;
  source: string;
}

/** An attached file, identified by its SHA-256. */
export interface Attachment {
  name: string;
  /** 0x-prefixed SHA-256 of the file's bytes. */
  sha256: Hex;
  uri: string;
}

/** Hardware the energy was measured on. */
export interface EvidenceHardware {
  /** e.g. "GPU", "TPU", "CPU". */
  type: string;
  model: string;
  count: number;
  /** Thermal design power per device, watts; needed for ESTIMATE. */
  tdpW?: number;
}

/** Input of {@link buildEvidenceDocument}. Integers are bigint; the builder writes them as strings. */
export interface EvidenceInput {
  model: { modelId: bigint; name?: string; version?: string; repo?: string };
  run: { ids: string[]; project?: string };
  kind: Kind;
  period: { start: bigint; end: bigint };
  region: string;
  cloud?: { provider: string; region: string };
  hardware: EvidenceHardware[];
  method: Method;
  /** Measuring tool, e.g. CodeCarbon; omit for METER readings without software. */
  tool?: string;
  toolVersion?: string;
  energyWh: { value: bigint; source: string };
  pueMilli: { value: bigint; source: string };
  locationIntensity: { value: bigint; source: string };
  renewableBps: { value: bigint; source: string };
  acceleratorHours?: bigint;
  /**
   * The work the energy bought (SPEC 4, v1.1) and how it was derived: tokens processed for
   * PRETRAINING and FINETUNING, requests served for INFERENCE. Absent: 0, "not stated".
   */
  workUnits?: { value: bigint; source: string };
  embodiedG?: bigint;
  /** Raw measurement rows (e.g. CodeCarbon rows as column → value objects). */
  rows?: { format: string; items: JsonObject[] };
  attachments?: Attachment[];
  /** How values that were not measured as such were obtained (derivations, assumptions). */
  notes?: string[];
}

/** The evidence document, as hashed. */
export interface EvidenceDocument {
  schema: typeof EVIDENCE_SCHEMA;
  model: { modelId: string; name?: string; version?: string; repo?: string };
  run: { ids: string[]; project?: string };
  kind: string;
  period: { start: string; end: string };
  region: string;
  cloud: { provider: string; region: string } | null;
  hardware: EvidenceHardware[];
  method: string;
  tool: string | null;
  toolVersion: string | null;
  energyWh: Sourced;
  pueMilli: Sourced;
  locationIntensity: Sourced;
  renewableBps: Sourced;
  acceleratorHours: string;
  /** Tokens (PRETRAINING, FINETUNING) or requests (INFERENCE) and their source; "0" when not stated. */
  workUnits: Sourced & { unit: WorkUnit };
  embodiedG: string;
  rows: { format: string; items: JsonObject[]; root: Hex } | null;
  attachments: Attachment[];
  notes: string[];
}

const SHA256_RE = /^0x[0-9a-f]{64}$/;

/** What `workUnits` counts for an attestation kind (SPEC 4, v1.1). */
export type WorkUnit = "tokens" | "requests";

/** Tokens for PRETRAINING and FINETUNING, requests for INFERENCE. */
export function workUnitOf(kind: Kind): WorkUnit {
  return KIND_NAMES[kind] === "INFERENCE" ? "requests" : "tokens";
}

/** Source stated for workUnits when the attester gave none (the value is then 0). */
export const WORK_UNITS_NOT_STATED = "not stated";

const sourced = (s: { value: bigint; source: string }): Sourced => ({
  value: s.value.toString(),
  source: s.source,
});

/**
 * Builds the SPEC section 7 document: fixed schema tag, integers as decimal strings,
 * and the rows' Merkle root computed from the rows themselves.
 */
export function buildEvidenceDocument(input: EvidenceInput): EvidenceDocument {
  for (const a of input.attachments ?? []) {
    if (!SHA256_RE.test(a.sha256))
      throw new TypeError(`attachment "${a.name}": sha256 must be 0x + 64 lower-case hex digits`);
  }
  const rows = input.rows
    ? { format: input.rows.format, items: input.rows.items, root: rowsRoot(input.rows.items) }
    : null;
  return {
    schema: EVIDENCE_SCHEMA,
    model: { ...input.model, modelId: input.model.modelId.toString() },
    run: input.run,
    kind: KIND_NAMES[input.kind],
    period: { start: input.period.start.toString(), end: input.period.end.toString() },
    region: input.region,
    cloud: input.cloud ?? null,
    hardware: input.hardware,
    method: METHOD_NAMES[input.method],
    tool: input.tool ?? null,
    toolVersion: input.toolVersion ?? null,
    energyWh: sourced(input.energyWh),
    pueMilli: sourced(input.pueMilli),
    locationIntensity: sourced(input.locationIntensity),
    renewableBps: sourced(input.renewableBps),
    acceleratorHours: (input.acceleratorHours ?? 0n).toString(),
    workUnits: {
      ...sourced(input.workUnits ?? { value: 0n, source: WORK_UNITS_NOT_STATED }),
      unit: workUnitOf(input.kind),
    },
    embodiedG: (input.embodiedG ?? 0n).toString(),
    rows,
    attachments: input.attachments ?? [],
    notes: input.notes ?? [],
  };
}

/** The exact bytes to publish: the document's JCS form in UTF-8. */
export function serializeEvidence(doc: EvidenceDocument): Uint8Array {
  return canonicalBytes(doc);
}

/** `evidenceHash` (SPEC 4 and 7): SHA-256 of the JCS bytes, as a 0x bytes32. */
export function evidenceHash(doc: EvidenceDocument): Hex {
  return sha256(serializeEvidence(doc));
}

/** SHA-256 of an attachment's bytes, for {@link Attachment.sha256}. */
export function attachmentHash(bytes: Uint8Array): Hex {
  return sha256(bytes);
}

/** Outcome of {@link verifyEvidence}. */
export interface EvidenceVerification {
  /** True when the document parses, its canonical hash equals the expected one, and its rows match their root. */
  ok: boolean;
  /** SHA-256 of the canonical form of what was downloaded (null if it is not JSON). */
  hash: Hex | null;
  /** SHA-256 of the downloaded bytes as they are. */
  rawHash: Hex;
  /** Whether the downloaded bytes were already in canonical form. */
  canonical: boolean;
  errors: string[];
  document: EvidenceDocument | null;
}

/**
 * Re-hashes a downloaded evidence document and compares it with the on-chain hash.
 * The hash is taken over the JCS form, so a pretty-printed copy of the same document
 * still verifies (`canonical` is then false). Also checks the schema tag and recomputes
 * the rows' Merkle root.
 */
export function verifyEvidence(bytes: Uint8Array | string, expectedHash: Hex): EvidenceVerification {
  const raw = typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes;
  const rawHash = sha256(raw);
  const text = new TextDecoder("utf-8").decode(raw);
  const errors: string[] = [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, hash: null, rawHash, canonical: false, errors: ["not valid JSON"], document: null };
  }
  let canonicalText: string;
  try {
    canonicalText = canonicalize(parsed);
  } catch (e) {
    const msg = e instanceof JcsError ? e.message : String(e);
    return {
      ok: false,
      hash: null,
      rawHash,
      canonical: false,
      errors: [`cannot canonicalise: ${msg}`],
      document: null,
    };
  }
  const hash = sha256(new TextEncoder().encode(canonicalText));
  if (hash.toLowerCase() !== expectedHash.toLowerCase()) {
    errors.push(`hash mismatch: the document hashes to ${hash}, the attestation says ${expectedHash}`);
  }
  const doc = parsed as Partial<EvidenceDocument> | null;
  if (doc === null || typeof doc !== "object" || doc.schema !== EVIDENCE_SCHEMA) {
    errors.push(`schema is not "${EVIDENCE_SCHEMA}"`);
  } else if (doc.rows) {
    const root = rowsRoot(doc.rows.items ?? []);
    if (root !== doc.rows.root) errors.push(`rows root ${doc.rows.root} does not match the rows (${root})`);
  }
  return {
    ok: errors.length === 0,
    hash,
    rawHash,
    canonical: canonicalText === text,
    errors,
    document: errors.length === 0 ? (parsed as EvidenceDocument) : null,
  };
}

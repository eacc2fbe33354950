/**
 * Client-side check of an attestation against every SPEC section 4 rule that can be
 * decided without the chain, run before a transaction is sent so the user sees a
 * message per field instead of a revert. Chain-dependent rules (model exists, caller
 * is owner, sealed model, period overlap) are checked when their facts are passed in
 * the context.
 */
import { bytesToString, type Hex, hexToBytes, toHex, zeroHash } from "viem";
import { formatUtc } from "./humanize";
import { isAlpha2 } from "./importers/regions";
import { BOUNDS, Kind, Method } from "./spec";

/** A moment in an error: a UTC date to the second, never unix seconds. */
const utc = (seconds: bigint) => formatUtc(seconds, { seconds: true });

/** What a form field may hold: a bigint, a safe integer, or a decimal string of digits. */
export type IntegerLike = bigint | number | string;

/** Attestation fields as a form collects them. */
export interface AttestationFormInput {
  modelId: IntegerLike;
  kind: IntegerLike;
  energyWh: IntegerLike;
  pueMilli: IntegerLike;
  locationIntensity: IntegerLike;
  renewableBps: IntegerLike;
  acceleratorHours: IntegerLike;
  /**
   * The work the energy bought (SPEC 4, v1.1): tokens processed for PRETRAINING and FINETUNING,
   * requests served for INFERENCE; empty or absent for 0 (not stated).
   */
  workUnits?: IntegerLike;
  embodiedG?: IntegerLike;
  periodStart: IntegerLike;
  periodEnd: IntegerLike;
  region: string;
  method: IntegerLike;
  evidenceHash: string;
  evidenceURI: string;
  rowsRoot?: string;
  /** Id (bytes32) of the attestation this one corrects; empty or "0" for none. */
  supersedes?: string;
}

/** Validated attestation, typed as the contract takes it. */
export interface AttestationFields {
  modelId: bigint;
  kind: Kind;
  energyWh: bigint;
  pueMilli: bigint;
  locationIntensity: bigint;
  renewableBps: bigint;
  acceleratorHours: bigint;
  /** Tokens (PRETRAINING, FINETUNING) or requests (INFERENCE); 0 if not stated. */
  workUnits: bigint;
  embodiedG: bigint;
  periodStart: bigint;
  periodEnd: bigint;
  region: string;
  /** `region` as bytes8. */
  regionBytes: Hex;
  method: Method;
  evidenceHash: Hex;
  evidenceURI: string;
  rowsRoot: Hex;
  /** bytes32 id of the corrected attestation, zero for none. */
  supersedes: Hex;
}

/** One message per invalid field. */
export type FieldErrors = Partial<Record<keyof AttestationFormInput, string>>;

/** Result of {@link validateAttestation}. */
export type ValidationResult = { ok: true; value: AttestationFields } | { ok: false; errors: FieldErrors };

/** Chain facts that extend the check when known. */
export interface ValidationContext {
  /** Current unix time, seconds (default: the clock). */
  now?: bigint;
  /** The model is sealed: PRETRAINING is refused. */
  sealed?: boolean;
  /** End of the latest live attestation of this model and kind (not needed when superseding). */
  latestPeriodEnd?: bigint;
}

const BYTES32_RE = /^0x[0-9a-fA-F]{64}$/;
const REGION_RE = /^([A-Z]{2})(?:-[A-Z0-9]{1,3})?$/;
const UINT256_MAX = 2n ** 256n - 1n;

/** Whether `region` is an ISO 3166-1 alpha-2 code, optionally with an ISO 3166-2 suffix (`FR`, `US-CA`). */
export function isValidRegion(region: string): boolean {
  const m = REGION_RE.exec(region);
  return m !== null && isAlpha2(m[1] as string);
}

/** Region → bytes8: ASCII, right-padded with zero bytes (`US-CA` → 0x55532d4341000000). */
export function encodeRegion(region: string): Hex {
  if (!/^[\x20-\x7e]*$/.test(region)) throw new RangeError(`region "${region}" is not printable ASCII`);
  if (region.length > BOUNDS.REGION_MAX_BYTES)
    throw new RangeError(`region "${region}" is longer than 8 bytes`);
  return toHex(region, { size: 8 });
}

/** bytes8 → region, dropping the zero padding; rejects padding in the middle and non-ASCII. */
export function decodeRegion(bytes8: Hex): string {
  const bytes = hexToBytes(bytes8);
  if (bytes.length !== 8) throw new RangeError(`${bytes8} is not 8 bytes`);
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  const used = bytes.subarray(0, end);
  if (used.some((b) => b < 0x20 || b > 0x7e))
    throw new RangeError(`${bytes8} is not a right-padded ASCII region`);
  return bytesToString(used);
}

type Parsed = { value: bigint } | { error: string };

function parseUint(v: IntegerLike | undefined, max: bigint, typeName: string): Parsed {
  if (v === undefined || v === "") return { error: "is required" };
  let n: bigint;
  if (typeof v === "bigint") n = v;
  else if (typeof v === "number") {
    if (!Number.isSafeInteger(v)) return { error: `must be a whole number, got ${v}` };
    n = BigInt(v);
  } else {
    const s = v.trim();
    if (!/^\d+$/.test(s)) return { error: `must be a whole number, got "${v}"` };
    n = BigInt(s);
  }
  if (n < 0n) return { error: `must not be negative, got ${n}` };
  if (n > max) return { error: `does not fit ${typeName} (max ${max}), got ${n}` };
  return { value: n };
}

/**
 * Validates an attestation form against SPEC section 4: energyWh > 0; pueMilli in
 * 1000..5000; renewableBps <= 10000; locationIntensity <= 2000; periodStart <
 * periodEnd <= now; evidenceHash non-zero bytes32; region ISO 3166; kind and method
 * known; every integer fits its Solidity type (workUnits, optional, a uint64).
 */
export function validateAttestation(
  input: AttestationFormInput,
  ctx: ValidationContext = {},
): ValidationResult {
  const errors: FieldErrors = {};
  const now = ctx.now ?? BigInt(Math.floor(Date.now() / 1000));
  const num = (
    field: keyof AttestationFormInput,
    max: bigint,
    typeName: string,
    optional = false,
  ): bigint => {
    const raw = input[field] as IntegerLike | undefined;
    if (optional && (raw === undefined || raw === "")) return 0n;
    const p = parseUint(raw, max, typeName);
    if ("error" in p) {
      errors[field] = `${field} ${p.error}`;
      return -1n;
    }
    return p.value;
  };

  const modelId = num("modelId", UINT256_MAX, "uint256");
  if (modelId === 0n) errors.modelId = "modelId must be a registered model (ids start at 1)";
  const kind = num("kind", 2n ** 8n - 1n, "uint8");
  if (kind >= 0n && !Object.values(Kind).includes(Number(kind) as Kind)) {
    errors.kind = `kind must be PRETRAINING (0), FINETUNING (1) or INFERENCE (2), got ${kind}`;
  }
  const method = num("method", 2n ** 8n - 1n, "uint8");
  if (method >= 0n && !Object.values(Method).includes(Number(method) as Method)) {
    errors.method = `method must be METER (0), SOFTWARE (1) or ESTIMATE (2), got ${method}`;
  }
  const energyWh = num("energyWh", BOUNDS.UINT64_MAX, "uint64");
  if (energyWh === 0n) errors.energyWh = "energyWh must be greater than 0";
  const pueMilli = num("pueMilli", BOUNDS.UINT16_MAX, "uint16");
  if (pueMilli >= 0n && (pueMilli < BOUNDS.PUE_MIN || pueMilli > BOUNDS.PUE_MAX)) {
    errors.pueMilli ??= `pueMilli must be between 1000 (PUE 1.000) and 5000 (PUE 5.000), got ${pueMilli}`;
  }
  const renewableBps = num("renewableBps", BOUNDS.UINT16_MAX, "uint16");
  if (renewableBps > BOUNDS.BPS_MAX)
    errors.renewableBps ??= `renewableBps must be at most 10000 (100%), got ${renewableBps}`;
  const locationIntensity = num("locationIntensity", BOUNDS.UINT32_MAX, "uint32");
  if (locationIntensity > BOUNDS.INTENSITY_MAX) {
    errors.locationIntensity ??= `locationIntensity must be at most 2000 gCO2e/kWh, got ${locationIntensity}`;
  }
  const acceleratorHours = num("acceleratorHours", BOUNDS.UINT64_MAX, "uint64");
  const workUnits = num("workUnits", BOUNDS.UINT64_MAX, "uint64", true);
  const embodiedG = num("embodiedG", BOUNDS.UINT64_MAX, "uint64", true);
  const periodStart = num("periodStart", BOUNDS.UINT64_MAX, "uint64");
  const periodEnd = num("periodEnd", BOUNDS.UINT64_MAX, "uint64");
  if (periodStart >= 0n && periodEnd >= 0n) {
    if (periodStart >= periodEnd)
      errors.periodStart = `the period starts ${utc(periodStart)}, which is not before its end ${utc(periodEnd)}`;
    if (periodEnd > now) {
      errors.periodEnd = `the period ends ${utc(periodEnd)}, after the chain's current time ${utc(now)}: only past periods can be attested`;
    }
  }
  // Attestation ids are bytes32 on chain (the EIP-712 struct hash of the attestation).
  const supersedesRaw = input.supersedes?.trim() ?? "";
  const supersedes = supersedesRaw === "" || supersedesRaw === "0" ? zeroHash : supersedesRaw;
  if (!BYTES32_RE.test(supersedes)) {
    errors.supersedes = "supersedes must be an attestation id (0x + 64 hex digits) or empty";
  }
  const correcting = supersedes.toLowerCase() !== zeroHash;
  if (
    ctx.latestPeriodEnd !== undefined &&
    !correcting &&
    periodStart >= 0n &&
    periodStart < ctx.latestPeriodEnd
  ) {
    errors.periodStart ??= `the period starts ${utc(periodStart)}, which overlaps the latest attestation of this kind (it ends ${utc(ctx.latestPeriodEnd)}): start at or after its end, or correct it with supersedes`;
  }
  if (ctx.sealed === true && kind === BigInt(Kind.PRETRAINING)) {
    errors.kind ??= "the model is sealed: no PRETRAINING attestation can be added";
  }

  if (!BYTES32_RE.test(input.evidenceHash))
    errors.evidenceHash = "evidenceHash must be a 0x-prefixed 32-byte hex value";
  else if (input.evidenceHash.toLowerCase() === zeroHash)
    errors.evidenceHash = "evidenceHash must not be zero";
  const rowsRoot = input.rowsRoot === undefined || input.rowsRoot === "" ? zeroHash : input.rowsRoot;
  if (!BYTES32_RE.test(rowsRoot))
    errors.rowsRoot = "rowsRoot must be a 0x-prefixed 32-byte hex value or empty";
  if (input.evidenceURI.trim() === "")
    errors.evidenceURI = "evidenceURI is required: verifiers fetch the evidence there";
  // the format admits at most 6 characters, so a valid region always fits bytes8
  if (!isValidRegion(input.region)) {
    errors.region = `region "${input.region}" must be an ISO 3166 code such as FR or US-CA (upper case)`;
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      modelId,
      kind: Number(kind) as Kind,
      energyWh,
      pueMilli,
      locationIntensity,
      renewableBps,
      acceleratorHours,
      workUnits,
      embodiedG,
      periodStart,
      periodEnd,
      region: input.region,
      regionBytes: encodeRegion(input.region),
      method: Number(method) as Method,
      evidenceHash: input.evidenceHash as Hex,
      evidenceURI: input.evidenceURI,
      rowsRoot: rowsRoot as Hex,
      supersedes: supersedes as Hex,
    },
  };
}

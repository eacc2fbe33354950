/**
 * EIP-712 typed data of the AttestationRegistry (SPEC section 5): owner-signed
 * submissions (`submitWithSig`), verifier-signed verdicts (`verdictWithSig`) and
 * verifier-signed verified attestations (`submitVerified`). The type strings equal the
 * contract's public constants ATTESTATION_TYPE, SUBMIT_ATTESTATION_TYPE,
 * VERIFIED_ATTESTATION_TYPE and VERDICT_TYPE (a test compares them on chain).
 *
 * Pure and browser-safe; signing happens in lib/client with a viem wallet client.
 */
import { type Address, type ContractFunctionArgs, type Hex, hashStruct, type TypedDataDomain } from "viem";
import type { attestationRegistryAbi } from "./generated/contracts";
import type { Kind, Method } from "./spec";
import type { AttestationFields } from "./validation";

/** Domain name and version the registry passes to OpenZeppelin's EIP712 constructor. */
export const EIP712_NAME = "Greenprint";
/** Domain version. */
export const EIP712_VERSION = "1";
/** Default signature lifetime: one hour. */
export const DEFAULT_SIGNATURE_TTL_SECONDS = 3600n;

/**
 * The attestation as the contracts take it (`struct Attestation` of contracts/Common.sol), derived
 * from the registry's ABI (`submit`'s argument), with `kind` and `method` narrowed to the SPEC enums.
 */
export interface AttestationStruct
  extends Omit<
    ContractFunctionArgs<typeof attestationRegistryAbi, "nonpayable", "submit">[0],
    "kind" | "method"
  > {
  kind: Kind;
  method: Method;
}

/** EIP-712 fields of `Attestation`, in the contract's order. */
export const ATTESTATION_FIELDS = [
  { name: "modelId", type: "uint256" },
  { name: "kind", type: "uint8" },
  { name: "method", type: "uint8" },
  { name: "energyWh", type: "uint64" },
  { name: "pueMilli", type: "uint16" },
  { name: "locationIntensity", type: "uint32" },
  { name: "renewableBps", type: "uint16" },
  { name: "acceleratorHours", type: "uint64" },
  { name: "workUnits", type: "uint64" },
  { name: "embodiedG", type: "uint64" },
  { name: "periodStart", type: "uint64" },
  { name: "periodEnd", type: "uint64" },
  { name: "region", type: "bytes8" },
  { name: "evidenceHash", type: "bytes32" },
  { name: "evidenceURI", type: "string" },
  { name: "rowsRoot", type: "bytes32" },
  { name: "supersedes", type: "bytes32" },
] as const;

/** Types of an attestation alone (its struct hash is the attestation id). */
export const attestationTypes = { Attestation: ATTESTATION_FIELDS } as const;

/** Both signed attestation types: the attestation, the signer's nonce and a deadline. */
const SIGNED_ATTESTATION_FIELDS = [
  { name: "attestation", type: "Attestation" },
  { name: "nonce", type: "uint256" },
  { name: "deadline", type: "uint256" },
] as const;

/** Signed by a model owner; relayed with `submitWithSig`. */
export const submitAttestationTypes = {
  SubmitAttestation: SIGNED_ATTESTATION_FIELDS,
  Attestation: ATTESTATION_FIELDS,
} as const;

/** Signed by a verifier; landed by the model owner with `submitVerified`. */
export const verifiedAttestationTypes = {
  VerifiedAttestation: SIGNED_ATTESTATION_FIELDS,
  Attestation: ATTESTATION_FIELDS,
} as const;

/** Signed by a verifier; relayed by anyone with `verdictWithSig`. */
export const verdictTypes = {
  Verdict: [
    { name: "attestationId", type: "bytes32" },
    { name: "approve", type: "bool" },
    { name: "reasonHash", type: "bytes32" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

type TypeFields = Record<string, readonly { name: string; type: string }[]>;

/** EIP-712 `encodeType`: the primary type, then its referenced struct types sorted by name. */
export function encodeType(primaryType: string, types: TypeFields): string {
  const deps = new Set<string>();
  const visit = (t: string) => {
    for (const f of types[t] ?? []) {
      const base = f.type.replace(/\[\d*\]$/, "");
      if (types[base] && base !== primaryType && !deps.has(base)) {
        deps.add(base);
        visit(base);
      }
    }
  };
  visit(primaryType);
  return [primaryType, ...[...deps].sort()]
    .map((t) => `${t}(${(types[t] ?? []).map((f) => `${f.type} ${f.name}`).join(",")})`)
    .join("");
}

/** The type strings as the contract's constants spell them. */
export const TYPE_STRINGS = {
  ATTESTATION_TYPE: encodeType("Attestation", attestationTypes),
  SUBMIT_ATTESTATION_TYPE: encodeType("SubmitAttestation", submitAttestationTypes),
  VERIFIED_ATTESTATION_TYPE: encodeType("VerifiedAttestation", verifiedAttestationTypes),
  VERDICT_TYPE: encodeType("Verdict", verdictTypes),
} as const;

/** The registry's EIP-712 domain (name "Greenprint", version "1", chain id, registry address). */
export function greenprintDomain(chainId: number, verifyingContract: Address): TypedDataDomain {
  return { name: EIP712_NAME, version: EIP712_VERSION, chainId, verifyingContract };
}

/** Default deadline: `now + ttl` seconds (one hour unless given). */
export function defaultDeadline(
  nowSeconds: bigint = BigInt(Math.floor(Date.now() / 1000)),
  ttlSeconds: bigint = DEFAULT_SIGNATURE_TTL_SECONDS,
): bigint {
  return nowSeconds + ttlSeconds;
}

/** Validated attestation fields (lib/validation) → the contract struct. */
export function toAttestationStruct(fields: AttestationFields): AttestationStruct {
  return {
    modelId: fields.modelId,
    kind: fields.kind,
    method: fields.method,
    energyWh: fields.energyWh,
    pueMilli: Number(fields.pueMilli),
    locationIntensity: Number(fields.locationIntensity),
    renewableBps: Number(fields.renewableBps),
    acceleratorHours: fields.acceleratorHours,
    workUnits: fields.workUnits,
    embodiedG: fields.embodiedG,
    periodStart: fields.periodStart,
    periodEnd: fields.periodEnd,
    region: fields.regionBytes,
    evidenceHash: fields.evidenceHash,
    evidenceURI: fields.evidenceURI,
    rowsRoot: fields.rowsRoot,
    supersedes: fields.supersedes,
  };
}

/** The attestation id: EIP-712 struct hash of the fields (equals the contract's `attestationId`). */
export function attestationId(attestation: AttestationStruct): Hex {
  return hashStruct({
    primaryType: "Attestation",
    types: attestationTypes,
    data: attestation,
  });
}

/** What an owner or a verifier signs over an attestation. */
export interface SignedAttestationParts {
  domain: TypedDataDomain;
  attestation: AttestationStruct;
  nonce: bigint;
  deadline: bigint;
}

function signedAttestationTypedData<P extends "SubmitAttestation" | "VerifiedAttestation", T>(
  primaryType: P,
  types: T,
  p: SignedAttestationParts,
) {
  const message = { attestation: p.attestation, nonce: p.nonce, deadline: p.deadline };
  return { domain: p.domain, types, primaryType, message };
}

/** Typed data an owner signs so anyone may relay the submission. */
export function submitAttestationTypedData(p: SignedAttestationParts) {
  return signedAttestationTypedData("SubmitAttestation", submitAttestationTypes, p);
}

/** Typed data a verifier signs so the owner can land the attestation already Verified. */
export function verifiedAttestationTypedData(p: SignedAttestationParts) {
  return signedAttestationTypedData("VerifiedAttestation", verifiedAttestationTypes, p);
}

/** Typed data a verifier signs for a verdict (approve = verify, else reject with reasonHash). */
export function verdictTypedData(p: {
  domain: TypedDataDomain;
  attestationId: Hex;
  approve: boolean;
  reasonHash: Hex;
  nonce: bigint;
  deadline: bigint;
}) {
  return {
    domain: p.domain,
    types: verdictTypes,
    primaryType: "Verdict" as const,
    message: {
      attestationId: p.attestationId,
      approve: p.approve,
      reasonHash: p.reasonHash,
      nonce: p.nonce,
      deadline: p.deadline,
    },
  };
}

/** Fields shared by every signed payload. */
interface SignedBase {
  /** Chain and registry the signature is bound to. */
  chainId: number;
  verifyingContract: Address;
  signer: Address;
  nonce: bigint;
  deadline: bigint;
  signature: Hex;
}

/** An owner's signature over an attestation, relayable with `submitWithSig`. */
export interface SignedSubmission extends SignedBase {
  type: "SubmitAttestation";
  attestation: AttestationStruct;
}

/** A verifier's signature over an attestation, landed by the owner with `submitVerified`. */
export interface SignedVerifiedAttestation extends SignedBase {
  type: "VerifiedAttestation";
  attestation: AttestationStruct;
}

/** A verifier's signed verdict, relayable with `verdictWithSig`. */
export interface SignedVerdict extends SignedBase {
  type: "Verdict";
  attestationId: Hex;
  approve: boolean;
  reasonHash: Hex;
}

/** Any signed Greenprint payload. */
export type SignedPayload = SignedSubmission | SignedVerifiedAttestation | SignedVerdict;

const BIGINT_KEYS = new Set([
  "nonce",
  "deadline",
  "modelId",
  "energyWh",
  "acceleratorHours",
  "workUnits",
  "embodiedG",
  "periodStart",
  "periodEnd",
]);

/** JSON text of a signed payload (bigints as decimal strings), for files and HTTP. */
export function serializeSigned(payload: SignedPayload): string {
  return JSON.stringify(
    { schema: "greenprint.signed/v1", ...payload },
    (_k, v) => (typeof v === "bigint" ? v.toString() : v),
    2,
  );
}

/**
 * Parses what {@link serializeSigned} wrote.
 * @throws Error naming the first missing or malformed field
 */
export function parseSigned(text: string): SignedPayload {
  let raw: unknown;
  try {
    raw = JSON.parse(text, (k, v) => (BIGINT_KEYS.has(k) && typeof v === "string" ? BigInt(v) : v));
  } catch (e) {
    throw new Error(`not a signed Greenprint payload: ${(e as Error).message}`);
  }
  const p = raw as Partial<SignedPayload> & { schema?: string };
  if (!p || typeof p !== "object" || p.schema !== "greenprint.signed/v1") {
    throw new Error('not a signed Greenprint payload: "schema" is not "greenprint.signed/v1"');
  }
  if (p.type !== "SubmitAttestation" && p.type !== "VerifiedAttestation" && p.type !== "Verdict") {
    throw new Error(`unknown signed payload type ${JSON.stringify(p.type)}`);
  }
  for (const key of ["signer", "signature", "verifyingContract"] as const) {
    if (typeof p[key] !== "string" || !/^0x[0-9a-fA-F]+$/.test(p[key] as string)) {
      throw new Error(`signed payload: "${key}" is missing or not hex`);
    }
  }
  if (typeof p.nonce !== "bigint" || typeof p.deadline !== "bigint") {
    throw new Error('signed payload: "nonce" and "deadline" must be decimal strings');
  }
  if (p.type === "Verdict") {
    const v = p as Partial<SignedVerdict>;
    if (typeof v.attestationId !== "string" || typeof v.approve !== "boolean") {
      throw new Error('signed verdict: "attestationId" or "approve" is missing');
    }
  } else if (typeof (p as Partial<SignedSubmission>).attestation !== "object") {
    throw new Error('signed payload: "attestation" is missing');
  }
  const { schema: _schema, ...payload } = p;
  return payload as SignedPayload;
}

/**
 * Enums, defaults and bounds of the Greenprint protocol (shared/SPEC.md, v1).
 *
 * This module holds constants only; the formulas live in `formulas/`. Numeric enum
 * values equal the Solidity enums in contracts/Common.sol (`uint8`), so chain values
 * decode with these tables directly.
 */

/** Attestation kind (SPEC section 4). */
export const Kind = { PRETRAINING: 0, FINETUNING: 1, INFERENCE: 2 } as const;
/** Numeric value of a {@link Kind}. */
export type Kind = (typeof Kind)[keyof typeof Kind];

/** Measurement method (SPEC section 4). */
export const Method = { METER: 0, SOFTWARE: 1, ESTIMATE: 2 } as const;
/** Numeric value of a {@link Method}. */
export type Method = (typeof Method)[keyof typeof Method];

/**
 * Attestation lifecycle state (SPEC section 5), numbered exactly as the contracts'
 * `Status` enum (contracts/Common.sol): NONE means "no such attestation", and FINAL is
 * never stored on chain but derived (Verified, challenge window over, no open dispute).
 */
export const Status = {
  NONE: 0,
  SUBMITTED: 1,
  VERIFIED: 2,
  DISPUTED: 3,
  REJECTED: 4,
  WITHDRAWN: 5,
  INVALIDATED: 6,
  SUPERSEDED: 7,
  FINAL: 8,
} as const;
/** Numeric value of a {@link Status}. */
export type Status = (typeof Status)[keyof typeof Status];

/** Certificate kind (SPEC section 8): REC amount in Wh, CARBON_CREDIT amount in gCO2e. */
export const CertificateKind = { REC: 0, CARBON_CREDIT: 1 } as const;
/** Numeric value of a {@link CertificateKind}. */
export type CertificateKind = (typeof CertificateKind)[keyof typeof CertificateKind];

/**
 * Certificate status (SPEC section 8, v1.1), numbered as the contracts' `CertificateStatus`:
 * PENDING and CONFIRMED hold the certificate's serial; REJECTED (verifier) and REVOKED (arbiter) free it.
 * Only CONFIRMED certificates count in the market-based net.
 */
export const CertificateStatus = { NONE: 0, PENDING: 1, CONFIRMED: 2, REJECTED: 3, REVOKED: 4 } as const;
/** Numeric value of a {@link CertificateStatus}. */
export type CertificateStatus = (typeof CertificateStatus)[keyof typeof CertificateStatus];
/** Reverse lookup of {@link CertificateStatus}. */
export const CERTIFICATE_STATUS_NAMES: Record<CertificateStatus, keyof typeof CertificateStatus> = {
  0: "NONE",
  1: "PENDING",
  2: "CONFIRMED",
  3: "REJECTED",
  4: "REVOKED",
};

/**
 * Issuing registries accepted at deployment (script/deploy/DeployCertificateRegistry.s.sol; governance may
 * add more with `setIssuer`): the canonical on-chain label of each, with spellings people use for it. The
 * contract refuses any label governance has not accepted, so the same certificate cannot be recorded again
 * under another spelling of its registry (review finding L-1); the SDK maps these spellings to the label.
 */
export const CERTIFICATE_ISSUERS: ReadonlyArray<{ label: string; aliases: readonly string[] }> = [
  { label: "I-REC", aliases: ["IREC", "I-REC Standard", "International REC Standard", "I-TRACK"] },
  { label: "Verra", aliases: ["VCS", "Verified Carbon Standard", "VCU"] },
  { label: "Gold Standard", aliases: ["GS", "Gold Standard for the Global Goals", "GS4GG"] },
  { label: "ACR", aliases: ["American Carbon Registry"] },
  { label: "CAR", aliases: ["Climate Action Reserve"] },
  { label: "Puro.earth", aliases: ["Puro", "Puro earth"] },
  { label: "M-RETS", aliases: ["MRETS"] },
  { label: "PJM-GATS", aliases: ["PJM GATS", "GATS"] },
];

/** Reverse lookup: numeric value to name, for display and error messages. */
export const KIND_NAMES: Record<Kind, keyof typeof Kind> = {
  0: "PRETRAINING",
  1: "FINETUNING",
  2: "INFERENCE",
};
/** Reverse lookup of {@link Method}. */
export const METHOD_NAMES: Record<Method, keyof typeof Method> = {
  0: "METER",
  1: "SOFTWARE",
  2: "ESTIMATE",
};
/** Reverse lookup of {@link Status}. */
export const STATUS_NAMES: Record<Status, keyof typeof Status> = {
  0: "NONE",
  1: "SUBMITTED",
  2: "VERIFIED",
  3: "DISPUTED",
  4: "REJECTED",
  5: "WITHDRAWN",
  6: "INVALIDATED",
  7: "SUPERSEDED",
  8: "FINAL",
};

/** 10^18: LEAF has 18 decimals. */
export const LEAF_DECIMALS = 18;
/** One LEAF in wei. */
export const ONE_LEAF = 10n ** 18n;
/** Grams of CO2e per LEAF (1 LEAF = 1 kg CO2e avoided). */
export const GRAMS_PER_LEAF = 1000n;
/** 100% in basis points. */
export const BPS_DENOMINATOR = 10_000n;

/** Governance parameters and their SPEC defaults (section 5 and 6). */
export interface ProtocolParams {
  /** gCO2e/kWh that avoided emissions are measured against. */
  baselineIntensity: bigint;
  /** Reward weight per method, in bps. */
  methodBps: Readonly<Record<Method, bigint>>;
  /** Verifier's share of a reward, in bps, minted on top. */
  verifierBps: bigint;
  /** Share of the energy saving paid as efficiency bonus, in bps. */
  efficiencyBps: bigint;
  /** Cap per attestation (and per efficiency bonus), LEAF wei. */
  maxRewardPerAttestation: bigint;
  /** Challenge window, seconds. */
  challengeWindowSeconds: bigint;
}

/** SPEC defaults. */
export const DEFAULT_PARAMS: Readonly<ProtocolParams> = Object.freeze({
  baselineIntensity: 475n,
  methodBps: Object.freeze({ 0: 10_000n, 1: 8_000n, 2: 0n }),
  verifierBps: 1_000n,
  efficiencyBps: 5_000n,
  maxRewardPerAttestation: 1_000_000n * ONE_LEAF,
  challengeWindowSeconds: 7n * 24n * 60n * 60n,
});

/** Bounds checked on submission (SPEC section 1 and 4). */
export const BOUNDS = Object.freeze({
  PUE_MIN: 1000n,
  PUE_MAX: 5000n,
  INTENSITY_MAX: 2000n,
  BPS_MAX: 10_000n,
  UINT16_MAX: 2n ** 16n - 1n,
  UINT32_MAX: 2n ** 32n - 1n,
  UINT64_MAX: 2n ** 64n - 1n,
  /** Region is stored as bytes8: at most 8 ASCII characters. */
  REGION_MAX_BYTES: 8,
});

/** Leaderboard grade letter (SPEC section 9). */
export type Grade = "A" | "B" | "C" | "D" | "E";

/**
 * Upper bound (inclusive) of location-based intensity, gCO2e/kWh, for each grade;
 * anything above the last bound is E.
 */
export const GRADE_THRESHOLDS: ReadonlyArray<{ grade: Exclude<Grade, "E">; maxIntensity: bigint }> =
  Object.freeze([
    { grade: "A", maxIntensity: 50n },
    { grade: "B", maxIntensity: 150n },
    { grade: "C", maxIntensity: 300n },
    { grade: "D", maxIntensity: 500n },
  ]);

/**
 * Each grade's colours, for the web badge and the README badge alike: background and the text
 * colour that keeps WCAG AA contrast on it. No-data badges are grey (`NO_GRADE_COLOUR`).
 */
export const GRADE_COLOURS: Readonly<Record<Grade, { background: `#${string}`; text: `#${string}` }>> =
  Object.freeze({
    A: { background: "#15803d", text: "#ffffff" },
    B: { background: "#bef264", text: "#000000" },
    C: { background: "#fde047", text: "#000000" },
    D: { background: "#fb923c", text: "#000000" },
    E: { background: "#b91c1c", text: "#ffffff" },
  });
export const NO_GRADE_COLOUR = "#9f9f9f";

/** Model size class used by the leaderboard filter. */
export type SizeClass = "small" | "medium" | "large" | "frontier";

/**
 * Size classes by parameter count. The SPEC names the filter but not the classes;
 * these decade boundaries (1B, 10B, 100B) are the SDK's definition, shared by the app
 * and indexer. `maxParams` is exclusive; the last class has no upper bound.
 */
export const SIZE_CLASSES: ReadonlyArray<{ id: SizeClass; label: string; maxParams: bigint | null }> =
  Object.freeze([
    { id: "small", label: "< 1B parameters", maxParams: 1_000_000_000n },
    { id: "medium", label: "1B – 10B parameters", maxParams: 10_000_000_000n },
    { id: "large", label: "10B – 100B parameters", maxParams: 100_000_000_000n },
    { id: "frontier", label: "≥ 100B parameters", maxParams: null },
  ]);

/** Size class of a model with `parameterCount` parameters. */
export function sizeClassOf(parameterCount: bigint): SizeClass {
  for (const c of SIZE_CLASSES) {
    if (c.maxParams === null || parameterCount < c.maxParams) return c.id;
  }
  return "frontier";
}

/** Schema identifier of the evidence document (SPEC section 7). */
export const EVIDENCE_SCHEMA = "greenprint.evidence/v1" as const;

// Shared parts of the public API's answers (lib/api/answers.ts): the value types and the protocol's
// records (attestations, certificates, disputes, payments, events, verifiers) as every answer that
// carries them writes them. Integers that may exceed 2^53 are decimal strings.
import * as z from "zod";
import {
  CERTIFICATE_STATUS_NAMES_LIST,
  COUNTINGS,
  DISPUTE_OUTCOMES,
  GRADES,
  KIND_NAMES_LIST,
  METHOD_NAMES_LIST,
  SIZE_CLASS_IDS,
  STATUS_NAMES_LIST,
} from "./vocabulary";

/** A decimal integer as a string (uint256-safe; convert with BigInt()). */
export const decimal = z.string().regex(/^-?\d+$/);
export const hex = z.string().regex(/^0x[0-9a-fA-F]*$/);
export const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/);
export const count = z.number().int().nonnegative();

export const grade = z.enum(GRADES);
export const kindName = z.enum(KIND_NAMES_LIST);
export const methodName = z.enum(METHOD_NAMES_LIST);
export const statusName = z.enum(STATUS_NAMES_LIST);
export const sizeClassName = z.enum(SIZE_CLASS_IDS);
export const counting = z.enum(COUNTINGS);
export const certificateStatusName = z.enum(CERTIFICATE_STATUS_NAMES_LIST);
export const disputeOutcome = z.enum(DISPUTE_OUTCOMES);
export const methods = z.object({ METER: count, SOFTWARE: count, ESTIMATE: count });
export const onChain = z.object({ block: decimal, timestamp: decimal, transactionHash: hex });

/** How far the index has synced; `finalityClock` is the time include=final compares finalAt with. */
export const syncStatus = z.object({
  chainId: z.number().int(),
  block: z.object({ number: z.number().int(), timestamp: z.number().int() }),
  finalityClock: z.number().int(),
  warning: z.string().optional(),
});

/** Every v1 answer starts with the version and how far the index has synced. */
export function v1<T extends z.ZodRawShape>(shape: T) {
  return z.object({ apiVersion: z.literal("v1"), sync: syncStatus, ...shape });
}

/** A page of a list: the page asked for, its size and how many rows match in all. */
export const paging = { page: z.number().int(), pageSize: z.number().int(), total: count };

/** An error answer (400, 404, 503): a code (bad_parameter, not_found, chain_replaced...), the parameter and a sentence. */
export const apiError = z.object({
  error: z.object({ code: z.string(), param: z.string().optional(), message: z.string() }),
});

/** Efficiency rating (SPEC 9, v1.1): quintile among peers of the same task and kind. */
export const efficiencyRating = z.union([grade, z.literal("not enough peers")]);

/** Efficiency figures (SPEC 9, v1.1): integer mWh per PFLOP of training compute and per request. */
export const efficiencyFigures = z.object({
  mWhPerPflop: decimal.nullable(),
  mWhPerRequest: decimal.nullable(),
  rating: efficiencyRating
    .nullable()
    .describe("Rating of mWhPerPflop among the same task's models with a training figure."),
  requestRating: efficiencyRating
    .nullable()
    .describe("Rating of mWhPerRequest among the same task's models with an inference figure."),
  block: z.number().int().describe("The block the figures and ratings were computed at."),
});

export const attestationView = z.object({
  id: hex,
  modelId: decimal,
  kind: kindName,
  method: methodName,
  status: statusName,
  counted: z.object({ final: z.boolean(), verified: z.boolean() }),
  /** In its model's training tally (SPEC 6, v1.1 efficiency bonus). */
  tallied: z.boolean(),
  submitter: address,
  energyWh: decimal,
  pueMilli: z.number().int(),
  locationIntensity: z.number().int(),
  renewableBps: z.number().int(),
  acceleratorHours: decimal,
  workUnits: decimal.describe(
    'Tokens (PRETRAINING, FINETUNING) or requests (INFERENCE), decimal; "0" when not stated (SPEC 4, v1.1).',
  ),
  embodiedG: decimal,
  locationEmissionsG: decimal,
  marketEmissionsG: decimal,
  totalG: decimal,
  periodStart: decimal,
  periodEnd: decimal,
  region: z.string(),
  evidenceHash: hex,
  evidenceURI: z.string(),
  rowsRoot: hex,
  supersedes: hex.nullable(),
  supersededBy: hex.nullable(),
  verifier: address.nullable(),
  verifiedAt: decimal.nullable(),
  finalAt: decimal.nullable(),
  claimed: z.boolean(),
  rewardWei: decimal,
  verifierRewardWei: decimal,
  submitted: onChain,
  history: z.array(
    z.object({
      event: z.string(),
      from: statusName,
      to: statusName,
      actor: address.nullable(),
      detail: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).nullable(),
      block: decimal,
      timestamp: decimal,
      transactionHash: hex,
    }),
  ),
});

/**
 * One certificate record (SPEC 8, v1.1). PENDING and CONFIRMED hold the serial; REJECTED and REVOKED freed it
 * (a later record of the same serial has its own id). Only CONFIRMED counts in the market-based net.
 */
export const certificateView = z.object({
  id: hex,
  modelId: decimal,
  submitter: address,
  kind: z.enum(["REC", "CARBON_CREDIT"]),
  amount: decimal,
  unit: z.enum(["Wh", "gCO2e"]),
  registry: z.string().describe('Issuing registry label, e.g. "I-REC".'),
  serial: z
    .string()
    .describe("The serial number or range as recorded (canonical: upper case, single spaces)."),
  serialHash: hex,
  uri: z.string(),
  status: certificateStatusName,
  verifier: address.nullable().describe("The verifier that confirmed or rejected it."),
  reasonHash: hex.nullable().describe("Reason hash of the rejection, or ruling hash of the revocation."),
  revokedBy: address.nullable().describe("The arbiter that revoked it."),
  recordedAt: decimal,
  updatedAt: decimal,
});

export const disputeView = z.object({
  attestationId: hex,
  modelId: decimal,
  challenger: address,
  bond: decimal.describe("Wei."),
  remainingWindow: decimal.describe(
    "Seconds of challenge window left when the dispute was opened (it resumes on dismissal).",
  ),
  reasonURI: z.string(),
  outcome: disputeOutcome,
  arbiter: address.nullable(),
  rulingHash: hex.nullable(),
  openedAt: decimal,
  openedBlock: decimal,
  resolvedAt: decimal.nullable(),
});

/** One LEAF payment: an attestation's reward or an efficiency bonus, with the verifier's share. */
export const rewardPayment = z.object({
  kind: z.enum(["attestation", "efficiency_bonus"]),
  attestationId: hex.nullable(),
  modelId: decimal,
  owner: address,
  amountWei: decimal,
  verifier: address,
  verifierAmountWei: decimal,
  block: decimal,
  timestamp: decimal,
  transactionHash: hex,
});

/** A verifier's public record (SPEC 5): its registry profile and how its verdicts fared. */
export const verifierProfile = z.object({
  address,
  name: z.string(),
  uri: z.string(),
  active: z.boolean(),
  accreditedAt: decimal,
  verdicts: z.object({ verified: count, rejected: count, invalidated: count }),
  certificates: z.object({ confirmed: count, rejected: count }),
  efficiencyBonusesApproved: count,
  rewardWei: decimal,
});
/** One protocol event of the public feed (GET /api/v1/activity). */
export const activityItem = z.object({
  id: z.string().describe("Unique and chronological (the indexer's event checkpoint)."),
  type: z.string().describe("The contract event's name, e.g. AttestationVerified."),
  modelId: decimal,
  modelName: z.string().nullable(),
  attestationId: hex.nullable(),
  actor: address.nullable(),
  amount: decimal
    .nullable()
    .describe("LEAF wei (claims, bonuses), bond wei (disputes) or certificate amount, as a decimal string."),
  block: decimal,
  timestamp: decimal,
  transactionHash: hex,
});

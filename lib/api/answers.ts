// Schemas of every JSON answer of the public API (/api/v1): the indexer's tests check real answers
// against them, the OpenAPI document is generated from them, and lib/indexer/client.ts takes its
// types from them. Integers that may exceed 2^53 (wei, grams, Wh, block numbers in lists, ids) are
// decimal strings. No Ponder import: the app, SDK and CLI load this module.
import * as z from "zod";
import {
  activityItem,
  address,
  attestationView,
  certificateStatusName,
  certificateView,
  count,
  counting,
  decimal,
  disputeView,
  efficiencyFigures,
  grade,
  hex,
  kindName,
  methodName,
  methods,
  onChain,
  paging,
  rewardPayment,
  sizeClassName,
  statusName,
  v1,
  verifierProfile,
} from "./records";
import { SORT_COLUMNS } from "./vocabulary";

export * from "./records";

/** A model's id and the names its metadata gives it (null where the metadata has none). */
const modelNames = {
  id: decimal,
  name: z.string().nullable(),
  organization: z.string().nullable(),
  task: z.string().nullable(),
};

/** What the counted attestations add up to: how many, their energy and their emissions (SPEC 4). */
const countedSums = {
  attestations: count,
  energyWh: decimal,
  locationEmissionsG: decimal,
  marketEmissionsG: decimal,
  embodiedG: decimal,
  totalG: decimal,
};

export const leaderboardRow = z.object({
  rank: z.number().int(),
  /** Which attestations the row counts; "self-reported" rows are never verified. */
  counting,
  ...modelNames,
  version: z.string().nullable(),
  owner: address,
  parentId: decimal.nullable(),
  parameterCount: decimal,
  sizeClass: sizeClassName,
  trainingSealed: z.boolean(),
  ...countedSums,
  emissionsG: decimal.describe("totalG (basis=location) or marketEmissionsG + embodiedG (basis=market)."),
  basis: z.enum(["location", "market"]),
  intensity: decimal,
  grade: grade.nullable(),
  renewableBps: decimal,
  gPerBillionParams: decimal.nullable(),
  certificates: z.object({ recWh: decimal, creditsG: decimal, marketNetG: decimal }),
  leafEarnedWei: decimal,
  trust: z.object({ level: methodName, methods, verifiers: z.array(address) }),
  regions: z.array(z.string()),
  includesUnfinal: z
    .boolean()
    .describe("Some counted attestation is still in its challenge window (include=verified only)."),
  efficiency: efficiencyFigures,
});

export const leaderboard = v1({
  /** The query as understood (defaults filled in, names normalised). */
  query: z.object({
    sort: z.enum(SORT_COLUMNS),
    order: z.enum(["asc", "desc"]),
    basis: z.enum(["location", "market"]),
    include: counting,
    kind: z.array(kindName),
    task: z.array(z.string()).nullable(),
    size: z.array(z.string()).nullable(),
    region: z.array(z.string()).nullable(),
    trust: z.array(methodName).nullable(),
    verifier: z.string().nullable(),
    q: z.string().nullable(),
  }),
  ...paging,
  rows: z.array(leaderboardRow),
});

export const modelSummary = z.object({
  id: decimal,
  name: z.string().nullable(),
  version: z.string().nullable(),
  organization: z.string().nullable(),
  task: z.string().nullable(),
  label: z
    .string()
    .nullable()
    .describe('Provenance label from the metadata, e.g. "self-reported from publications".'),
  owner: address,
  registrant: address,
  parentId: decimal.nullable(),
  parameterCount: decimal,
  sizeClass: sizeClassName,
  metadataHash: hex,
  metadataURI: z.string(),
  trainingSealed: z.boolean(),
  sealedAt: decimal.nullable(),
  attestationCount: count,
  registered: onChain,
});

const trust = z.object({ level: methodName.nullable(), methods, verifiers: z.array(address) });

/** A model's figures on the strongest basis it has (Final, else Verified, else self-reported). */
export const modelFigures = z.object({
  counting: counting.nullable().describe("null: nothing attested yet."),
  ...countedSums,
  intensity: decimal.nullable().describe("Ranked intensity, gCO2e/kWh; null when nothing is attested."),
  gridGrade: grade
    .nullable()
    .describe("The grid's grade by that intensity: where the energy came from, not the model's efficiency."),
  renewableBps: decimal,
  gPerBillionParams: decimal.nullable(),
  leafEarnedWei: decimal,
  trust,
  includesUnfinal: z.boolean(),
  efficiency: efficiencyFigures
    .nullable()
    .describe("SPEC 9 (v1.1), in the same counting; null when nothing is attested."),
});

export const modelList = v1({
  ...paging,
  models: z.array(
    modelSummary.extend({
      grade: grade.nullable(),
      totalG: decimal,
      finalAttestations: count,
      figures: modelFigures,
    }),
  ),
});

const kindSums = z.object({
  attestations: count,
  energyWh: decimal,
  locationEmissionsG: decimal,
  totalG: decimal,
});

export const modelAggregate = z.object({
  include: z.enum(["final", "verified"]),
  ...countedSums,
  intensity: decimal,
  grade: grade.nullable(),
  renewableBps: decimal,
  gPerBillionParams: decimal.nullable(),
  marketNetG: decimal,
  leafEarnedWei: decimal,
  methods,
  verifiers: z.array(address),
  regions: z.array(z.string()),
  includesUnfinal: z.boolean(),
  byKind: z.object({
    PRETRAINING: kindSums.optional(),
    FINETUNING: kindSums.optional(),
    INFERENCE: kindSums.optional(),
  }),
});

const modelName = { modelName: z.string().nullable() };

export const modelDetail = v1({
  model: modelSummary.extend({
    aggregates: z.object({ final: modelAggregate, verified: modelAggregate }),
    /** Headline figures and efficiency on the strongest counting the model has (as in the models list). */
    figures: modelFigures,
    certificatesTotal: z.object({ recWh: decimal, creditsG: decimal }),
    efficiencyBonus: z.object({
      state: z.enum(["NONE", "REQUESTED", "PAID"]),
      bonusWei: decimal,
      verifierRewardWei: decimal,
      /** Training tally (SPEC 6, v1.1): tallied Final METER/SOFTWARE PRETRAINING runs and their energy. */
      tally: z.object({ energyWh: decimal, runs: z.number().int() }),
    }),
    rewardsWei: decimal,
  }),
  lineage: z.object({ ancestors: z.array(modelSummary), children: z.array(modelSummary) }),
  /**
   * `claimableWei`: what a claim pays the owner now (Final, unclaimed, current parameters); null
   * otherwise, and for a superseding attestation (paid less what its chain already paid).
   */
  attestations: z.array(attestationView.extend({ claimableWei: decimal.nullable() })),
  certificates: z.array(certificateView),
  rewards: z.array(rewardPayment.omit({ modelId: true })),
  disputes: z.array(disputeView),
});

export const attestationList = v1({ ...paging, attestations: z.array(attestationView.extend(modelName)) });
export const certificateList = v1({ ...paging, certificates: z.array(certificateView.extend(modelName)) });
export const disputeList = v1({ ...paging, disputes: z.array(disputeView.extend(modelName)) });

export const activity = v1({ activity: z.array(activityItem) });

export const verifiers = v1({ verifiers: z.array(verifierProfile.extend({ index: z.number().int() })) });

const totals = z.object({
  rankedModels: count,
  ...countedSums,
});

export const stats = v1({
  stats: z.object({
    models: count,
    attestations: count,
    byStatus: z.object({
      SUBMITTED: count,
      VERIFIED_OR_FINAL: count,
      DISPUTED: count,
      REJECTED: count,
      WITHDRAWN: count,
      INVALIDATED: count,
      SUPERSEDED: count,
    }),
    verifiers: count,
    certificates: count,
    disputes: count,
    leaf: z.object({
      rewardsWei: decimal,
      verifierRewardsWei: decimal,
      efficiencyBonusesWei: decimal,
      supplyWei: decimal,
    }),
    paused: z.boolean(),
    final: totals,
    verified: totals,
    eventsIndexed: count,
  }),
});

export const status = v1({ ready: z.boolean() });

/** GET /api/v1: the endpoints and the leaderboard's sort columns. */
export const index = z.object({
  apiVersion: z.literal("v1"),
  endpoints: z.array(z.string()),
  sortColumns: z.array(z.enum(SORT_COLUMNS)),
});

/** GET /api/v1/compare: two to four models side by side. */
export const comparison = v1({
  models: z.array(
    modelFigures.extend({
      ...modelNames,
      label: z.string().nullable(),
      parameterCount: decimal,
      sizeClass: sizeClassName,
      trust: trust.extend({
        verifiers: z.array(z.object({ address, name: z.string().nullable() })),
      }),
    }),
  ),
});

export const attestationDetail = v1({
  attestation: attestationView.extend({
    logIndexes: z
      .array(z.number().int())
      .describe("Log index of each history entry's event in its transaction (same order as `history`)."),
    model: z.object({ id: decimal, name: z.string().nullable().optional(), owner: address.optional() }),
    verifierProfile: verifierProfile.nullable(),
    actorNames: z
      .record(z.string(), z.string())
      .describe("Registry names of the accounts that acted on it (verifiers), by lower-case address."),
    remainingWindow: decimal
      .nullable()
      .describe("Seconds of challenge window left while Disputed (it resumes on dismissal)."),
    challengeWindowSeconds: decimal,
    projectedRewardWei: decimal
      .nullable()
      .describe(
        "What a claim would pay the owner at today's parameters; null once claimed or when it cannot pay.",
      ),
  }),
  disputes: z.array(disputeView),
  rewards: z.array(rewardPayment),
});

/** Newest first, at most ADDRESS_LIST_LIMIT rows (`total` counts all). */
function capped<T extends z.ZodType>(item: T) {
  return z.object({ total: count, list: z.array(item) });
}

export const addressActivity = v1({
  address,
  models: z.array(
    z.object({
      id: decimal,
      name: z.string().nullable(),
      organization: z.string().nullable(),
      attestationCount: count,
      trainingSealed: z.boolean(),
    }),
  ),
  attestations: capped(attestationView.extend(modelName)),
  verifier: verifierProfile.nullable(),
  verdicts: capped(
    z.object({
      attestationId: hex,
      modelId: decimal,
      modelName: z.string().nullable(),
      verdict: z.enum(["verified", "rejected"]),
      status: statusName,
      invalidated: z.boolean().describe("Invalidated later by an upheld dispute."),
      block: decimal.nullable(),
      timestamp: decimal.nullable(),
      transactionHash: hex.nullable(),
    }),
  ),
  disputesOpened: z.array(disputeView.extend(modelName)),
  rulings: z.array(disputeView.extend(modelName)).describe("Disputes this address ruled on as arbiter."),
  certificates: z.array(
    certificateView
      .pick({ id: true, modelId: true, kind: true, amount: true, unit: true, registry: true })
      .extend({
        ...modelName,
        status: certificateStatusName,
        recordedAt: decimal,
      }),
  ),
  leaf: z.object({
    earnedWei: decimal,
    asOwnerWei: decimal,
    asVerifierWei: decimal,
    payments: z.array(rewardPayment),
  }),
});

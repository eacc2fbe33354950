// Greenprint index: one table per protocol object, plus per-model aggregates (SPEC section 9)
// maintained incrementally by the handlers in src/ (one file per contract, helpers in src/store.ts).
//
// Aggregates are kept for the "counted" set = attestations whose stored status is Verified
// (which includes Final: Final is Verified with its challenge window over, never stored on
// chain). The API derives the Final-only figures at query time by subtracting the few
// attestations that are Verified with finalAt > now (see src/api/snapshot.ts).
import { index, onchainTable, primaryKey } from "ponder";
import type { DISPUTE_OUTCOMES } from "../lib/api/vocabulary";
import type { SizeClass } from "../lib/spec";

export interface HistoryEntry {
  event: string;
  from: number;
  to: number;
  actor: string | null;
  detail: Record<string, string | number | null> | null;
  block: string;
  timestamp: string;
  tx: string;
  logIndex: number;
}

export const model = onchainTable(
  "model",
  (t) => ({
    id: t.bigint().primaryKey(),
    owner: t.hex().notNull(),
    registrant: t.hex().notNull(),
    parentId: t.bigint().notNull(),
    parameterCount: t.bigint().notNull(),
    sizeClass: t.text().$type<SizeClass>().notNull(),
    metadataHash: t.hex().notNull(),
    metadataURI: t.text().notNull(),
    /** From the metadata JSON (EVIDENCE_DIR/<sha256>), null when not available at index time. */
    name: t.text(),
    version: t.text(),
    organization: t.text(),
    task: t.text(),
    label: t.text(),
    trainingSealed: t.boolean().notNull(),
    sealedAt: t.bigint(),
    /** Efficiency bonus: 0 none, 1 requested, 2 paid (as EfficiencyBonus.bonusState). */
    bonusState: t.integer().notNull(),
    bonusWei: t.bigint().notNull(),
    bonusVerifierWei: t.bigint().notNull(),
    /** Training tally (SPEC 6, v1.1): Final METER/SOFTWARE PRETRAINING runs tallied and their energy (see tally.ts). */
    tallyWh: t.bigint().notNull().default(0n),
    tallyRuns: t.integer().notNull().default(0),
    /** All LEAF paid for this model's attestations (owner share), counted or not. */
    rewardsWei: t.bigint().notNull(),
    /** Confirmed certificates (SPEC 8), shown apart, never ranked. */
    recWh: t.bigint().notNull(),
    creditsG: t.bigint().notNull(),
    attestationCount: t.integer().notNull(),
    registeredBlock: t.bigint().notNull(),
    registeredAt: t.bigint().notNull(),
    registeredTx: t.hex().notNull(),
    updatedBlock: t.bigint().notNull(),
  }),
  (table) => ({
    updatedIdx: index().on(table.updatedBlock),
    parentIdx: index().on(table.parentId),
  }),
);

/**
 * Sums over a model's counted attestations (stored status Verified) of one kind. The
 * leaderboard reads the three rows of a model (PRETRAINING, FINETUNING, INFERENCE).
 */
export const modelKindAggregate = onchainTable(
  "model_kind_aggregate",
  (t) => ({
    modelId: t.bigint().notNull(),
    kind: t.integer().notNull(),
    count: t.integer().notNull(),
    energyWh: t.bigint().notNull(),
    locationG: t.bigint().notNull(),
    marketG: t.bigint().notNull(),
    embodiedG: t.bigint().notNull(),
    /** sum(energyWh * renewableBps): the energy-weighted renewable share's numerator. */
    renewableWeighted: t.bigint().notNull(),
    /** sum(energyWh * locationIntensity): the ranked intensity's numerator (SPEC 9, v1.1). */
    intensityWeighted: t.bigint().notNull(),
    leafWei: t.bigint().notNull(),
    /**
     * SPEC 9 (v1.1) efficiency: sum(energyWh) and sum(workUnits) over this kind's counted
     * attestations with workUnits > 0 (tokens for PRETRAINING, requests for INFERENCE).
     */
    workEnergyWh: t.bigint().notNull(),
    workUnits: t.bigint().notNull(),
    meter: t.integer().notNull(),
    software: t.integer().notNull(),
    estimate: t.integer().notNull(),
    /**
     * verifier address (lower case) -> number of counted attestations it verified, as JSON text
     * (src/lib/jsonText.ts: a json column makes Ponder deep-copy the row on every store call).
     */
    verifiers: t.text().notNull(),
    /** region (ISO 3166-2) -> number of counted attestations, as JSON text (as `verifiers`). */
    regions: t.text().notNull(),
    updatedBlock: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.modelId, table.kind] }),
    updatedIdx: index().on(table.updatedBlock),
  }),
);

export const attestation = onchainTable(
  "attestation",
  (t) => ({
    id: t.hex().primaryKey(),
    modelId: t.bigint().notNull(),
    submitter: t.hex().notNull(),
    kind: t.integer().notNull(),
    method: t.integer().notNull(),
    /** Stored status (contracts/Common.sol numbering, 1..7); Final is derived from finalAt. */
    status: t.integer().notNull(),
    energyWh: t.bigint().notNull(),
    pueMilli: t.integer().notNull(),
    locationIntensity: t.integer().notNull(),
    renewableBps: t.integer().notNull(),
    acceleratorHours: t.bigint().notNull(),
    /** SPEC 4 (v1.1): tokens processed (PRETRAINING, FINETUNING) or requests served (INFERENCE); 0 = not stated. */
    workUnits: t.bigint().notNull(),
    embodiedG: t.bigint().notNull(),
    periodStart: t.bigint().notNull(),
    periodEnd: t.bigint().notNull(),
    region: t.text().notNull(),
    regionHex: t.hex().notNull(),
    evidenceHash: t.hex().notNull(),
    evidenceURI: t.text().notNull(),
    rowsRoot: t.hex().notNull(),
    supersedes: t.hex(),
    supersededBy: t.hex(),
    locationEmissionsG: t.bigint().notNull(),
    marketEmissionsG: t.bigint().notNull(),
    totalG: t.bigint().notNull(),
    verifier: t.hex(),
    verifiedAt: t.bigint(),
    /** End of the challenge window (kept after the claim, unlike the contract's packed word). */
    finalAt: t.bigint(),
    remainingWindow: t.bigint(),
    /**
     * Status history, oldest first: one entry per lifecycle event (kept on the row: no extra insert
     * per event), a JSON array of HistoryEntry as text (src/lib/jsonText.ts: appended without
     * parsing; a json column would make Ponder deep-copy the row on every store call).
     */
    history: t.text().notNull(),
    /** The dispute row open against it, if any. */
    openDisputeId: t.text(),
    claimed: t.boolean().notNull(),
    /** In its model's training tally (SPEC 6, v1.1): TrainingRunTallied, until TrainingRunUntallied. */
    tallied: t.boolean().notNull().default(false),
    rewardWei: t.bigint().notNull(),
    verifierRewardWei: t.bigint().notNull(),
    submittedBlock: t.bigint().notNull(),
    submittedAt: t.bigint().notNull(),
    submittedTx: t.hex().notNull(),
    /**
     * The activity feed's entries for this attestation's submission and verdict (AttestationVerified
     * or AttestationRejected, at most one each) are read from these columns, not stored as activity
     * rows: the two commonest events then write no row of their own (bench/README.md: an activity
     * row per event was a third of the backfill's database writes). Ids are Ponder's event ids.
     */
    submittedEventId: t.text().notNull(),
    verdictEventId: t.text(),
    verdictEvent: t.text(),
    verdictBlock: t.bigint(),
    verdictAt: t.bigint(),
    verdictTx: t.hex(),
    updatedAt: t.bigint().notNull(),
  }),
  (table) => ({
    modelIdx: index().on(table.modelId),
    /** The activity feed, newest first, across the protocol and per model. */
    submittedEventIdx: index().on(table.submittedEventId),
    verdictEventIdx: index().on(table.verdictEventId),
    modelSubmittedEventIdx: index().on(table.modelId, table.submittedEventId),
    modelVerdictEventIdx: index().on(table.modelId, table.verdictEventId),
    pendingIdx: index().on(table.status, table.finalAt),
    /** The verifiers' queue: one status, oldest first. */
    queueIdx: index().on(table.status, table.submittedBlock),
    /** The explorer's address page: what an account submitted and judged. */
    submitterIdx: index().on(table.submitter),
    verifierIdx: index().on(table.verifier),
  }),
);

export const verifier = onchainTable("verifier", (t) => ({
  address: t.hex().primaryKey(),
  index: t.integer().notNull(),
  name: t.text().notNull(),
  uri: t.text().notNull(),
  active: t.boolean().notNull(),
  accreditedAt: t.bigint().notNull(),
  verified: t.integer().notNull(),
  rejected: t.integer().notNull(),
  /** Verdicts later invalidated by an upheld dispute (SPEC 5). */
  invalidated: t.integer().notNull(),
  certificatesConfirmed: t.integer().notNull(),
  certificatesRejected: t.integer().notNull(),
  bonusesApproved: t.integer().notNull(),
  rewardWei: t.bigint().notNull(),
}));

export const dispute = onchainTable(
  "dispute",
  (t) => ({
    id: t.text().primaryKey(),
    attestationId: t.hex().notNull(),
    modelId: t.bigint().notNull(),
    challenger: t.hex().notNull(),
    bond: t.bigint().notNull(),
    remainingWindow: t.bigint().notNull(),
    reasonURI: t.text().notNull(),
    /** open | upheld | dismissed */
    outcome: t.text().$type<(typeof DISPUTE_OUTCOMES)[number]>().notNull(),
    arbiter: t.hex(),
    rulingHash: t.hex(),
    openedAt: t.bigint().notNull(),
    openedBlock: t.bigint().notNull(),
    resolvedAt: t.bigint(),
  }),
  (table) => ({
    attestationIdx: index().on(table.attestationId),
    /** The arbiters' queue: open disputes, oldest first. */
    outcomeIdx: index().on(table.outcome, table.openedBlock),
    /** The explorer's address page: disputes an account opened. */
    challengerIdx: index().on(table.challenger),
  }),
);

export const certificate = onchainTable(
  "certificate",
  (t) => ({
    id: t.hex().primaryKey(),
    modelId: t.bigint().notNull(),
    submitter: t.hex().notNull(),
    kind: t.integer().notNull(),
    amount: t.bigint().notNull(),
    registry: t.text().notNull(),
    registryHex: t.hex().notNull(),
    serialHash: t.hex().notNull(),
    /** The serial as recorded (canonical form: upper case, single spaces), from the event. */
    serial: t.text().notNull(),
    uri: t.text().notNull(),
    /**
     * 1 Pending, 2 Confirmed, 3 Rejected, 4 Revoked (CertificateStatus, SPEC 8 v1.1): Pending and Confirmed
     * hold the serial; only Confirmed counts in the model's recWh / creditsG (the market-based net).
     */
    status: t.integer().notNull(),
    /** The verifier that confirmed or rejected it. */
    verifier: t.hex(),
    /** The rejection's reason hash, or the revocation's ruling hash. */
    reasonHash: t.hex(),
    /** The arbiter that revoked it. */
    revokedBy: t.hex(),
    recordedAt: t.bigint().notNull(),
    recordedBlock: t.bigint().notNull(),
    updatedAt: t.bigint().notNull(),
    /**
     * The serial read as a range of numbered certificates (lib/certificateSerials `parseSerialRange`), null where
     * its format does not allow: verifiers are shown a Pending record whose range meets a held one of the same
     * registry and series (a sub-range the contract's exact-serial guard cannot see).
     */
    series: t.text(),
    rangeFirst: t.bigint(),
    rangeLast: t.bigint(),
  }),
  (table) => ({
    modelIdx: index().on(table.modelId),
    /** Overlapping ranges: by registry and series, then range start. */
    rangeIdx: index().on(table.registry, table.series, table.rangeFirst),
    /** The verifiers' certificate queue: by status, oldest first. */
    statusIdx: index().on(table.status, table.recordedBlock),
    /** Every record of one certificate (a freed serial can be recorded again). */
    serialIdx: index().on(table.serialHash),
  }),
);

/** Every LEAF payment: attestation rewards and efficiency bonuses. */
export const reward = onchainTable(
  "reward",
  (t) => ({
    id: t.text().primaryKey(),
    kind: t.text().$type<"attestation" | "efficiency_bonus">().notNull(),
    attestationId: t.hex(),
    modelId: t.bigint().notNull(),
    owner: t.hex().notNull(),
    amountWei: t.bigint().notNull(),
    verifier: t.hex().notNull(),
    verifierAmountWei: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({
    modelIdx: index().on(table.modelId),
  }),
);

/** Protocol parameters as last set (ParameterSet, TreasurySet, PauseSet). */
export const parameter = onchainTable("parameter", (t) => ({
  name: t.text().primaryKey(),
  value: t.text().notNull(),
  updatedAt: t.bigint().notNull(),
}));

/** One row, id "global". */
export const stats = onchainTable("stats", (t) => ({
  id: t.text().primaryKey(),
  models: t.integer().notNull(),
  attestations: t.integer().notNull(),
  submitted: t.integer().notNull(),
  verified: t.integer().notNull(),
  disputed: t.integer().notNull(),
  rejected: t.integer().notNull(),
  withdrawn: t.integer().notNull(),
  invalidated: t.integer().notNull(),
  superseded: t.integer().notNull(),
  verifiers: t.integer().notNull(),
  certificates: t.integer().notNull(),
  disputes: t.integer().notNull(),
  rewardsWei: t.bigint().notNull(),
  verifierRewardsWei: t.bigint().notNull(),
  bonusesWei: t.bigint().notNull(),
  leafSupplyWei: t.bigint().notNull(),
  paused: t.boolean().notNull(),
  /** When the current pause began (0 when not paused): challenge windows stand still from then. */
  pausedAt: t.bigint().notNull(),
  events: t.integer().notNull(),
  lastEventBlock: t.bigint().notNull(),
  lastEventBlockHash: t.hex().notNull(),
  lastEventAt: t.bigint().notNull(),
}));

/**
 * The public activity feed: one row per protocol event a person would want to see (registrations,
 * disputes, claims, certificates, bonuses), insert-only; an attestation's submission and verdict are
 * read from its own row instead (see attestation.submittedEventId), and the API merges the three by
 * id. The id is Ponder's event checkpoint, so ordering by id is chronological.
 */
export const activity = onchainTable(
  "activity",
  (t) => ({
    id: t.text().primaryKey(),
    /** The contract event's name, e.g. AttestationVerified. */
    type: t.text().notNull(),
    modelId: t.bigint().notNull(),
    attestationId: t.hex(),
    /** Who acted: owner, submitter, verifier, challenger or arbiter (lower case). */
    actor: t.hex(),
    /** LEAF paid (wei), dispute bond (wei) or certificate amount (Wh or g), per type. */
    amount: t.bigint(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({
    modelIdx: index().on(table.modelId),
  }),
);

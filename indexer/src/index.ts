// Event handlers: every Greenprint event updates the tables of ponder.schema.ts. Aggregates are
// incremental: an attestation's contribution is added when it becomes Verified and removed when it
// leaves Verified (disputed, superseded, invalidated); its LEAF is added when claimed.
import { ponder } from "ponder:registry";
import {
  activity,
  attestation,
  dispute,
  model,
  modelKindAggregate,
  parameter,
  reward,
  stats,
  verifier,
} from "ponder:schema";
import { hexToString, keccak256, toHex, zeroAddress, zeroHash } from "viem";
import { Status, sizeClassOf } from "../../lib/spec";
import { decodeRegion } from "../../lib/validation";
import type { HistoryEntry } from "../ponder.schema";
import { applyContribution, type Contribution, emptySums, type Sums } from "./lib/aggregate";
import { NO_METADATA, readLocalMetadata } from "./lib/metadata";

type Hex = `0x${string}`;
// biome-ignore lint/suspicious/noExplicitAny: ponder's context type is generic per event
export type Ctx = any;
export interface Ev {
  block: { number: bigint; timestamp: bigint; hash: Hex };
  transaction: { hash: Hex };
  log: { logIndex: number };
  id: string;
}

const VERIFIER_ROLE = keccak256(toHex("VERIFIER_ROLE"));
const GLOBAL = "global";

const STAT_FOR_STATUS: Record<number, keyof typeof STATUS_COUNTERS> = {
  1: "submitted",
  2: "verified",
  3: "disputed",
  4: "rejected",
  5: "withdrawn",
  6: "invalidated",
  7: "superseded",
};
const STATUS_COUNTERS = {
  submitted: 0,
  verified: 0,
  disputed: 0,
  rejected: 0,
  withdrawn: 0,
  invalidated: 0,
  superseded: 0,
};

function region(bytes8: Hex): string {
  try {
    return decodeRegion(bytes8);
  } catch {
    return bytes8;
  }
}

export function bytes32Text(value: Hex): string {
  try {
    return hexToString(value, { size: 32 }).replace(/\0+$/, "");
  } catch {
    return value;
  }
}

const EMPTY_STATS = {
  id: GLOBAL,
  models: 0,
  attestations: 0,
  ...STATUS_COUNTERS,
  verifiers: 0,
  certificates: 0,
  disputes: 0,
  rewardsWei: 0n,
  verifierRewardsWei: 0n,
  bonusesWei: 0n,
  leafSupplyWei: 0n,
  paused: false,
  events: 0,
};

/** Adds each numeric delta to its field of `row`; booleans replace. */
function addDeltas(row: Record<string, unknown>, change: Record<string, number | bigint | boolean>) {
  const next: Record<string, unknown> = {};
  for (const [key, delta] of Object.entries(change)) {
    if (typeof delta === "boolean") next[key] = delta;
    else if (typeof delta === "bigint") next[key] = (row[key] as bigint) + delta;
    else next[key] = (row[key] as number) + delta;
  }
  return next;
}

/**
 * Global counters; also records the last indexed event's block (chain identity check in the API).
 * One upsert per event: every store call costs Ponder a lock, metrics and copies, and this runs
 * for every event of the backfill.
 */
export async function bumpStats(
  context: Ctx,
  event: Ev,
  change: Record<string, number | bigint | boolean> = {},
) {
  const position = {
    lastEventBlock: event.block.number,
    lastEventBlockHash: event.block.hash,
    lastEventAt: event.block.timestamp,
  };
  await context.db
    .insert(stats)
    .values({ ...EMPTY_STATS, ...addDeltas(EMPTY_STATS, change), events: 1, ...position })
    .onConflictDoUpdate((row: Record<string, unknown>) => ({
      ...addDeltas(row, change),
      events: (row.events as number) + 1,
      ...position,
    }));
}

function statusChange(from: number, to: number): Record<string, number> {
  const change: Record<string, number> = {};
  if (STAT_FOR_STATUS[from]) change[STAT_FOR_STATUS[from]] = -1;
  if (STAT_FOR_STATUS[to]) change[STAT_FOR_STATUS[to]] = (change[STAT_FOR_STATUS[to]] ?? 0) + 1;
  return change;
}

type AttestationRow = typeof attestation.$inferSelect;

function contributionOf(a: AttestationRow): Contribution {
  return {
    energyWh: a.energyWh,
    locationIntensity: a.locationIntensity,
    renewableBps: a.renewableBps,
    embodiedG: a.embodiedG,
    method: a.method,
    verifier: a.verifier,
    region: a.region,
    leafWei: a.claimed ? a.rewardWei : 0n,
    workUnits: a.workUnits,
  };
}

/**
 * Adds (sign 1) or removes (sign -1) a counted attestation's figures from its model's aggregate.
 * The API's snapshot re-reads aggregate rows by their own updatedBlock, so the model row is left
 * alone.
 */
async function applyAggregate(context: Ctx, event: Ev, a: AttestationRow, sign: 1 | -1) {
  const contribution = contributionOf(a);
  const key = { modelId: a.modelId, kind: a.kind };
  await context.db
    .insert(modelKindAggregate)
    .values({
      ...key,
      ...applyContribution(emptySums(), contribution, sign),
      updatedBlock: event.block.number,
    })
    .onConflictDoUpdate((row: Sums) => ({
      ...applyContribution(row, contribution, sign),
      updatedBlock: event.block.number,
    }));
}

function historyEntry(
  event: Ev,
  name: string,
  from: number,
  to: number,
  actor: Hex | null,
  detail: Record<string, string | number | null> | null = null,
): HistoryEntry {
  return {
    event: name,
    from,
    to,
    actor,
    detail,
    block: event.block.number.toString(),
    timestamp: event.block.timestamp.toString(),
    tx: event.transaction.hash,
    logIndex: event.log.logIndex,
  };
}

/** One row of the public activity feed (see ponder.schema.ts). */
export async function recordActivity(
  context: Ctx,
  event: Ev,
  type: string,
  row: { modelId: bigint; attestationId?: Hex | null; actor?: Hex | null; amount?: bigint | null },
) {
  await context.db.insert(activity).values({
    id: event.id,
    type,
    modelId: row.modelId,
    attestationId: row.attestationId ?? null,
    actor: row.actor ? (row.actor.toLowerCase() as Hex) : null,
    amount: row.amount ?? null,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
  });
}

/** A dispute's bond, when the transition carries one. */
function activityAmount(detail: Record<string, string | number | null> | null): bigint | null {
  return typeof detail?.bond === "string" ? BigInt(detail.bond) : null;
}

/** Moves an attestation to a new stored status, keeping aggregates, counters and history. */
export async function transition(
  context: Ctx,
  event: Ev,
  id: Hex,
  name: string,
  toStatus: number,
  actor: Hex | null,
  set: Partial<AttestationRow> = {},
  detail: Record<string, string | number | null> | null = null,
) {
  const before = (await context.db.find(attestation, { id })) as AttestationRow | null;
  if (!before) {
    console.warn(`[greenprint] ${name} for unknown attestation ${id} (block ${event.block.number})`);
    return null;
  }
  // Everything read from `before` is captured here, before any write: a row Ponder returned may
  // be the same object a later write of that row changes (0.17.2 fixed it for find(); the
  // handler must not depend on which store call copies).
  const fromStatus = before.status;
  const modelId = before.modelId;
  const history = [...before.history, historyEntry(event, name, fromStatus, toStatus, actor, detail)];
  if (fromStatus === Status.VERIFIED) await applyAggregate(context, event, before, -1);
  const after = (await context.db.update(attestation, { id }).set({
    ...set,
    status: toStatus,
    updatedAt: event.block.timestamp,
    history,
  })) as AttestationRow;
  if (after.status === Status.VERIFIED) await applyAggregate(context, event, after, 1);
  await bumpStats(context, event, statusChange(fromStatus, toStatus));
  await recordActivity(context, event, name, {
    modelId,
    attestationId: id,
    actor,
    amount: activityAmount(detail),
  });
  return after;
}

function newVerifier(address: Hex, timestamp: bigint) {
  return {
    address,
    index: 0,
    name: "",
    uri: "",
    active: false,
    accreditedAt: timestamp,
    verified: 0,
    rejected: 0,
    invalidated: 0,
    certificatesConfirmed: 0,
    certificatesRejected: 0,
    bonusesApproved: 0,
    rewardWei: 0n,
  };
}

type VerifierRow = ReturnType<typeof newVerifier>;

/** Creates or updates a verifier row; returns whether it existed. */
async function upsertVerifier(
  context: Ctx,
  address: Hex,
  timestamp: bigint,
  change: (row: VerifierRow) => Partial<VerifierRow>,
) {
  const key = address.toLowerCase() as Hex;
  const row = (await context.db.find(verifier, { address: key })) as VerifierRow | null;
  if (row) await context.db.update(verifier, { address: key }).set(change(row));
  else {
    const fresh = newVerifier(key, timestamp);
    await context.db.insert(verifier).values({ ...fresh, ...change(fresh) });
  }
  return row !== null;
}

export async function bumpVerifier(
  context: Ctx,
  address: Hex,
  timestamp: bigint,
  change: Record<string, number | bigint>,
) {
  const fresh = newVerifier(address.toLowerCase() as Hex, timestamp);
  await context.db
    .insert(verifier)
    .values({ ...fresh, ...addDeltas(fresh, change) })
    .onConflictDoUpdate((row: Record<string, unknown>) => addDeltas(row, change));
}

// ------------------------------------------------------------------ ModelRegistry

ponder.on("ModelRegistry:ModelRegistered", async ({ event, context }) => {
  const a = event.args;
  const meta = readLocalMetadata(a.metadataHash) ?? NO_METADATA;
  await context.db.insert(model).values({
    id: a.modelId,
    owner: a.owner.toLowerCase() as Hex,
    registrant: a.owner.toLowerCase() as Hex,
    parentId: a.parentId,
    parameterCount: BigInt(a.parameterCount),
    sizeClass: sizeClassOf(BigInt(a.parameterCount)),
    metadataHash: a.metadataHash,
    metadataURI: a.metadataURI,
    ...meta,
    trainingSealed: false,
    sealedAt: null,
    bonusState: 0,
    bonusWei: 0n,
    bonusVerifierWei: 0n,
    rewardsWei: 0n,
    recWh: 0n,
    creditsG: 0n,
    attestationCount: 0,
    registeredBlock: event.block.number,
    registeredAt: event.block.timestamp,
    registeredTx: event.transaction.hash,
    updatedBlock: event.block.number,
  });
  await bumpStats(context, event, { models: 1 });
  await recordActivity(context, event, "ModelRegistered", { modelId: a.modelId, actor: a.owner });
});

ponder.on("ModelRegistry:ModelMetadataUpdated", async ({ event, context }) => {
  const a = event.args;
  const meta = readLocalMetadata(a.metadataHash) ?? NO_METADATA;
  await context.db.update(model, { id: a.modelId }).set({
    metadataHash: a.metadataHash,
    metadataURI: a.metadataURI,
    ...meta,
    updatedBlock: event.block.number,
  });
  await bumpStats(context, event);
});

ponder.on("ModelRegistry:TrainingSealed", async ({ event, context }) => {
  await context.db
    .update(model, { id: event.args.modelId })
    .set({ trainingSealed: true, sealedAt: event.block.timestamp, updatedBlock: event.block.number });
  await bumpStats(context, event);
  await recordActivity(context, event, "TrainingSealed", { modelId: event.args.modelId });
});

ponder.on("ModelRegistry:Transfer", async ({ event, context }) => {
  const { from, to, tokenId } = event.args;
  // The mint is recorded by ModelRegistered (emitted after it in the same call).
  if (from !== zeroAddress) {
    await context.db
      .update(model, { id: tokenId })
      .set({ owner: to.toLowerCase() as Hex, updatedBlock: event.block.number });
  }
  await bumpStats(context, event);
});

ponder.on("ModelRegistry:ModelRegistryPauseSet", async ({ event, context }) => {
  await bumpStats(context, event);
});
ponder.on("ModelRegistry:Approval", async ({ event, context }) => {
  await bumpStats(context, event);
});
ponder.on("ModelRegistry:ApprovalForAll", async ({ event, context }) => {
  await bumpStats(context, event);
});

// ------------------------------------------------------------------ AttestationRegistry

ponder.on("AttestationRegistry:AttestationSubmitted", async ({ event, context }) => {
  const { id, modelId, submitter, attestation: f, locationEmissionsG, marketEmissionsG, totalG } = event.args;
  await context.db.insert(attestation).values({
    id,
    modelId,
    submitter: submitter.toLowerCase() as Hex,
    kind: f.kind,
    method: f.method,
    status: Status.SUBMITTED,
    energyWh: f.energyWh,
    pueMilli: f.pueMilli,
    locationIntensity: f.locationIntensity,
    renewableBps: f.renewableBps,
    acceleratorHours: f.acceleratorHours,
    workUnits: f.workUnits,
    embodiedG: f.embodiedG,
    periodStart: f.periodStart,
    periodEnd: f.periodEnd,
    region: region(f.region),
    regionHex: f.region,
    evidenceHash: f.evidenceHash,
    evidenceURI: f.evidenceURI,
    rowsRoot: f.rowsRoot,
    supersedes: f.supersedes === zeroHash ? null : f.supersedes,
    supersededBy: null,
    locationEmissionsG,
    marketEmissionsG,
    totalG,
    verifier: null,
    verifiedAt: null,
    finalAt: null,
    remainingWindow: null,
    history: [
      historyEntry(
        event,
        "AttestationSubmitted",
        Status.NONE,
        Status.SUBMITTED,
        submitter.toLowerCase() as Hex,
        {
          supersedes: f.supersedes === zeroHash ? null : f.supersedes,
        },
      ),
    ],
    openDisputeId: null,
    claimed: false,
    rewardWei: 0n,
    verifierRewardWei: 0n,
    submittedBlock: event.block.number,
    submittedAt: event.block.timestamp,
    submittedTx: event.transaction.hash,
    updatedAt: event.block.timestamp,
  });
  await context.db.update(model, { id: modelId }).set((row: { attestationCount: number }) => ({
    attestationCount: row.attestationCount + 1,
    updatedBlock: event.block.number,
  }));
  await bumpStats(context, event, { attestations: 1, submitted: 1 });
  await recordActivity(context, event, "AttestationSubmitted", {
    modelId,
    attestationId: id,
    actor: submitter,
  });
});

ponder.on("AttestationRegistry:AttestationVerified", async ({ event, context }) => {
  const { id, verifier: by, finalAt } = event.args;
  const v = by.toLowerCase() as Hex;
  await transition(
    context,
    event,
    id,
    "AttestationVerified",
    Status.VERIFIED,
    v,
    {
      verifier: v,
      verifiedAt: event.block.timestamp,
      finalAt,
      remainingWindow: null,
    },
    { finalAt: Number(finalAt) },
  );
  await bumpVerifier(context, v, event.block.timestamp, { verified: 1 });
});

ponder.on("AttestationRegistry:AttestationRejected", async ({ event, context }) => {
  const { id, verifier: by, reasonHash } = event.args;
  const v = by.toLowerCase() as Hex;
  await transition(
    context,
    event,
    id,
    "AttestationRejected",
    Status.REJECTED,
    v,
    { verifier: v },
    { reasonHash },
  );
  await bumpVerifier(context, v, event.block.timestamp, { rejected: 1 });
});

ponder.on("AttestationRegistry:AttestationWithdrawn", async ({ event, context }) => {
  const { id, owner } = event.args;
  await transition(context, event, id, "AttestationWithdrawn", Status.WITHDRAWN, owner.toLowerCase() as Hex);
});

ponder.on("AttestationRegistry:AttestationSuperseded", async ({ event, context }) => {
  const { id, supersededBy } = event.args;
  await transition(
    context,
    event,
    id,
    "AttestationSuperseded",
    Status.SUPERSEDED,
    null,
    { supersededBy },
    { supersededBy },
  );
});

ponder.on("AttestationRegistry:AttestationDisputed", async ({ event, context }) => {
  const { id, challenger, bond, remainingWindow, reasonURI } = event.args;
  const after = await transition(
    context,
    event,
    id,
    "AttestationDisputed",
    Status.DISPUTED,
    challenger.toLowerCase() as Hex,
    {
      remainingWindow,
    },
    { bond: bond.toString(), remainingWindow: Number(remainingWindow), reasonURI },
  );
  const modelId = after?.modelId ?? 0n; // read before the next write of the same row
  await context.db.update(attestation, { id }).set({ openDisputeId: event.id });
  await context.db.insert(dispute).values({
    id: event.id,
    attestationId: id,
    modelId,
    challenger: challenger.toLowerCase() as Hex,
    bond,
    remainingWindow,
    reasonURI,
    outcome: "open",
    arbiter: null,
    rulingHash: null,
    openedAt: event.block.timestamp,
    openedBlock: event.block.number,
    resolvedAt: null,
  });
  await bumpStats(context, event, { disputes: 1 });
});

async function closeDispute(
  context: Ctx,
  event: Ev,
  id: Hex,
  outcome: string,
  arbiter: Hex,
  rulingHash: Hex,
) {
  const a = (await context.db.find(attestation, { id })) as AttestationRow | null;
  if (!a?.openDisputeId) return;
  await context.db.update(dispute, { id: a.openDisputeId }).set({
    outcome,
    arbiter: arbiter.toLowerCase() as Hex,
    rulingHash,
    resolvedAt: event.block.timestamp,
  });
  await context.db.update(attestation, { id }).set({ openDisputeId: null });
}

ponder.on("AttestationRegistry:DisputeUpheld", async ({ event, context }) => {
  const { id, arbiter, challenger, verifier: v, bond, rulingHash } = event.args;
  await transition(
    context,
    event,
    id,
    "DisputeUpheld",
    Status.INVALIDATED,
    arbiter.toLowerCase() as Hex,
    {},
    {
      challenger: challenger.toLowerCase(),
      bond: bond.toString(),
      rulingHash,
    },
  );
  await closeDispute(context, event, id, "upheld", arbiter, rulingHash);
  if (v !== zeroAddress)
    await bumpVerifier(context, v.toLowerCase() as Hex, event.block.timestamp, { invalidated: 1 });
});

ponder.on("AttestationRegistry:DisputeDismissed", async ({ event, context }) => {
  const { id, arbiter, challenger, bond, finalAt, rulingHash } = event.args;
  await transition(
    context,
    event,
    id,
    "DisputeDismissed",
    Status.VERIFIED,
    arbiter.toLowerCase() as Hex,
    {
      finalAt,
      remainingWindow: null,
    },
    { challenger: challenger.toLowerCase(), bond: bond.toString(), finalAt: Number(finalAt), rulingHash },
  );
  await closeDispute(context, event, id, "dismissed", arbiter, rulingHash);
});

ponder.on("AttestationRegistry:RewardClaimed", async ({ event, context }) => {
  const { id, modelId, owner, reward: amount, verifier: v, verifierReward } = event.args;
  const before = (await context.db.find(attestation, { id })) as AttestationRow | null;
  if (before?.status === Status.VERIFIED) {
    // Counted: its LEAF joins the model's aggregate.
    const key = { modelId: before.modelId, kind: before.kind };
    await context.db.update(modelKindAggregate, key).set((row: { leafWei: bigint }) => ({
      leafWei: row.leafWei + amount,
      updatedBlock: event.block.number,
    }));
  }
  if (before) {
    await context.db.update(attestation, { id }).set({
      claimed: true,
      rewardWei: amount,
      verifierRewardWei: verifierReward,
      history: [
        ...before.history,
        historyEntry(event, "RewardClaimed", before.status, before.status, owner.toLowerCase() as Hex, {
          reward: amount.toString(),
          verifierReward: verifierReward.toString(),
        }),
      ],
    });
  }
  await context.db.insert(reward).values({
    id: event.id,
    kind: "attestation",
    attestationId: id,
    modelId,
    owner: owner.toLowerCase() as Hex,
    amountWei: amount,
    verifier: v.toLowerCase() as Hex,
    verifierAmountWei: verifierReward,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
  });
  await context.db.update(model, { id: modelId }).set((row: { rewardsWei: bigint }) => ({
    rewardsWei: row.rewardsWei + amount,
    updatedBlock: event.block.number,
  }));
  if (v !== zeroAddress)
    await bumpVerifier(context, v.toLowerCase() as Hex, event.block.timestamp, { rewardWei: verifierReward });
  await bumpStats(context, event, { rewardsWei: amount, verifierRewardsWei: verifierReward });
  await recordActivity(context, event, "RewardClaimed", {
    modelId,
    attestationId: id,
    actor: owner,
    amount,
  });
});

ponder.on("AttestationRegistry:VerifierProfileSet", async ({ event, context }) => {
  const { verifier: account, index, name, uri } = event.args;
  const existed = await upsertVerifier(context, account, event.block.timestamp, () => ({ index, name, uri }));
  await bumpStats(context, event, existed ? {} : { verifiers: 1 });
});

ponder.on("AttestationRegistry:RoleGranted", async ({ event, context }) => {
  if (event.args.role === VERIFIER_ROLE) {
    const at = event.block.timestamp;
    const existed = await upsertVerifier(context, event.args.account, at, () => ({
      active: true,
      accreditedAt: at,
    }));
    await bumpStats(context, event, existed ? {} : { verifiers: 1 });
  } else {
    await bumpStats(context, event);
  }
});

ponder.on("AttestationRegistry:RoleRevoked", async ({ event, context }) => {
  if (event.args.role === VERIFIER_ROLE) {
    await upsertVerifier(context, event.args.account, event.block.timestamp, () => ({ active: false }));
  }
  await bumpStats(context, event);
});

async function setParameter(context: Ctx, event: Ev, name: string, value: string) {
  await context.db
    .insert(parameter)
    .values({ name, value, updatedAt: event.block.timestamp })
    .onConflictDoUpdate({ value, updatedAt: event.block.timestamp });
}

ponder.on("AttestationRegistry:ParameterSet", async ({ event, context }) => {
  await setParameter(context, event, bytes32Text(event.args.name), event.args.newValue.toString());
  await bumpStats(context, event);
});
ponder.on("AttestationRegistry:TreasurySet", async ({ event, context }) => {
  await setParameter(context, event, "treasury", event.args.newTreasury.toLowerCase());
  await bumpStats(context, event);
});
ponder.on("AttestationRegistry:PauseSet", async ({ event, context }) => {
  await setParameter(context, event, "paused", String(event.args.paused));
  await bumpStats(context, event, { paused: event.args.paused });
});
ponder.on("AttestationRegistry:RefundWithdrawn", async ({ event, context }) => {
  await bumpStats(context, event);
});
ponder.on("AttestationRegistry:NonceCancelled", async ({ event, context }) => {
  await bumpStats(context, event);
});
ponder.on("AttestationRegistry:RoleAdminChanged", async ({ event, context }) => {
  await bumpStats(context, event);
});
ponder.on("AttestationRegistry:EIP712DomainChanged", async ({ event, context }) => {
  await bumpStats(context, event);
});

// CertificateRegistry: handlers in ./certificates.ts

// ------------------------------------------------------------------ EfficiencyBonus

ponder.on("EfficiencyBonus:EfficiencyBonusRequested", async ({ event, context }) => {
  await context.db
    .update(model, { id: event.args.modelId })
    .set({ bonusState: 1, updatedBlock: event.block.number });
  await bumpStats(context, event);
});

ponder.on("EfficiencyBonus:EfficiencyBonusRejected", async ({ event, context }) => {
  await context.db
    .update(model, { id: event.args.modelId })
    .set({ bonusState: 0, updatedBlock: event.block.number });
  await bumpStats(context, event);
});

ponder.on("EfficiencyBonus:EfficiencyBonusPaid", async ({ event, context }) => {
  const { modelId, owner, verifier: by, bonus, verifierReward } = event.args;
  await context.db.update(model, { id: modelId }).set({
    bonusState: 2,
    bonusWei: bonus,
    bonusVerifierWei: verifierReward,
    updatedBlock: event.block.number,
  });
  await context.db.insert(reward).values({
    id: event.id,
    kind: "efficiency_bonus",
    attestationId: null,
    modelId,
    owner: owner.toLowerCase() as Hex,
    amountWei: bonus,
    verifier: by.toLowerCase() as Hex,
    verifierAmountWei: verifierReward,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
  });
  await bumpVerifier(context, by.toLowerCase() as Hex, event.block.timestamp, {
    bonusesApproved: 1,
    rewardWei: verifierReward,
  });
  await bumpStats(context, event, { bonusesWei: bonus, verifierRewardsWei: verifierReward });
  await recordActivity(context, event, "EfficiencyBonusPaid", { modelId, actor: owner, amount: bonus });
});

// ------------------------------------------------------------------ LeafToken

ponder.on("LeafToken:Transfer", async ({ event, context }) => {
  const { from, to, value } = event.args;
  const delta = from === zeroAddress ? value : to === zeroAddress ? -value : 0n;
  await bumpStats(context, event, delta === 0n ? {} : { leafSupplyWei: delta });
});
ponder.on("LeafToken:Approval", async ({ event, context }) => {
  await bumpStats(context, event);
});
ponder.on("LeafToken:EIP712DomainChanged", async ({ event, context }) => {
  await bumpStats(context, event);
});

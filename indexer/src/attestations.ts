// AttestationRegistry lifecycle handlers (SPEC 4-6): submissions, verdicts, disputes and claims.
// Aggregates are incremental: an attestation's contribution is added when it becomes Verified and
// removed when it leaves Verified (disputed, superseded, invalidated); its LEAF is added when claimed.
import { ponder } from "ponder:registry";
import { attestation, dispute, modelKindAggregate } from "ponder:schema";
import { zeroAddress, zeroHash } from "viem";
import { Status } from "../../lib/spec";
import { appendHistory, NO_HISTORY } from "./lib/jsonText";
import {
  type AttestationRow,
  addToModel,
  bumpStats,
  bumpVerifier,
  type Ctx,
  type Ev,
  type Hex,
  historyEntry,
  recordActivity,
  recordReward,
  region,
  transition,
} from "./store";

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
    history: appendHistory(
      NO_HISTORY,
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
    ),
    openDisputeId: null,
    claimed: false,
    rewardWei: 0n,
    verifierRewardWei: 0n,
    submittedBlock: event.block.number,
    submittedAt: event.block.timestamp,
    submittedTx: event.transaction.hash,
    // The feed's AttestationSubmitted entry (no activity row: see ponder.schema.ts).
    submittedEventId: event.id,
    verdictEventId: null,
    verdictEvent: null,
    verdictBlock: null,
    verdictAt: null,
    verdictTx: null,
    updatedAt: event.block.timestamp,
  });
  await addToModel(context, event, modelId, { attestationCount: 1 });
  await bumpStats(context, event, { attestations: 1, submitted: 1 });
});

/** A verifier's verdict (SPEC 5): the status it sets and the verifier's counter it adds to. */
const VERDICTS = {
  AttestationVerified: { to: Status.VERIFIED, counter: "verified" },
  AttestationRejected: { to: Status.REJECTED, counter: "rejected" },
} as const;

/** The attestation moves to the verdict's status naming its verifier; the verdict counts on the verifier's row. */
async function verdict(
  context: Ctx,
  event: Ev,
  name: keyof typeof VERDICTS,
  id: Hex,
  by: Hex,
  set: Partial<AttestationRow>,
  detail: Record<string, string | number | null>,
) {
  const { to, counter } = VERDICTS[name];
  const v = by.toLowerCase() as Hex;
  // The verdict is the feed's entry for it (no activity row: see ponder.schema.ts).
  const entry = {
    verdictEventId: event.id,
    verdictEvent: name,
    verdictBlock: event.block.number,
    verdictAt: event.block.timestamp,
    verdictTx: event.transaction.hash,
  };
  await transition(context, event, id, name, to, v, { verifier: v, ...entry, ...set }, detail);
  await bumpVerifier(context, v, event.block.timestamp, { [counter]: 1 });
}

ponder.on("AttestationRegistry:AttestationVerified", async ({ event, context }) => {
  const { id, verifier: by, finalAt } = event.args;
  const set = { verifiedAt: event.block.timestamp, finalAt, remainingWindow: null };
  await verdict(context, event, "AttestationVerified", id, by, set, { finalAt: Number(finalAt) });
});

ponder.on("AttestationRegistry:AttestationRejected", async ({ event, context }) => {
  const { id, verifier: by, reasonHash } = event.args;
  await verdict(context, event, "AttestationRejected", id, by, {}, { reasonHash });
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
    { remainingWindow, openDisputeId: event.id },
    { bond: bond.toString(), remainingWindow: Number(remainingWindow), reasonURI },
    { disputes: 1 },
  );
  if (!after) return;
  const modelId = after.modelId;
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
});

async function closeDispute(
  context: Ctx,
  event: Ev,
  id: Hex,
  outcome: "upheld" | "dismissed",
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

// SPEC 5 (v1.1): the arbiter invalidates, without a dispute, a Verified attestation of a revoked
// verifier before it becomes Final. Same effects as an upheld dispute, without the dispute row.
ponder.on("AttestationRegistry:AttestationInvalidatedUnreviewed", async ({ event, context }) => {
  const { id, arbiter, verifier: v, rulingHash } = event.args;
  const verifier = v.toLowerCase() as Hex;
  await transition(
    context,
    event,
    id,
    "AttestationInvalidatedUnreviewed",
    Status.INVALIDATED,
    arbiter.toLowerCase() as Hex,
    {},
    { verifier, rulingHash },
  );
  if (v !== zeroAddress) await bumpVerifier(context, verifier, event.block.timestamp, { invalidated: 1 });
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
      history: appendHistory(
        before.history,
        historyEntry(event, "RewardClaimed", before.status, before.status, owner.toLowerCase() as Hex, {
          reward: amount.toString(),
          verifierReward: verifierReward.toString(),
        }),
      ),
    });
  }
  await recordReward(context, event, {
    kind: "attestation",
    attestationId: id,
    modelId,
    owner,
    amountWei: amount,
    verifier: v,
    verifierAmountWei: verifierReward,
  });
  await addToModel(context, event, modelId, { rewardsWei: amount });
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

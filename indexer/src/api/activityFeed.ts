// The activity feed's entries, newest first: the activity table (registrations, disputes, claims,
// certificates, bonuses) merged with the two entries every attestation carries in its own row, its
// submission and its verdict (see ponder.schema.ts: they are not written as activity rows).
import { db } from "ponder:api";
import schema from "ponder:schema";
import { and, desc, eq, isNotNull } from "ponder";

/** One entry of the feed, as the activity table stores it. */
export type FeedEntry = typeof schema.activity.$inferSelect;

/** Newest `limit` entries, of one model or of all. Three indexed reads of at most `limit` rows each. */
export async function feedEntries(limit: number, modelId: bigint | undefined): Promise<FeedEntry[]> {
  const A = schema.attestation;
  const ofModel = modelId === undefined ? undefined : eq(A.modelId, modelId);
  const [rows, submissions, verdicts] = await Promise.all([
    db
      .select()
      .from(schema.activity)
      .where(modelId === undefined ? undefined : eq(schema.activity.modelId, modelId))
      .orderBy(desc(schema.activity.id))
      .limit(limit),
    db
      .select({
        id: A.submittedEventId,
        modelId: A.modelId,
        attestationId: A.id,
        actor: A.submitter,
        blockNumber: A.submittedBlock,
        timestamp: A.submittedAt,
        transactionHash: A.submittedTx,
      })
      .from(A)
      .where(ofModel)
      .orderBy(desc(A.submittedEventId))
      .limit(limit),
    db
      .select({
        id: A.verdictEventId,
        type: A.verdictEvent,
        modelId: A.modelId,
        attestationId: A.id,
        actor: A.verifier,
        blockNumber: A.verdictBlock,
        timestamp: A.verdictAt,
        transactionHash: A.verdictTx,
      })
      .from(A)
      .where(and(isNotNull(A.verdictEventId), ofModel))
      .orderBy(desc(A.verdictEventId))
      .limit(limit),
  ]);
  const entries: FeedEntry[] = [
    ...rows,
    ...submissions.map((s) => ({ ...s, type: "AttestationSubmitted", amount: null })),
    // The verdict columns are written together, so a row with a verdict id has them all.
    ...verdicts.map((v) => ({
      ...v,
      id: v.id as string,
      type: v.type as string,
      blockNumber: v.blockNumber as bigint,
      timestamp: v.timestamp as bigint,
      transactionHash: v.transactionHash as `0x${string}`,
      amount: null,
    })),
  ];
  // Ids are Ponder's fixed-width event checkpoints: string order is chronological order.
  return entries.sort((x, y) => (x.id < y.id ? 1 : x.id > y.id ? -1 : 0)).slice(0, limit);
}

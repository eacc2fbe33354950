// The activity feed's entries, newest first: the activity table (registrations, disputes, claims,
// certificates, bonuses) merged with the two entries every attestation carries in its own row, its
// submission and its verdict (see ponder.schema.ts: they are not written as activity rows).
import { db } from "ponder:api";
import schema from "ponder:schema";
import { and, desc, eq, isNotNull, sql, unionAll } from "ponder";

/** One entry of the feed, as the activity table stores it. */
export type FeedEntry = typeof schema.activity.$inferSelect;
type Hex = `0x${string}`;

const A = schema.attestation;

/**
 * Newest `limit` entries, of one model or of all: three indexed reads of at most `limit` rows each,
 * merged in one statement (UNION ALL), so the three see the same snapshot of a live index: a block
 * committed between separate reads would show its verdict without its submission, or the reverse.
 */
export async function feedEntries(limit: number, modelId: bigint | undefined): Promise<FeedEntry[]> {
  const ofModel = modelId === undefined ? undefined : eq(A.modelId, modelId);
  // The first select's columns type the result (bigint columns decoded); the others match them in
  // order. Ids are Ponder's fixed-width event checkpoints: string order is chronological order.
  const rows = schema.activity;
  const activityRows = db
    .select({
      id: rows.id,
      type: rows.type,
      modelId: rows.modelId,
      attestationId: rows.attestationId,
      actor: rows.actor,
      amount: rows.amount,
      blockNumber: rows.blockNumber,
      timestamp: rows.timestamp,
      transactionHash: rows.transactionHash,
    })
    .from(rows)
    .where(modelId === undefined ? undefined : eq(rows.modelId, modelId))
    .orderBy(desc(rows.id))
    .limit(limit);
  const submissions = db
    .select({
      id: A.submittedEventId,
      type: sql<string>`'AttestationSubmitted'`.as("type"),
      modelId: A.modelId,
      attestationId: A.id,
      actor: A.submitter,
      amount: sql<bigint | null>`NULL::numeric(78, 0)`.as("amount"),
      blockNumber: A.submittedBlock,
      timestamp: A.submittedAt,
      transactionHash: A.submittedTx,
    })
    .from(A)
    .where(ofModel)
    .orderBy(desc(A.submittedEventId))
    .limit(limit);
  // The verdict columns are written together, so a row with a verdict id has them all.
  const verdicts = db
    .select({
      id: sql<string>`${A.verdictEventId}`.as("id"),
      type: sql<string>`${A.verdictEvent}`.as("type"),
      modelId: A.modelId,
      attestationId: A.id,
      actor: A.verifier,
      amount: sql<bigint | null>`NULL::numeric(78, 0)`.as("amount"),
      blockNumber: sql<bigint>`${A.verdictBlock}`.as("block_number"),
      timestamp: sql<bigint>`${A.verdictAt}`.as("timestamp"),
      transactionHash: sql<Hex>`${A.verdictTx}`.as("transaction_hash"),
    })
    .from(A)
    .where(and(isNotNull(A.verdictEventId), ofModel))
    .orderBy(desc(A.verdictEventId))
    .limit(limit);
  return unionAll(activityRows, submissions, verdicts).orderBy(desc(rows.id)).limit(limit);
}

// The dispute and reward lists of one attestation or one model, oldest first: the order the
// explorer's attestation page and a model's page both show them in (one definition each).
import { db } from "ponder:api";
import schema from "ponder:schema";
import { asc, type eq } from "ponder";

/** A SQL condition (drizzle's SQL type, which ponder does not re-export). */
type Condition = ReturnType<typeof eq>;

/** Disputes matching `where` (e.g. one attestation's, one model's), by the block they were opened in. */
export function disputesOldestFirst(where: Condition) {
  return db.select().from(schema.dispute).where(where).orderBy(asc(schema.dispute.openedBlock));
}

/** Rewards matching `where`, by the block they were paid in. */
export function rewardsOldestFirst(where: Condition) {
  return db.select().from(schema.reward).where(where).orderBy(asc(schema.reward.blockNumber));
}

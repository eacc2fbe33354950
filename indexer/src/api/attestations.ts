// JSON shapes of attestations and disputes (shared by the model page answer and the lists), and
// the SQL condition for a status filter: Final is not stored on chain, it is Verified with its
// challenge window over, so VERIFIED and FINAL split the stored Verified rows on finalAt.
import type schema from "ponder:schema";
import { attestation } from "ponder:schema";
import { and, eq, gt, inArray, lte, or } from "ponder";
import type { AttestationView, DisputeView } from "../../../lib/indexer/client";
import { KIND_NAMES, METHOD_NAMES, STATUS_NAMES, Status } from "../../../lib/spec";
import { parseHistory } from "../lib/jsonText";

type AttestationRow = typeof schema.attestation.$inferSelect;
type DisputeRow = typeof schema.dispute.$inferSelect;
/** A SQL condition (drizzle's SQL type, which ponder does not re-export). */
type Condition = NonNullable<ReturnType<typeof and>>;

/** A nullable bigint column as JSON: its decimal string, or null. */
export const str = (v: bigint | null | undefined) => (v === null || v === undefined ? null : v.toString());

// "Verified becomes Final once its challenge window has passed" (SPEC 5), in one place: in code
// (effectiveStatus) and as the two SQL conditions that split the stored Verified rows at the
// finality clock (windowPassed, inWindow), used by status filters and the Final-only figures.

/** The status a reader sees: Verified becomes Final once the challenge window has passed. */
export function effectiveStatus(status: number, finalAt: bigint | null, now: number): number {
  return status === Status.VERIFIED && finalAt !== null && finalAt <= BigInt(now) ? Status.FINAL : status;
}

/** Stored Verified and Final at the clock (SQL twin of effectiveStatus). */
export function windowPassed(clock: bigint): Condition {
  return and(eq(attestation.status, Status.VERIFIED), lte(attestation.finalAt, clock)) as Condition;
}

/** Stored Verified and still in its challenge window at the clock. */
export function inWindow(clock: bigint): Condition {
  return and(eq(attestation.status, Status.VERIFIED), gt(attestation.finalAt, clock)) as Condition;
}

/** Rows whose effective status (at `now`, the finality clock) is one of `names`. */
export function statusCondition(names: readonly string[], now: number): Condition | undefined {
  const clock = BigInt(now);
  const parts: Condition[] = [];
  const stored: number[] = [];
  for (const name of names) {
    if (name === "FINAL") parts.push(windowPassed(clock));
    else if (name === "VERIFIED") parts.push(inWindow(clock));
    else stored.push(Status[name as keyof typeof Status]);
  }
  if (stored.length > 0) parts.push(inArray(attestation.status, stored));
  return or(...parts);
}

export function attestationJson(a: AttestationRow, now: number): AttestationView {
  const status = effectiveStatus(a.status, a.finalAt, now);
  return {
    id: a.id,
    modelId: a.modelId.toString(),
    kind: KIND_NAMES[a.kind as 0 | 1 | 2],
    method: METHOD_NAMES[a.method as 0 | 1 | 2],
    status: STATUS_NAMES[status as Status],
    counted: { final: status === Status.FINAL, verified: a.status === Status.VERIFIED },
    /** In its model's training tally (SPEC 6, v1.1 efficiency bonus). */
    tallied: a.tallied,
    submitter: a.submitter,
    energyWh: a.energyWh.toString(),
    pueMilli: a.pueMilli,
    locationIntensity: a.locationIntensity,
    renewableBps: a.renewableBps,
    acceleratorHours: a.acceleratorHours.toString(),
    workUnits: a.workUnits.toString(),
    embodiedG: a.embodiedG.toString(),
    locationEmissionsG: a.locationEmissionsG.toString(),
    marketEmissionsG: a.marketEmissionsG.toString(),
    totalG: a.totalG.toString(),
    periodStart: a.periodStart.toString(),
    periodEnd: a.periodEnd.toString(),
    region: a.region,
    evidenceHash: a.evidenceHash,
    evidenceURI: a.evidenceURI,
    rowsRoot: a.rowsRoot,
    supersedes: a.supersedes,
    supersededBy: a.supersededBy,
    verifier: a.verifier,
    verifiedAt: str(a.verifiedAt),
    finalAt: str(a.finalAt),
    claimed: a.claimed,
    rewardWei: a.rewardWei.toString(),
    verifierRewardWei: a.verifierRewardWei.toString(),
    submitted: {
      block: a.submittedBlock.toString(),
      timestamp: a.submittedAt.toString(),
      transactionHash: a.submittedTx,
    },
    history: parseHistory(a.history).map((h) => ({
      event: h.event,
      from: STATUS_NAMES[h.from as Status],
      to: STATUS_NAMES[h.to as Status],
      actor: h.actor,
      detail: h.detail,
      block: h.block,
      timestamp: h.timestamp,
      transactionHash: h.tx,
    })),
  };
}

export function disputeJson(d: DisputeRow): DisputeView {
  return {
    attestationId: d.attestationId,
    modelId: d.modelId.toString(),
    challenger: d.challenger,
    bond: d.bond.toString(),
    remainingWindow: d.remainingWindow.toString(),
    reasonURI: d.reasonURI,
    outcome: d.outcome,
    arbiter: d.arbiter,
    rulingHash: d.rulingHash,
    openedAt: d.openedAt.toString(),
    openedBlock: d.openedBlock.toString(),
    resolvedAt: str(d.resolvedAt),
  };
}

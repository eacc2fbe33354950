// What every handler file shares: the store helpers that keep a row's aggregates, counters,
// history and activity in step (one place for each), and the event and context types. Handlers
// live one file per contract: modelRegistry.ts, attestations.ts, governance.ts, certificates.ts,
// efficiencyBonus.ts, leafToken.ts, pause.ts.
import type { Context } from "ponder:registry";
import {
  activity,
  attestation,
  model,
  modelKindAggregate,
  parameter,
  reward,
  stats,
  verifier,
} from "ponder:schema";
import { hexToString, keccak256, toHex } from "viem";
import { Status } from "../../lib/spec";
import { decodeRegion } from "../../lib/validation";
import type { HistoryEntry } from "../ponder.schema";
import {
  applyContribution,
  type Contribution,
  emptySums,
  type StoredSums,
  storedSums,
} from "./lib/aggregate";
import { appendHistory, countsText } from "./lib/jsonText";

export type Hex = `0x${string}`;
/** What the store helpers use of Ponder's context: its typed database (the same for every event). */
export type Ctx = Pick<Context<"ModelRegistry:ModelRegistered">, "db">;
export interface Ev {
  block: { number: bigint; timestamp: bigint; hash: Hex };
  transaction: { hash: Hex };
  log: { logIndex: number };
  id: string;
}

export const VERIFIER_ROLE = keccak256(toHex("VERIFIER_ROLE"));
export const GLOBAL = "global";

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

export function region(bytes8: Hex): string {
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
  pausedAt: 0n,
  events: 0,
};

/** Adds each numeric delta to its field of `row`; booleans replace. */
export function addDeltas(row: Record<string, unknown>, change: Record<string, number | bigint | boolean>) {
  const next: Record<string, unknown> = {};
  for (const [key, delta] of Object.entries(change)) {
    if (typeof delta === "boolean") next[key] = delta;
    else if (typeof delta === "bigint") next[key] = (row[key] as bigint) + delta;
    else next[key] = (row[key] as number) + delta;
  }
  return next;
}

/**
 * The one writer of running totals (the global counters, a verifier's counters, a model's
 * per-kind aggregate): the row at `fresh`'s key becomes `next(row)`, created from `fresh` first.
 * One upsert, never a find then a write: every store call costs Ponder a lock, metrics and copies,
 * and this runs several times for every event of the backfill.
 */
export async function addToTotals<Row extends Record<string, unknown>>(
  context: Ctx,
  table: typeof stats | typeof verifier | typeof modelKindAggregate,
  fresh: Row,
  next: (row: Row) => Partial<Row>,
) {
  // The three tables' row types differ; `fresh` is the caller's typed row of `table`.
  const insert = context.db.insert(table as typeof stats).values({ ...fresh, ...next(fresh) } as never);
  await insert.onConflictDoUpdate(next as never);
}

/**
 * A model row's own counters (attestations, LEAF paid, certificates, training tally), the same
 * deltas as addToTotals' rows; the row always exists (it is created by ModelRegistered).
 */
export async function addToModel(
  context: Ctx,
  event: Ev,
  modelId: bigint,
  change: Partial<
    Record<
      "attestationCount" | "rewardsWei" | "recWh" | "creditsG" | "tallyWh" | "tallyRuns",
      number | bigint
    >
  >,
) {
  await context.db
    .update(model, { id: modelId })
    .set((row: Record<string, unknown>) => ({ ...addDeltas(row, change), updatedBlock: event.block.number }));
}

/**
 * Global counters; also counts the event and records its block (chain identity check in the API).
 * Called once for every event.
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
  await addToTotals(context, stats, EMPTY_STATS, (row) => ({
    ...addDeltas(row, change),
    events: row.events + 1,
    ...position,
  }));
}

export function statusChange(from: number, to: number): Record<string, number> {
  const change: Record<string, number> = {};
  if (STAT_FOR_STATUS[from]) change[STAT_FOR_STATUS[from]] = -1;
  if (STAT_FOR_STATUS[to]) change[STAT_FOR_STATUS[to]] = (change[STAT_FOR_STATUS[to]] ?? 0) + 1;
  return change;
}

export type AttestationRow = typeof attestation.$inferSelect;

function contributionOf(a: AttestationRow): Contribution {
  return {
    energyWh: a.energyWh,
    locationG: a.locationEmissionsG,
    marketG: a.marketEmissionsG,
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

/** What a counted attestation adds to its model's aggregate, and which aggregate row. */
interface Counted {
  modelId: bigint;
  kind: number;
  contribution: Contribution;
}

function countedOf(a: AttestationRow): Counted {
  return { modelId: a.modelId, kind: a.kind, contribution: contributionOf(a) };
}

const EMPTY_AGGREGATE: StoredSums = { ...emptySums(), verifiers: countsText({}), regions: countsText({}) };

/**
 * Adds (sign 1) or removes (sign -1) a counted attestation's figures from its model's aggregate.
 * The API's snapshot re-reads aggregate rows by their own updatedBlock, so the model row is left
 * alone.
 */
export async function applyAggregate(context: Ctx, event: Ev, a: Counted, sign: 1 | -1) {
  const fresh = { modelId: a.modelId, kind: a.kind, ...EMPTY_AGGREGATE, updatedBlock: event.block.number };
  await addToTotals(context, modelKindAggregate, fresh, (row: StoredSums) => {
    const next = applyContribution(storedSums(row), a.contribution, sign);
    return {
      ...next,
      verifiers: countsText(next.verifiers),
      regions: countsText(next.regions),
      updatedBlock: event.block.number,
    };
  });
}

export function historyEntry(
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

/**
 * One LEAF payment (an attestation's claim or a model's efficiency bonus), paid by the event: the
 * row the explorer lists per attestation, model and address.
 */
export async function recordReward(
  context: Ctx,
  event: Ev,
  row: Omit<typeof reward.$inferSelect, "id" | "blockNumber" | "timestamp" | "transactionHash">,
) {
  await context.db.insert(reward).values({
    id: event.id,
    kind: row.kind,
    attestationId: row.attestationId,
    modelId: row.modelId,
    owner: row.owner.toLowerCase() as Hex,
    amountWei: row.amountWei,
    verifier: row.verifier.toLowerCase() as Hex,
    verifierAmountWei: row.verifierAmountWei,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
  });
}

/** A dispute's bond, when the transition carries one. */
export function activityAmount(detail: Record<string, string | number | null> | null): bigint | null {
  return typeof detail?.bond === "string" ? BigInt(detail.bond) : null;
}

/**
 * Moves an attestation to a new stored status, keeping aggregates, counters (plus `stats`), history
 * and the activity feed: a row, except for a verdict, whose entry is the verdict columns it sets.
 */
export async function transition(
  context: Ctx,
  event: Ev,
  id: Hex,
  name: string,
  toStatus: number,
  actor: Hex | null,
  set: Partial<AttestationRow> = {},
  detail: Record<string, string | number | null> | null = null,
  stats: Record<string, number> = {},
) {
  // One store call, not a find then an update (this runs for every verdict): the row as it was is
  // copied out inside the update, before Ponder applies the new values to its own copy.
  let before: { status: number; modelId: bigint; counted: Counted | null } | undefined;
  let after: AttestationRow;
  try {
    after = (await context.db.update(attestation, { id }).set((row: AttestationRow) => {
      // Only the fields needed, read one by one (row is a proxy: a spread costs a trap per field).
      const status = row.status;
      before = { status, modelId: row.modelId, counted: status === Status.VERIFIED ? countedOf(row) : null };
      return {
        ...set,
        status: toStatus,
        updatedAt: event.block.timestamp,
        history: appendHistory(row.history, historyEntry(event, name, status, toStatus, actor, detail)),
      };
    })) as AttestationRow;
  } catch (error) {
    if ((error as Error).name !== "RecordNotFoundError") throw error;
    console.warn(`[greenprint] ${name} for unknown attestation ${id} (block ${event.block.number})`);
    return null;
  }
  if (!before) throw new Error(`update of attestation ${id} did not read it`);
  const fromStatus = before.status;
  const modelId = before.modelId;
  if (before.counted) await applyAggregate(context, event, before.counted, -1);
  if (after.status === Status.VERIFIED) await applyAggregate(context, event, countedOf(after), 1);
  // One count per event: counters the caller adds (e.g. a dispute) ride on the same update.
  await bumpStats(context, event, { ...stats, ...statusChange(fromStatus, toStatus) });
  if (set.verdictEventId !== undefined) return after;
  await recordActivity(context, event, name, {
    modelId,
    attestationId: id,
    actor,
    amount: activityAmount(detail),
  });
  return after;
}

export function newVerifier(address: Hex, timestamp: bigint) {
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
export async function upsertVerifier(
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
  await addToTotals(context, verifier, fresh, (row) => addDeltas(row, change) as Partial<VerifierRow>);
}

export async function setParameter(context: Ctx, event: Ev, name: string, value: string) {
  await context.db
    .insert(parameter)
    .values({ name, value, updatedAt: event.block.timestamp })
    .onConflictDoUpdate({ value, updatedAt: event.block.timestamp });
}

// How far the index has synced, and whether the chain behind RPC_URL is still the one indexed.
import { db } from "ponder:api";
import { stats } from "ponder:schema";
import { eq, sql } from "ponder";
import { createPublicClient, type Hex, http } from "viem";
import { chainId, rpcUrl } from "../lib/settings";
import { CHECK_TTL_MS } from "./chainCheckTtl";

export interface SyncStatus {
  chainId: number;
  checkpoint: string;
  block: { number: number; timestamp: number };
  /**
   * Clock used for include=final: the latest indexed block's timestamp (chain time), standing still
   * at the pause's start while the protocol is paused (SPEC 5, v1.1: no window ends during a pause).
   */
  now: number;
}

function schemaName(): string {
  return (
    (globalThis as { PONDER_NAMESPACE_BUILD?: { schema?: string } }).PONDER_NAMESPACE_BUILD?.schema ??
    process.env.DATABASE_SCHEMA ??
    "public"
  );
}

// Every API request needs the checkpoint; under load, requests arriving within a few milliseconds
// share one read instead of queueing on PGlite's single connection (answers still say which block
// they reflect).
const CHECKPOINT_TTL_MS = 25;
let cachedStatus: { at: number; value: Promise<SyncStatus> } | null = null;

/** The latest block whose events are all indexed (read at most every CHECKPOINT_TTL_MS). */
export function syncStatus(): Promise<SyncStatus> {
  const now = performance.now();
  if (cachedStatus && now - cachedStatus.at < CHECKPOINT_TTL_MS) return cachedStatus.value;
  const value = readSyncStatus();
  cachedStatus = { at: now, value };
  value.catch(() => {
    if (cachedStatus?.value === value) cachedStatus = null;
  });
  return value;
}

/** Reads ponder's checkpoint table. */
async function readSyncStatus(): Promise<SyncStatus> {
  const schema = schemaName().replace(/"/g, '""');
  const result = (await db.execute(
    sql.raw(`select latest_checkpoint from "${schema}"."_ponder_checkpoint" limit 1`),
  )) as unknown as { rows: Array<{ latest_checkpoint: string }> };
  const checkpoint = result.rows[0]?.latest_checkpoint ?? "0".repeat(75);
  // Checkpoint layout (ponder 0.16 and 0.17 utils/checkpoint.ts): timestamp(10) chainId(16) blockNumber(16) ...
  const timestamp = Number(checkpoint.slice(0, 10));
  const number = Number(checkpoint.slice(26, 42));
  const [pause] = await db
    .select({ paused: stats.paused, pausedAt: stats.pausedAt })
    .from(stats)
    .where(eq(stats.id, "global"));
  const now = pause?.paused ? Math.min(timestamp, Number(pause.pausedAt)) : timestamp;
  return { chainId: chainId(), checkpoint, block: { number, timestamp }, now };
}

let ready = false;

/** Whether Ponder finished the backfill (its _ponder_meta.is_ready flag); sticky once true. */
export async function isReady(): Promise<boolean> {
  if (ready) return true;
  const schema = schemaName().replace(/"/g, '""');
  const result = (await db.execute(
    sql.raw(`select value from "${schema}"."_ponder_meta" where key = 'app' limit 1`),
  )) as unknown as { rows: Array<{ value: { is_ready?: number } | string }> };
  const value = result.rows[0]?.value;
  const parsed = typeof value === "string" ? (JSON.parse(value) as { is_ready?: number }) : value;
  ready = parsed?.is_ready === 1;
  return ready;
}

export type ChainCheck =
  | { ok: true }
  | { ok: false; code: "chain_replaced"; message: string }
  | { ok: true; warning: string };

const client = createPublicClient({ transport: http(rpcUrl(), { timeout: 2000, retryCount: 0 }) });
let lastCheck: { at: number; result: ChainCheck } | null = null;
let inflight: Promise<ChainCheck> | null = null;

/**
 * The last indexed event's block must still be on the chain with the same hash. A restarted
 * anvil (same chain id, new history) fails this at once, so the API answers 503 with an
 * explanation instead of serving the old chain's data. Checked at most once per CHECK_TTL_MS.
 */

export async function chainCheck(): Promise<ChainCheck> {
  const age = lastCheck ? Date.now() - lastCheck.at : Number.POSITIVE_INFINITY;
  if (lastCheck && age < CHECK_TTL_MS / 2) return lastCheck.result;
  inflight ??= (async (): Promise<ChainCheck> => {
    const row = (await db.select().from(stats).where(eq(stats.id, "global")))[0];
    // The block the index was built from: its last event's block, or (before any event, or once
    // Ponder rolled the rows back after the chain under it changed) the genesis it started on.
    const genesis = process.env.INDEXER_GENESIS_HASH as Hex | undefined;
    const anchor =
      row && row.lastEventBlock !== 0n
        ? { number: row.lastEventBlock, hash: row.lastEventBlockHash as Hex }
        : genesis
          ? { number: 0n, hash: genesis }
          : null;
    if (!anchor) return { ok: true };
    try {
      const [id, block, genesisNow] = await Promise.all([
        client.getChainId(),
        client.getBlock({ blockNumber: anchor.number }).catch(() => null),
        genesis ? client.getBlock({ blockNumber: 0n }).then((b) => b.hash) : undefined,
      ]);
      if (
        id !== chainId() ||
        block?.hash !== anchor.hash ||
        (genesis !== undefined && genesisNow !== genesis)
      ) {
        return {
          ok: false,
          code: "chain_replaced",
          message:
            `The chain at the indexer's RPC no longer contains block ${anchor.number} (${anchor.hash}) ` +
            `that this index was built from: the node was restarted with a new chain or reorganised past it. ` +
            `The indexed data is stale and is not served. Restart the indexer (indexer/scripts/start.ts picks a fresh database for the new chain).`,
        };
      }
      return { ok: true };
    } catch (error) {
      return {
        ok: true,
        warning: `RPC unreachable, chain identity not verified: ${(error as Error).message.split("\n")[0]}`,
      };
    }
  })().then((result) => {
    lastCheck = { at: Date.now(), result };
    inflight = null;
    return result;
  });
  const refresh = inflight;
  // A healthy answer in the second half of its life is re-checked in the background, so under
  // steady traffic no request waits on the RPC. An older one (the API was idle) is awaited, as are
  // a failed one and the very first: an answer never rests on a check more than CHECK_TTL_MS old,
  // so a chain replaced while nobody asked is refused from the first request on.
  if (lastCheck?.result.ok && !("warning" in lastCheck.result) && age < CHECK_TTL_MS) return lastCheck.result;
  return refresh;
}

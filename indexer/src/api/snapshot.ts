// In-memory leaderboard snapshot. The handlers keep, per model and kind, the sums over attestations
// whose stored status is Verified ("verified" = Verified or Final). Final-only figures are these
// minus the attestations still inside their challenge window (status Verified, finalAt > now),
// where now = the timestamp of the latest indexed block (the chain's clock, as effectiveStatus
// uses; it stands still during a pause, see sync.ts). That pending set is small (one challenge window of submissions) and is re-read on
// every refresh, so include=final stays exact as time passes without any event.
//
// Refresh: when the indexed checkpoint changes, rows with updatedBlock >= the last refresh block
// are re-read (incremental); a checkpoint going backwards (reorg) reloads everything. Sorted
// orders are cached per (include, kinds, sort, order) until the next refresh, so a leaderboard
// page is a filtered walk over a pre-sorted array.
import { db } from "ponder:api";
import { attestation, model, modelKindAggregate } from "ponder:schema";
import { gte, sql } from "ponder";
import { sizeClassOf } from "../../../lib/spec";
import {
  addSums,
  type Derived,
  derive,
  emptySums,
  type Sums,
  storedSums,
  subtractSums,
} from "../lib/aggregate";
import { readLocalMetadata } from "../lib/metadata";
import { inWindow } from "./attestations";
import { metadataFallback } from "./metadataFetch";
import { isReady, type SyncStatus, syncStatus } from "./sync";

export type ModelRow = typeof model.$inferSelect;

export interface LeaderRow {
  model: ModelRow;
  sums: Sums;
  derived: Derived;
  /** Weakest method among counted attestations: 0 METER, 1 SOFTWARE, 2 ESTIMATE. */
  trust: number;
  /** Any counted attestation still in its challenge window (only with include=verified). */
  includesUnfinal: boolean;
  /** Regions of the counted attestations, sorted (precomputed for filtering). */
  regions: string[];
}

/** Per model, its sums by kind (index 0 PRETRAINING, 1 FINE_TUNING, 2 INFERENCE; null: none). */
export type KindSums = Map<bigint, Array<Sums | null>>;

interface Snapshot {
  checkpoint: string;
  sync: SyncStatus;
  models: Map<bigint, ModelRow>;
  kindSums: KindSums;
  pending: KindSums;
  lastBlock: bigint;
  cache: Map<string, unknown>;
}

let current: Snapshot | null = null;
let refreshing: Promise<Snapshot> | null = null;
let lastRefreshAt = 0;

function withMetadata(m: ModelRow): ModelRow {
  if (m.name !== null) return m;
  const meta = readLocalMetadata(m.metadataHash) ?? metadataFallback(m.metadataHash, m.metadataURI);
  return meta ? { ...m, ...meta } : m;
}

/** Adds one SQL group's sums to its model's sums of its kind in `map`. */
export function addToKind(map: KindSums, modelId: bigint, kind: number, add: Sums): void {
  const list = map.get(modelId) ?? [null, null, null];
  list[kind] = addSums(list[kind] ?? emptySums(), add);
  map.set(modelId, list);
}

/**
 * Attestations still inside their challenge window, summed in SQL per (model, kind, method,
 * verifier, region): normally a handful of groups (one window of verifications).
 */
async function loadPending(now: bigint) {
  const a = attestation;
  const rows = await db
    .select({
      modelId: a.modelId,
      kind: a.kind,
      method: a.method,
      verifier: a.verifier,
      region: a.region,
      ...attestationSums(a),
      leafWei: sql<string>`coalesce(sum(case when ${a.claimed} then ${a.rewardWei} else 0 end), 0)`,
    })
    .from(a)
    .where(inWindow(now))
    .groupBy(a.modelId, a.kind, a.method, a.verifier, a.region);
  const pending: KindSums = new Map();
  for (const r of rows) {
    addToKind(pending, r.modelId, r.kind, {
      ...sumsOfGroup(r),
      leafWei: BigInt(r.leafWei),
      verifiers: r.verifier ? { [r.verifier.toLowerCase()]: Number(r.count) } : {},
    });
  }
  return pending;
}

async function refresh(previous: Snapshot | null, sync: SyncStatus): Promise<Snapshot> {
  const full = previous === null || BigInt(sync.block.number) < previous.lastBlock;
  const since = full ? -1n : previous.lastBlock;
  const models = full ? new Map<bigint, ModelRow>() : new Map(previous.models);
  const kindSums: KindSums = full ? new Map() : new Map(previous.kindSums);
  const [modelRows, aggRows, pending] = await Promise.all([
    db.select().from(model).where(gte(model.updatedBlock, since)),
    db.select().from(modelKindAggregate).where(gte(modelKindAggregate.updatedBlock, since)),
    loadPending(BigInt(sync.now)),
  ]);
  for (const m of modelRows) models.set(m.id, withMetadata(m));
  for (const r of aggRows) {
    const list = [...(kindSums.get(r.modelId) ?? [null, null, null])];
    list[r.kind] = storedSums(r);
    kindSums.set(r.modelId, list);
  }
  // Models still lacking metadata: retry the store (cheap) so late uploads appear.
  if (!full) {
    for (const [id, m] of models) if (m.name === null) models.set(id, withMetadata(m));
  }
  return {
    checkpoint: sync.checkpoint,
    sync,
    models,
    kindSums,
    pending,
    lastBlock: BigInt(sync.block.number),
    cache: new Map(),
  };
}

/** The snapshot for the current checkpoint (refreshing it first if the index moved). */
export async function snapshot(): Promise<Snapshot> {
  const sync = await syncStatus();
  if (current && current.checkpoint === sync.checkpoint) return current;
  // During the backfill the checkpoint moves constantly: refresh at most every few seconds so the
  // API never competes with the indexer for the database (answers say which block they reflect).
  if (current && Date.now() - lastRefreshAt < 3000 && !(await isReady())) return current;
  if (!refreshing) {
    refreshing = refresh(current, sync)
      .then((s) => {
        current = s;
        lastRefreshAt = Date.now();
        return s;
      })
      .finally(() => {
        refreshing = null;
      });
  }
  return refreshing;
}

export type Include = "final" | "verified";

/**
 * The SQL sums of a group of attestations that make up `Sums` (SPEC 9 figures and the work that
 * SPEC 9's efficiency needs): one definition for every group read in SQL (the pending and the
 * self-reported sets). Integers come back as decimal strings; `sumsOfGroup` reads them.
 */
export function attestationSums(a: typeof attestation) {
  return {
    count: sql<string>`count(*)`,
    energyWh: sql<string>`coalesce(sum(${a.energyWh}), 0)`,
    locationG: sql<string>`coalesce(sum(${a.locationEmissionsG}), 0)`,
    marketG: sql<string>`coalesce(sum(${a.marketEmissionsG}), 0)`,
    embodiedG: sql<string>`coalesce(sum(${a.embodiedG}), 0)`,
    renewableWeighted: sql<string>`coalesce(sum(${a.energyWh} * ${a.renewableBps}), 0)`,
    intensityWeighted: sql<string>`coalesce(sum(${a.energyWh} * ${a.locationIntensity}), 0)`,
    workEnergyWh: sql<string>`coalesce(sum(case when ${a.workUnits} > 0 then ${a.energyWh} else 0 end), 0)`,
    workUnits: sql<string>`coalesce(sum(${a.workUnits}), 0)`,
  };
}

type GroupRow = { [K in keyof ReturnType<typeof attestationSums>]: string } & {
  method: number;
  region: string;
};

/** `Sums` of one SQL group of a single method and region (no LEAF, no verifiers: callers add them). */
export function sumsOfGroup(g: GroupRow): Sums {
  const n = Number(g.count);
  return {
    ...emptySums(),
    count: n,
    energyWh: BigInt(g.energyWh),
    locationG: BigInt(g.locationG),
    marketG: BigInt(g.marketG),
    embodiedG: BigInt(g.embodiedG),
    renewableWeighted: BigInt(g.renewableWeighted),
    intensityWeighted: BigInt(g.intensityWeighted),
    workEnergyWh: BigInt(g.workEnergyWh),
    workUnits: BigInt(g.workUnits),
    meter: g.method === 0 ? n : 0,
    software: g.method === 1 ? n : 0,
    estimate: g.method === 2 ? n : 0,
    regions: { [g.region]: n },
  };
}

/** A model's sums for a basis: the kinds asked for, minus unfinished windows for include=final. */
export function sumsOf(
  s: Snapshot,
  id: bigint,
  include: Include,
  kinds: readonly number[],
): { sums: Sums; unfinal: boolean } {
  const list = s.kindSums.get(id);
  const pend = s.pending.get(id);
  let sums = emptySums();
  let unfinal = false;
  for (const k of kinds) {
    const base = list?.[k];
    if (!base) continue;
    const p = pend?.[k];
    if (p && p.count > 0) unfinal = true;
    sums = addSums(sums, include === "final" && p ? subtractSums(base, p) : base);
  }
  return { sums, unfinal: include === "verified" && unfinal };
}

/** Weakest method among counted attestations: 0 METER, 1 SOFTWARE, 2 ESTIMATE. */
export function trustOf(s: Sums): number {
  return s.estimate > 0 ? 2 : s.software > 0 ? 1 : 0;
}

/**
 * What `compute` returns for this snapshot, computed once: answers derived from the snapshot only
 * change with it (the cache is dropped on the next refresh).
 */
export function perSnapshot<T>(s: Snapshot, key: string, compute: () => T): T {
  const cached = s.cache.get(key) as T | undefined;
  if (cached !== undefined) return cached;
  const out = compute();
  s.cache.set(key, out);
  return out;
}

/** A model's leaderboard row for the sums it is ranked by. */
export function leaderRow(m: ModelRow, sums: Sums, includesUnfinal: boolean): LeaderRow {
  return {
    model: m,
    sums,
    derived: derive(sums, m.parameterCount, m.creditsG),
    trust: trustOf(sums),
    includesUnfinal,
    regions: Object.keys(sums.regions).sort(),
  };
}

/** Every ranked model (at least one counted attestation) for a basis, computed once per snapshot. */
export function rows(s: Snapshot, include: Include, kinds: readonly number[]): LeaderRow[] {
  return perSnapshot(s, `rows:${include}:${kinds.join(",")}`, () => {
    const out: LeaderRow[] = [];
    for (const [id, m] of s.models) {
      const { sums, unfinal } = sumsOf(s, id, include, kinds);
      if (sums.count > 0) out.push(leaderRow(m, sums, unfinal));
    }
    return out;
  });
}

export type Compare = (a: LeaderRow, b: LeaderRow) => number;

/** Rows sorted by a comparator, cached per snapshot under `key`. */
export function sorted(s: Snapshot, key: string, base: LeaderRow[], compare: Compare): LeaderRow[] {
  return perSnapshot(s, `sorted:${key}`, () => [...base].sort(compare));
}

export type { Snapshot };
export { sizeClassOf };

// Self-reported figures (SPEC 9, v1.1): attestations still Submitted, never verified, such as the
// published footprints of a fresh registry. They are listed and compared beside the verified
// ranking, always marked, never mixed into it. The handlers keep sums only for the verified set,
// so these are summed in SQL per (model, kind, method, region) when first asked for after a
// refresh, and kept with the snapshot until the next block.
import { db } from "ponder:api";
import { attestation } from "ponder:schema";
import { eq } from "ponder";
import { Status } from "../../../lib/spec";
import { addSums, emptySums, type Sums } from "../lib/aggregate";
import {
  addToKind,
  attestationSums,
  type KindSums,
  type LeaderRow,
  leaderRow,
  perSnapshot,
  type Snapshot,
  sumsOfGroup,
} from "./snapshot";

const LOADED = "selfReported";
const LOADING = "selfReported:loading";

async function load(): Promise<KindSums> {
  const a = attestation;
  const groups = await db
    .select({
      modelId: a.modelId,
      kind: a.kind,
      method: a.method,
      region: a.region,
      ...attestationSums(a),
    })
    .from(a)
    .where(eq(a.status, Status.SUBMITTED))
    .groupBy(a.modelId, a.kind, a.method, a.region);
  const out: KindSums = new Map();
  // Never verified: no verifier, and no LEAF is ever paid for a Submitted attestation.
  for (const g of groups) addToKind(out, g.modelId, g.kind, sumsOfGroup(g));
  return out;
}

/** Reads the self-reported sums into the snapshot once (concurrent callers share the read). */
export async function loadSelfReported(s: Snapshot): Promise<void> {
  if (s.cache.has(LOADED)) return;
  let loading = s.cache.get(LOADING) as Promise<KindSums> | undefined;
  if (!loading) {
    loading = load();
    s.cache.set(LOADING, loading);
  }
  s.cache.set(LOADED, await loading);
}

function loaded(s: Snapshot): KindSums {
  const sums = s.cache.get(LOADED) as KindSums | undefined;
  if (!sums) throw new Error("self-reported sums read before loadSelfReported(snapshot)");
  return sums;
}

/** A model's self-reported sums over `kinds` (after {@link loadSelfReported}). */
export function selfReportedSums(s: Snapshot, id: bigint, kinds: readonly number[]): Sums {
  const list = loaded(s).get(id);
  let sums = emptySums();
  for (const k of kinds) {
    const one = list?.[k];
    if (one) sums = addSums(sums, one);
  }
  return sums;
}

/** Every model with self-reported figures of `kinds`, as leaderboard rows (cached per snapshot). */
export function selfReportedRows(s: Snapshot, kinds: readonly number[]): LeaderRow[] {
  return perSnapshot(s, `rows:self-reported:${kinds.join(",")}`, () => {
    const out: LeaderRow[] = [];
    for (const id of loaded(s).keys()) {
      const m = s.models.get(id);
      if (!m) continue;
      const sums = selfReportedSums(s, id, kinds);
      if (sums.count > 0) out.push(leaderRow(m, sums, false));
    }
    return out;
  });
}

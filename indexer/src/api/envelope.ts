// The envelope every v1 answer starts with: the version and how far the index has synced (with
// the chain check's warning, set by the /api/v1 middleware in index.ts). One place for the
// routes in index.ts, explorer.ts and compare.ts.
import type { Context } from "hono";
import type { SyncStatus as SyncJson } from "../../../lib/indexer/client";
import type { SyncStatus } from "./sync";

/** The chain check's warning for this request (the RPC was unreachable), if any. */
export function warningOf(c: { get: (k: never) => unknown }): string | undefined {
  return c.get("warning" as never) as string | undefined;
}

export function syncJson(sync: SyncStatus, warning?: string): SyncJson {
  return {
    chainId: sync.chainId,
    block: sync.block,
    finalityClock: sync.now,
    ...(warning ? { warning } : {}),
  };
}

/** The fields of answer type `T` (lib/api) besides the envelope; name `T` (the default accepts nothing). */
export type V1Fields<T> = Omit<T, "apiVersion" | "sync">;

/** A v1 answer: the version, how far the index has synced, then the endpoint's own fields. */
export function v1Json<T = never>(c: Context, sync: SyncStatus, fields: V1Fields<T>) {
  return c.json({ apiVersion: "v1", sync: syncJson(sync, warningOf(c)), ...fields });
}

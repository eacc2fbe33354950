import type { SyncStatus } from "@/lib/indexer/client";

/** How far the data on the page is indexed: block and its time. */
export function IndexedAt({ sync }: { sync: SyncStatus }) {
  return (
    <p className="text-xs text-neutral-600 dark:text-neutral-400">
      Indexed to block {sync.block.number} (
      {new Date(sync.block.timestamp * 1000).toISOString().replace("T", " ").slice(0, 19)} UTC).
    </p>
  );
}

import { formatUtc } from "@/lib/humanize";
import type { SyncStatus } from "@/lib/indexer/client";

/** How far the data on the page is indexed: block and its time. */
export function IndexedAt({ sync }: { sync: SyncStatus }) {
  return (
    <p className="text-xs text-neutral-600 dark:text-neutral-400">
      Indexed to block {sync.block.number} ({formatUtc(sync.block.timestamp, { seconds: true })}).
    </p>
  );
}

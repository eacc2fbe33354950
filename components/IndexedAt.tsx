import { formatUtc } from "@/lib/humanize";
import type { SyncStatus } from "@/lib/indexer/client";

/**
 * How far the data on the page is indexed: block and its time. While the protocol is paused the
 * finality clock stands still at the pause's start (SPEC 5, v1.1), which the page says, so that a
 * Verified attestation past its window's date does not look stuck.
 */
export function IndexedAt({ sync }: { sync: SyncStatus }) {
  const pausedSince = sync.finalityClock < sync.block.timestamp ? sync.finalityClock : null;
  return (
    <>
      <p className="text-xs text-neutral-600 dark:text-neutral-400">
        Indexed to block {sync.block.number} ({formatUtc(sync.block.timestamp, { seconds: true })}).
      </p>
      {pausedSince !== null && (
        <p role="status" className="mt-1 text-sm font-medium text-amber-800 dark:text-amber-300">
          The protocol has been paused since {formatUtc(pausedSince)}: challenge windows stand still and no
          attestation becomes Final until it resumes (each open window then runs on for the time it had left).
        </p>
      )}
    </>
  );
}

// JSON kept in text columns of the rows the handlers rewrite on almost every event: an attestation's
// history and an aggregate's verifier and region counts. Ponder's store copies the row on every
// call; a row with a json column is deep-copied (structuredClone) up to three times per call (the
// stored row, the caller's view of it when it reads an object field, the values written), a row of
// scalar columns only is copied with a spread. Profiled on a 66,000-event backfill: structuredClone
// and the garbage it left were the largest single cost of the handlers (2.0 s of ~12 s, plus GC).
import type { HistoryEntry } from "../../ponder.schema";

export const NO_HISTORY = "[]";

/** The history text with one more entry at the end; the stored entries are not parsed. */
export function appendHistory(history: string, entry: HistoryEntry): string {
  const json = JSON.stringify(entry);
  return history === NO_HISTORY ? `[${json}]` : `${history.slice(0, -1)},${json}]`;
}

export function parseHistory(history: string): HistoryEntry[] {
  return JSON.parse(history) as HistoryEntry[];
}

/** A key -> count map (an aggregate's verifiers or regions) as stored. */
export function countsText(counts: Record<string, number>): string {
  return JSON.stringify(counts);
}

export function parseCounts(text: string): Record<string, number> {
  return JSON.parse(text) as Record<string, number>;
}

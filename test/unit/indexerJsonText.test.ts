// The indexer's JSON-in-text columns (indexer/src/lib/jsonText.ts): the history is appended to as
// text, never parsed by the handlers, and must read back as the array a json column gave.
import { expect, test } from "vitest";
import type { HistoryEntry } from "../../indexer/ponder.schema";
import {
  appendHistory,
  countsText,
  NO_HISTORY,
  parseCounts,
  parseHistory,
} from "../../indexer/src/lib/jsonText";

const entry = (event: string, logIndex: number, detail: HistoryEntry["detail"] = null): HistoryEntry => ({
  event,
  from: 1,
  to: 2,
  actor: "0xabc",
  detail,
  block: "12",
  timestamp: "1700000000",
  tx: "0x01",
  logIndex,
});

test("appending entries reads back as the same array, oldest first", () => {
  const entries = [
    entry("AttestationSubmitted", 0, { supersedes: null }),
    entry("AttestationVerified", 3, { finalAt: 1700604800 }),
    entry("AttestationDisputed", 1, { bond: "100", reasonURI: 'a "quoted", [bracketed] reason]' }),
  ];
  let text = NO_HISTORY;
  for (const e of entries) text = appendHistory(text, e);
  expect(parseHistory(text)).toEqual(entries);
  expect(parseHistory(NO_HISTORY)).toEqual([]);
  expect(JSON.parse(text)).toEqual(entries);
});

test("appending leaves the stored text of earlier entries unchanged", () => {
  const one = appendHistory(NO_HISTORY, entry("AttestationSubmitted", 0));
  const two = appendHistory(one, entry("RewardClaimed", 5, { reward: "7", verifierReward: "0" }));
  expect(two.startsWith(one.slice(0, -1))).toBe(true);
  expect(parseHistory(two).map((h) => h.event)).toEqual(["AttestationSubmitted", "RewardClaimed"]);
});

test("count maps round-trip, empty included", () => {
  const counts = { "0xverifier": 3, US: 1 };
  expect(parseCounts(countsText(counts))).toEqual(counts);
  expect(parseCounts(countsText({}))).toEqual({});
});

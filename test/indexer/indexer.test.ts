// Integration: real anvil + deploy + transactions, the indexer (PGlite) as a child process,
// API figures checked against lib/formulas and against the chain's logs (check-index). One
// scenario (scenario.ts) is built once; the cases are grouped by concern in *Cases.ts.
import { after, before, describe } from "node:test";
import { killAll, scaled } from "./helpers";
import { leaderboardCases } from "./leaderboardCases";
import { queueCases } from "./queueCases";
import { recordCases } from "./recordCases";
import { type Scenario, startScenario } from "./scenario";

describe("indexer and public API (PGlite)", { timeout: scaled(600_000) }, () => {
  const s = {} as Scenario;
  before(async () => {
    Object.assign(s, await startScenario());
  });
  after(() => killAll());

  leaderboardCases(s);
  recordCases(s);
  queueCases(s);
});

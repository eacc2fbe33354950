// Integration: the efficiency figures and ratings of SPEC 9 (v1.1) in GET /api/v1/leaderboard
// (JSON and CSV), the compare view and the model page's figures, against a real chain and the
// indexer (PGlite): mWh/PFLOP and mWh/request equal lib/formulas on the same inputs, ratings are
// the quintiles among the same task's models, "not enough peers" below 5, and a verified
// attestation still in its challenge window counts for include=verified only.
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { efficiencyRatings, mWhPerPflop, mWhPerRequest } from "../../lib/formulas";
import { Kind } from "../../lib/spec";
import {
  assertIndexMatchesChain,
  type Chain,
  type Deployed,
  deploy,
  freePort,
  getJson,
  type Indexer,
  indexChain,
  type Json,
  killAll,
  protocol,
  scaled,
  startAnvil,
  tempDir,
  WEEK,
} from "./helpers";

interface Trained {
  name: string;
  task: string;
  parameterCount: bigint;
  /** PRETRAINING attestations: [energyWh, workUnits] (workUnits 0: not stated). */
  runs: Array<[bigint, bigint]>;
}

// Six text-generation models (6 peers: quintile positions 0,0,1,2,3,4 → A A B C D E), GPT-3's
// published figures among them, and one model of another task (a lone peer: "not enough peers").
const TRAINED: Trained[] = [
  {
    name: "GPT3-E",
    task: "text-generation",
    parameterCount: 175_000_000_000n,
    runs: [[1_287_000_000n, 300_000_000_000n]],
  },
  {
    name: "BLOOM-E",
    task: "text-generation",
    parameterCount: 176_000_000_000n,
    runs: [[433_000_000n, 366_000_000_000n]],
  },
  // Two runs with work, and one without: its energy stays out of the efficiency sums.
  {
    name: "Two-Runs-E",
    task: "Text-Generation",
    parameterCount: 7_000_000_000n,
    runs: [
      [10_000_000n, 1_000_000_000_000n],
      [30_000_000n, 1_000_000_000_000n],
      [999_000_000n, 0n],
    ],
  },
  {
    name: "Small-E",
    task: "text-generation",
    parameterCount: 1_000_000_000n,
    runs: [[20_000n, 1_000_000_000n]],
  },
  {
    name: "Mid-E",
    task: "text-generation",
    parameterCount: 13_000_000_000n,
    runs: [[50_000_000n, 1_000_000_000_000n]],
  },
  {
    name: "Big-E",
    task: "text-generation",
    parameterCount: 70_000_000_000n,
    runs: [[900_000_000n, 2_000_000_000_000n]],
  },
  {
    name: "Vision-E",
    task: "image-classification",
    parameterCount: 1_000_000_000n,
    runs: [[5_000n, 1_000_000_000n]],
  },
];

// Five chat models serving requests (quintile positions 0..4 → A B C D E by mWh/request) and a lone
// translation model ("not enough peers"): [name, task, energyWh, requests].
const SERVED: Array<[string, string, bigint, bigint]> = [
  ["Serve-A", "chat", 3_000_000n, 1_000_000n], // 3,000 mWh/request
  ["Serve-B", "chat", 700n, 3n], // 233,333
  ["Serve-C", "chat", 1_000n, 1_000n], // 1,000
  ["Serve-D", "Chat", 50_000n, 1_000_000n], // 50
  ["Serve-E", "chat", 9_000_000n, 1_000n], // 9,000,000
  ["Translate", "translation", 2_000n, 10n],
];

/** The expected mWh/PFLOP of a model from lib/formulas: sums over its runs with work units. */
function expectedPflop(m: Trained): bigint | null {
  const withWork = m.runs.filter(([, work]) => work > 0n);
  const energy = withWork.reduce((s, [e]) => s + e, 0n);
  const work = withWork.reduce((s, [, w]) => s + w, 0n);
  return mWhPerPflop(energy, m.parameterCount, work);
}

describe("efficiency figures and ratings (PGlite)", { timeout: scaled(600_000) }, () => {
  let chain: Chain;
  let deployed: Deployed;
  let indexer: Indexer;
  const ids = new Map<string, bigint>();
  let inferA = 0n;
  let pendingExtra: [bigint, bigint] = [0n, 0n];

  before(async () => {
    const dir = tempDir("efficiency");
    chain = await startAnvil(await freePort());
    deployed = deploy(chain, dir);
    const p = protocol(chain, deployed);
    const evidenceDir = path.join(dir, "evidence");
    await p.accredit("verifier", "Efficiency Verifier");
    for (const m of TRAINED) {
      const id = await p.register({
        parameterCount: m.parameterCount,
        evidenceDir,
        metadata: { name: m.name, organization: "Org", task: m.task, version: "1" },
      });
      ids.set(m.name, id);
      for (const [energyWh, workUnits] of m.runs) {
        const a = await p.submit({ modelId: id, kind: Kind.PRETRAINING, energyWh, workUnits });
        await p.verify(a.id);
      }
    }
    for (const [name, task, energyWh, requests] of SERVED) {
      const id = await p.register({
        parameterCount: 8_000_000_000n,
        evidenceDir,
        metadata: { name, organization: "Org", task, version: "1" },
      });
      ids.set(name, id);
      const a = await p.submit({ modelId: id, kind: Kind.INFERENCE, energyWh, workUnits: requests });
      await p.verify(a.id);
    }
    inferA = ids.get("Serve-A") as bigint;
    // Self-reported (Submitted) work of a verified model: never mixed into the verified figures.
    await p.submit({
      modelId: ids.get("Small-E") as bigint,
      kind: Kind.PRETRAINING,
      energyWh: 1n,
      workUnits: 1_000_000_000_000n,
    });
    // Without work units (SPEC 9: only attestations with workUnits > 0 count): its energy must never
    // reach a figure, in the SQL-summed sets (self-reported here, in-window below) as in the handlers.
    await p.submit({
      modelId: ids.get("Small-E") as bigint,
      kind: Kind.PRETRAINING,
      energyWh: 5_000_000n,
      workUnits: 0n,
    });
    await p.advance(WEEK + 60);
    // Verified after the windows above ended: still in its window, so Final figures leave it out.
    pendingExtra = [40_000_000n, 1_000_000_000_000n];
    const pending = await p.submit({
      modelId: ids.get("Mid-E") as bigint,
      kind: Kind.PRETRAINING,
      energyWh: pendingExtra[0],
      workUnits: pendingExtra[1],
    });
    await p.verify(pending.id);
    const noWork = await p.submit({
      modelId: ids.get("Mid-E") as bigint,
      kind: Kind.PRETRAINING,
      energyWh: 9_000_000n,
      workUnits: 0n,
    });
    await p.verify(noWork.id);
    indexer = await indexChain({ chain, deployed, schema: "efficiency", dir, evidenceDir });
  });

  after(() => killAll());

  const get = async (query: string) =>
    (await getJson<Json>(`${indexer.url}/api/v1/leaderboard?${query}`)).body;
  const rowOf = (body: Json, name: string) => body.rows.find((r: Json) => r.name === name);

  it("serves mWh/PFLOP as lib/formulas computes it, and ratings by quintile among the task's peers", async () => {
    const body = await get("pageSize=100");
    const block = body.sync.block.number;
    for (const m of TRAINED) {
      const row = rowOf(body, m.name);
      assert.ok(row, m.name);
      assert.equal(row.efficiency.mWhPerPflop, expectedPflop(m)?.toString(), m.name);
      assert.equal(row.efficiency.mWhPerRequest, null, m.name);
      assert.equal(row.efficiency.block, block, m.name);
    }
    // SPEC 9's worked figures: GPT-3 4,085 mWh/PFLOP, BLOOM 1,120.
    assert.equal(rowOf(body, "GPT3-E").efficiency.mWhPerPflop, "4085");
    assert.equal(rowOf(body, "BLOOM-E").efficiency.mWhPerPflop, "1120");
    // Six text-generation peers (task compared case-insensitively): A A B C D E by ascending mWh/PFLOP.
    const peers = TRAINED.filter((m) => m.task.toLowerCase() === "text-generation");
    const ordered = [...peers].sort((a, b) => {
      const [x, y] = [expectedPflop(a) as bigint, expectedPflop(b) as bigint];
      return x < y ? -1 : x > y ? 1 : 0;
    });
    assert.deepEqual(
      ordered.map((m) => rowOf(body, m.name).efficiency.rating),
      ["A", "A", "B", "C", "D", "E"],
    );
    const fromLib = efficiencyRatings(peers.map((m) => ({ key: m.name, value: expectedPflop(m) as bigint })));
    for (const m of peers) assert.equal(rowOf(body, m.name).efficiency.rating, fromLib.get(m.name), m.name);
    // A lone image-classification model: too few peers for a rating.
    assert.equal(rowOf(body, "Vision-E").efficiency.rating, "not enough peers");
  });

  it("serves mWh/request over INFERENCE work, rated by quintile among the task's peers", async () => {
    const body = await get("pageSize=100");
    for (const [name, , energyWh, requests] of SERVED) {
      const row = rowOf(body, name);
      assert.equal(row.efficiency.mWhPerRequest, mWhPerRequest(energyWh, requests)?.toString(), name);
      assert.equal(row.efficiency.mWhPerPflop, null, name);
      assert.equal(row.efficiency.rating, null, name);
    }
    // Five chat peers (task compared case-insensitively): D C A B E by ascending mWh/request.
    assert.deepEqual(
      ["Serve-D", "Serve-C", "Serve-A", "Serve-B", "Serve-E"].map(
        (n) => rowOf(body, n).efficiency.requestRating,
      ),
      ["A", "B", "C", "D", "E"],
    );
    // A lone translation model: too few peers for a rating.
    assert.equal(rowOf(body, "Translate").efficiency.requestRating, "not enough peers");
    const byRequest = await get("sort=mWhPerRequest&order=asc&pageSize=3");
    assert.deepEqual(
      byRequest.rows.map((r: Json) => r.name),
      ["Serve-D", "Serve-C", "Serve-A"],
    );
  });

  it("matches the chain's logs, efficiency figures and ratings included (check-index)", async () => {
    const result = await assertIndexMatchesChain(indexer, chain, deployed);
    assert.ok(result.compared >= 2 * (TRAINED.length + SERVED.length), String(result.compared));
  });

  it("keeps an attestation in its window out of Final figures, and self-reported work apart", async () => {
    const mid = TRAINED.find((m) => m.name === "Mid-E") as Trained;
    const final = rowOf(await get("pageSize=100"), "Mid-E");
    assert.equal(final.efficiency.mWhPerPflop, expectedPflop(mid)?.toString());
    const verified = rowOf(await get("include=verified&pageSize=100"), "Mid-E");
    assert.equal(
      verified.efficiency.mWhPerPflop,
      expectedPflop({ ...mid, runs: [...mid.runs, pendingExtra] })?.toString(),
    );
    const self = await get("include=self-reported&pageSize=100");
    assert.deepEqual(
      self.rows.map((r: Json) => [r.name, r.efficiency.mWhPerPflop, r.efficiency.rating]),
      [["Small-E", mWhPerPflop(1n, 1_000_000_000n, 1_000_000_000_000n)?.toString(), "not enough peers"]],
    );
  });

  it("sorts by efficiency rating and by each figure, and exports them in CSV with the block", async () => {
    const byRating = await get("sort=efficiency&pageSize=100");
    assert.equal(byRating.query.sort, "efficiency");
    const ratings = byRating.rows.map((r: Json) => r.efficiency.rating);
    assert.deepEqual(ratings.slice(0, 6), ["A", "A", "B", "C", "D", "E"]);
    const byFigure = await get("sort=mWhPerPflop&order=asc&pageSize=100");
    const figures = byFigure.rows
      .map((r: Json) => r.efficiency.mWhPerPflop)
      .filter((v: string | null) => v !== null)
      .map(BigInt);
    assert.deepEqual(
      figures,
      [...figures].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );
    assert.equal(byFigure.rows.at(-1).efficiency.mWhPerPflop, null, "no figure: last");
    const bad = await getJson<Json>(`${indexer.url}/api/v1/leaderboard?sort=stars`);
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.param, "sort");
    assert.match(
      bad.body.error.message,
      /^sort must be .*efficiency, mWhPerPflop or mWhPerRequest, not "stars"\.$/,
    );
    const csv = await (await fetch(`${indexer.url}/api/v1/leaderboard.csv?sort=id&order=asc`)).text();
    const [header, ...lines] = csv.trim().split("\r\n");
    const columns = (header as string).split(",");
    const gpt3 = lines.find((l) => l.includes(",GPT3-E,"))?.split(",") as string[];
    assert.equal(gpt3[columns.indexOf("mWhPerPflop")], "4085");
    assert.match(gpt3[columns.indexOf("efficiencyRating")] as string, /^[A-E]$/);
    assert.equal(gpt3[columns.indexOf("efficiencyBlock")], String(byRating.sync.block.number));
  });

  it("gives the compare view and the model page the same efficiency", async () => {
    const gpt3 = ids.get("GPT3-E") as bigint;
    const bloom = ids.get("BLOOM-E") as bigint;
    const board = await get("pageSize=100");
    const compare = (await getJson<Json>(`${indexer.url}/api/v1/compare?ids=${gpt3},${bloom},${inferA}`))
      .body;
    assert.deepEqual(
      compare.models.map((m: Json) => [
        m.efficiency.mWhPerPflop,
        m.efficiency.rating,
        m.efficiency.mWhPerRequest,
      ]),
      [
        ["4085", rowOf(board, "GPT3-E").efficiency.rating, null],
        ["1120", rowOf(board, "BLOOM-E").efficiency.rating, null],
        [null, null, mWhPerRequest(3_000_000n, 1_000_000n)?.toString()],
      ],
    );
    const detail = (await getJson<Json>(`${indexer.url}/api/v1/models/${gpt3}`)).body;
    assert.equal(detail.model.figures.counting, "final");
    assert.equal(detail.model.figures.efficiency.mWhPerPflop, "4085");
  });
});

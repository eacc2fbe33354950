// Integration: the self-reported counting of GET /api/v1/leaderboard (SPEC 9, v1.1: listed and
// compared, always marked, never mixed into the verified ranking), GET /api/v1/compare and the
// models list's figures, against a real chain and the indexer (PGlite).
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { aggregateModel } from "../../lib/formulas";
import { getComparison, IndexerError, listModels } from "../../lib/indexer/client";
import { Status } from "../../lib/spec";
import {
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

describe("self-reported figures and the compare view (PGlite)", { timeout: scaled(600_000) }, () => {
  let chain: Chain;
  let deployed: Deployed;
  let indexer: Indexer;
  const ids = {} as Record<"verified" | "selfOnly" | "both" | "nothing", bigint>;
  // Submitted attestations of each model, as the chain holds them.
  const submitted = {
    selfOnly: [
      { energyWh: 433_000_000n, locationIntensity: 57, renewableBps: 0, embodiedG: 11_200_000n, method: 2 },
      { energyWh: 1_000n, locationIntensity: 151, renewableBps: 100, embodiedG: 0n, method: 1 },
    ],
    both: [{ energyWh: 1_287_000_000n, locationIntensity: 429, renewableBps: 0, embodiedG: 0n, method: 2 }],
  };

  before(async () => {
    const dir = tempDir("board");
    chain = await startAnvil(await freePort());
    deployed = deploy(chain, dir);
    const p = protocol(chain, deployed);
    const evidenceDir = path.join(dir, "evidence");
    await p.accredit("verifier", "Board Verifier Ltd");
    const register = (name: string) =>
      p.register({
        parameterCount: 175_000_000_000n,
        evidenceDir,
        metadata: { name, organization: "Org", task: "text-generation", version: "1" },
      });
    ids.verified = await register("Verified-M");
    ids.selfOnly = await register("Self-M");
    ids.both = await register("Both-M");
    ids.nothing = await register("Nothing-M");
    const v = await p.submit({ modelId: ids.verified, energyWh: 5_000_000n, locationIntensity: 40 });
    await p.verify(v.id);
    const b = await p.submit({ modelId: ids.both, energyWh: 2_000n, locationIntensity: 20 });
    await p.verify(b.id);
    for (const [key, list] of Object.entries(submitted) as [keyof typeof submitted, typeof submitted.both][])
      for (const a of list) await p.submit({ modelId: ids[key], kind: 0, ...a });
    // A rejected and a withdrawn attestation are no longer self-reported figures.
    const rejected = await p.submit({ modelId: ids.selfOnly, energyWh: 999_999n, locationIntensity: 999 });
    await p.reject(rejected.id);
    const withdrawn = await p.submit({ modelId: ids.selfOnly, energyWh: 888_888n, locationIntensity: 888 });
    await p.withdraw(withdrawn.id);
    await p.advance(WEEK + 60);
    indexer = await indexChain({ chain, deployed, schema: "board", dir, evidenceDir });
  });

  after(() => killAll());

  const get = async (query: string) =>
    (await getJson<Json>(`${indexer.url}/api/v1/leaderboard?${query}`)).body;

  it("ranks self-reported figures apart, marked, with lib/formulas' figures", async () => {
    const self = await get("include=self-reported&sort=id&order=asc");
    assert.deepEqual(
      self.rows.map((r: Json) => [r.id, r.rank, r.counting]),
      [
        [String(ids.selfOnly), 1, "self-reported"],
        [String(ids.both), 2, "self-reported"],
      ],
    );
    assert.equal(self.query.include, "self-reported");
    for (const [key, list] of Object.entries(submitted) as [
      keyof typeof submitted,
      typeof submitted.both,
    ][]) {
      const expected = aggregateModel(
        list.map((a) => ({
          kind: 0,
          method: a.method as 0 | 1 | 2,
          // aggregateModel counts Final ones: the self-reported set is summed with the same formulas.
          status: Status.FINAL,
          energyWh: a.energyWh,
          locationIntensity: BigInt(a.locationIntensity),
          renewableBps: BigInt(a.renewableBps),
          embodiedG: a.embodiedG,
        })),
        { parameterCount: 175_000_000_000n },
      );
      const row = self.rows.find((r: Json) => r.id === String(ids[key]));
      assert.equal(row.energyWh, expected.energyWh.toString(), key);
      assert.equal(row.totalG, expected.totalG.toString(), key);
      assert.equal(row.marketEmissionsG, expected.marketEmissionsG.toString(), key);
      assert.equal(row.intensity, expected.intensity.toString(), key);
      assert.equal(row.grade, expected.grade, key);
      assert.equal(row.gPerBillionParams, expected.gPerBillionParams?.toString(), key);
      assert.deepEqual(row.trust.verifiers, [], key);
      assert.equal(row.leafEarnedWei, "0", key);
    }
    // The verified ranking is untouched: only Final figures, its own ranks, marked "final".
    const final = await get("sort=id&order=asc");
    assert.deepEqual(
      final.rows.map((r: Json) => [r.id, r.rank, r.counting, r.energyWh]),
      [
        [String(ids.verified), 1, "final", "5000000"],
        [String(ids.both), 2, "final", "2000"],
      ],
    );
    const csv = await fetch(`${indexer.url}/api/v1/leaderboard.csv?include=self-reported&sort=id&order=asc`);
    const lines = (await csv.text()).trim().split("\r\n");
    assert.match(
      lines[0] as string,
      /^rank,id,.*,counting,mWhPerPflop,efficiencyRating,mWhPerRequest,requestEfficiencyRating,efficiencyBlock$/,
    );
    // No work units attested: no efficiency figure, and the block the (absent) ratings were computed at.
    assert.match(lines[1] as string, new RegExp(`^1,${ids.selfOnly},.*,self-reported,,,,,\\d+$`));
    assert.match(csv.headers.get("content-disposition") ?? "", /self-reported/);
  });

  it("answers a bad counting or parameter with a sentence naming it", async () => {
    const bad = await getJson<Json>(`${indexer.url}/api/v1/leaderboard?include=all`);
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.param, "include");
    assert.equal(bad.body.error.message, 'include must be final, verified or self-reported, not "all".');
    const unknown = await getJson<Json>(`${indexer.url}/api/v1/leaderboard?colour=red`);
    assert.equal(unknown.body.error.param, "colour");
    assert.match(
      unknown.body.error.message,
      /^"colour" is not a leaderboard parameter: use sort, .* and format\.$/,
    );
  });

  it("compares two to four models on their strongest basis, with the verifiers' names", async () => {
    const body = await getComparison([ids.selfOnly, ids.verified, ids.both], { baseUrl: indexer.url });
    assert.deepEqual(
      body.models.map((m) => [m.id, m.counting]),
      [
        [String(ids.selfOnly), "self-reported"],
        [String(ids.verified), "final"],
        [String(ids.both), "final"],
      ],
    );
    const verified = body.models[1];
    assert.equal(verified?.energyWh, "5000000");
    assert.equal(verified?.gridGrade, "A");
    assert.equal(verified?.intensity, "40");
    assert.deepEqual(
      verified?.trust.verifiers.map((v) => v.name),
      ["Board Verifier Ltd"],
    );
    assert.deepEqual(body.models[0]?.trust.verifiers, []);
    assert.equal(body.models[0]?.trust.level, "ESTIMATE");
    // The repeated form of a plain GET form (ids=1&ids=2) is the same question.
    const repeated = await getJson<Json>(
      `${indexer.url}/api/v1/compare?ids=${ids.verified}&ids=${ids.nothing}`,
    );
    assert.equal(repeated.status, 200);
    assert.equal(repeated.body.models[1].counting, null);
    assert.equal(repeated.body.models[1].intensity, null);
  });

  it("refuses unusable ids with a sentence, and unknown models with 404", async () => {
    const cases: Array<[string, RegExp]> = [
      ["", /^ids is required: give 2 to 4 model ids/],
      ["ids=1", /^ids must name 2 to 4 models to compare, not 1\.$/],
      ["ids=1,2,3,4,1", /same model twice/],
      ["ids=1,2,3,4,5", /not 5\.$/],
      ["ids=1,x", /"x" is not one\.$/],
      ["ids=1,-2", /"-2" is not one\.$/],
      ["ids=1,2&sort=name", /"sort" is not a compare parameter/],
    ];
    for (const [query, message] of cases) {
      const { status, body } = await getJson<Json>(`${indexer.url}/api/v1/compare?${query}`);
      assert.equal(status, 400, query);
      assert.equal(body.error.param, query.includes("sort") ? "sort" : "ids", query);
      assert.match(body.error.message, message, query);
    }
    await assert.rejects(getComparison([ids.verified, 999n], { baseUrl: indexer.url }), (error: unknown) => {
      assert.ok(error instanceof IndexerError);
      assert.equal(error.status, 404);
      assert.match(error.message, /No model 999/);
      return true;
    });
  });

  it("lists every model with its energy and emissions, naming the basis", async () => {
    const list = await listModels({ pageSize: 10 }, { baseUrl: indexer.url });
    const byId = new Map(list.models.map((m) => [m.id, m.figures]));
    assert.equal(byId.get(String(ids.selfOnly))?.counting, "self-reported");
    assert.equal(byId.get(String(ids.selfOnly))?.energyWh, "433001000");
    assert.equal(byId.get(String(ids.verified))?.counting, "final");
    assert.equal(byId.get(String(ids.both))?.counting, "final");
    assert.equal(byId.get(String(ids.both))?.energyWh, "2000");
    assert.equal(byId.get(String(ids.nothing))?.counting, null);
  });
});

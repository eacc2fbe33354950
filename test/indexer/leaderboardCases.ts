// Cases of the indexer suite (indexer.test.ts) on its shared scenario (scenario.ts).
// The leaderboard: Final by default, the SPEC 9 figures, sorting, filters, paging and bad parameters.
import assert from "node:assert/strict";
import { it } from "node:test";
import { aggregateModel, attestationReward } from "../../lib/formulas";
import { Status } from "../../lib/spec";
import type { Json } from "./helpers";
import { getJson } from "./helpers";
import type { Scenario } from "./scenario";

export function leaderboardCases(scenario: Scenario) {
  it("ranks Final attestations by default and Verified ones on request", async () => {
    const { indexer, ids } = scenario;
    const final = (await getJson<Json>(`${indexer.url}/api/v1/leaderboard?sort=id&order=asc`)).body;
    assert.deepEqual(
      final.rows.map((r: Json) => r.id),
      [ids.a, ids.b, ids.c].map(String),
    );
    assert.equal(final.total, 3);
    assert.equal(typeof final.sync.block.number, "number");
    assert.equal(typeof final.sync.block.timestamp, "number");
    const verified = (
      await getJson<Json>(`${indexer.url}/api/v1/leaderboard?sort=id&order=asc&include=verified`)
    ).body;
    assert.deepEqual(
      verified.rows.map((r: Json) => r.id),
      [ids.a, ids.b, ids.c, ids.d].map(String),
    );
    assert.equal(verified.rows[3].includesUnfinal, true);
  });

  it("serves the SPEC 9 figures computed with lib/formulas", async () => {
    const { indexer, p, att } = scenario;
    const body = (await getJson<Json>(`${indexer.url}/api/v1/leaderboard?sort=id&order=asc`)).body;
    const rowA = body.rows[0];
    const expected = aggregateModel(
      [
        {
          ...att.a1.input,
          status: Status.FINAL,
          locationIntensity: 60n,
          renewableBps: 5000n,
          kind: 0,
          method: 0,
          leafPaidWei: attestationReward({
            energyWh: 2_000_000n,
            locationIntensity: 60n,
            renewableBps: 5000n,
            method: 0,
          }),
          verifier: p.address("verifier"),
        },
        {
          ...att.a2.input,
          status: Status.FINAL,
          locationIntensity: 451n,
          renewableBps: 1234n,
          kind: 2,
          method: 1,
          verifier: p.address("verifier"),
        },
      ],
      {
        parameterCount: 7_000_000_000n,
        certificates: [
          { kind: 0, amount: 500_000n },
          { kind: 1, amount: 10_000n },
        ],
      },
    );
    assert.equal(rowA.name, "Alpha-7B");
    assert.equal(rowA.task, "text-generation");
    assert.equal(rowA.energyWh, expected.energyWh.toString());
    assert.equal(rowA.locationEmissionsG, expected.locationEmissionsG.toString());
    assert.equal(rowA.marketEmissionsG, expected.marketEmissionsG.toString());
    assert.equal(rowA.embodiedG, "1234");
    assert.equal(rowA.totalG, expected.totalG.toString());
    assert.equal(rowA.intensity, expected.intensity.toString());
    assert.equal(rowA.grade, expected.grade);
    assert.equal(rowA.renewableBps, expected.renewableBps.toString());
    assert.equal(rowA.gPerBillionParams, expected.gPerBillionParams?.toString());
    assert.equal(rowA.leafEarnedWei, expected.leafEarnedWei.toString());
    assert.notEqual(rowA.leafEarnedWei, "0");
    assert.deepEqual(rowA.certificates, {
      recWh: "500000",
      creditsG: "10000",
      marketNetG: expected.marketNetG.toString(),
    });
    assert.equal(rowA.trust.level, "SOFTWARE");
    assert.deepEqual(rowA.trust.verifiers, [p.address("verifier").toLowerCase()]);
    // B: only b4 counts (b1 invalidated, b2 rejected, b3 withdrawn).
    assert.equal(body.rows[1].attestations, 1);
    assert.equal(body.rows[1].energyWh, "99999");
    // C: dispute dismissed, still counted; ESTIMATE trust; grade E.
    assert.equal(body.rows[2].grade, "E");
    assert.equal(body.rows[2].trust.level, "ESTIMATE");
    // D has no parameter count: gPerBillionParams is null, size class small.
    const v = (
      await getJson<Json>(`${indexer.url}/api/v1/leaderboard?include=verified&sort=id&order=desc&pageSize=1`)
    ).body;
    assert.equal(v.rows[0].gPerBillionParams, null);
    assert.equal(v.rows[0].name, null);
  });

  it("sorts, filters and pages", async () => {
    const { indexer, ids } = scenario;
    const get = async (q: string) => (await getJson<Json>(`${indexer.url}/api/v1/leaderboard?${q}`)).body;
    assert.deepEqual(
      (await get("sort=intensity&order=asc")).rows.map((r: Json) => r.id),
      [ids.b, ids.a, ids.c].map(String),
    );
    assert.deepEqual(
      (await get("sort=energyWh&order=desc")).rows.map((r: Json) => r.id),
      [ids.c, ids.a, ids.b].map(String),
    );
    assert.deepEqual(
      (await get("task=image-classification")).rows.map((r: Json) => r.id),
      [String(ids.c)],
    );
    assert.deepEqual(
      (await get("region=US")).rows.map((r: Json) => r.id),
      [String(ids.a)],
    );
    assert.deepEqual(
      (await get("trust=METER")).rows.map((r: Json) => r.id),
      [String(ids.b)],
    );
    assert.deepEqual(
      (await get("size=small")).rows.map((r: Json) => r.id),
      [String(ids.c)],
    );
    const kind = await get("kind=PRETRAINING&sort=id");
    assert.deepEqual(kind.rows.map((r: Json) => r.id).sort(), [ids.a, ids.c].map(String).sort());
    assert.equal(kind.rows.find((r: Json) => r.id === String(ids.a)).energyWh, "2000000");
    const paged = await get("sort=id&order=asc&pageSize=2&page=2");
    assert.deepEqual(
      paged.rows.map((r: Json) => r.id),
      [String(ids.c)],
    );
    assert.equal(paged.rows[0].rank, 3);
    const market = await get("basis=market&sort=emissionsG&order=asc");
    assert.equal(market.rows[0].basis, "market");
  });

  it("rejects bad parameters with 400 naming them", async () => {
    const { indexer } = scenario;
    const cases: Array<[string, string]> = [
      ["sort=bogus", "sort"],
      ["order=up", "order"],
      ["pageSize=101", "pageSize"],
      ["page=0", "page"],
      ["include=all", "include"],
      ["basis=x", "basis"],
      ["kind=TRAINING", "kind"],
      ["size=huge", "size"],
      ["trust=GUESS", "trust"],
      ["region=california", "region"],
      ["colour=red", "colour"],
    ];
    for (const [query, param] of cases) {
      const { status, body } = await getJson<Json>(`${indexer.url}/api/v1/leaderboard?${query}`);
      assert.equal(status, 400, query);
      assert.equal(body.error.param, param, query);
      assert.match(body.error.message, new RegExp(param));
    }
    assert.equal((await getJson<Json>(`${indexer.url}/api/v1/models/abc`)).status, 400);
    assert.equal((await getJson<Json>(`${indexer.url}/api/v1/models/999`)).status, 404);
  });
}

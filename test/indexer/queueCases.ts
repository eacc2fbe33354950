// Cases of the indexer suite (indexer.test.ts) on its shared scenario (scenario.ts).
// Queues and following the chain: the verifiers' and arbiters' queues, live blocks, the typed client, the training tally and check-index.
import assert from "node:assert/strict";
import { it } from "node:test";
import { keccak256, toHex } from "viem";
import { attestationReward } from "../../lib/formulas";
import {
  getLeaderboard,
  getModel,
  getStats,
  IndexerError,
  listAttestations,
  listDisputes,
} from "../../lib/indexer/client";
import { assertIndexMatchesChain, getJson, type Json, WEEK, waitForSync } from "./helpers";
import type { Scenario } from "./scenario";

export function queueCases(scenario: Scenario) {
  it("lists attestations by effective status (the verifiers' queue) and disputes by outcome", async () => {
    const { indexer, p, ids, att } = scenario;
    const list = async (q: string) =>
      (await getJson<Json>(`${indexer.url}/api/v1/attestations?${q}`)).body as Json;
    const ids_ = (body: Json) => body.attestations.map((a: Json) => a.id);
    const queue = await list("status=SUBMITTED");
    assert.deepEqual(ids_(queue), [att.c2.id]);
    assert.equal(queue.total, 1);
    assert.equal(queue.attestations[0].modelName, "Vision-S");
    assert.equal(queue.attestations[0].modelId, String(ids.c));
    assert.equal(queue.attestations[0].evidenceHash, att.c2.input.evidenceHash);
    // Final is Verified with its window over (a1 claimed stays Final); d1 is still in its window.
    const final = await list("status=FINAL");
    assert.deepEqual(ids_(final), [att.a1.id, att.a2.id, att.b4.id, att.c1.id]);
    assert.deepEqual(ids_(await list("status=VERIFIED")), [att.d1.id]);
    assert.deepEqual(ids_(await list(`status=FINAL,VERIFIED&model=${ids.d}`)), [att.d1.id]);
    assert.deepEqual(ids_(await list(`status=REJECTED,WITHDRAWN&model=${ids.b}`)), [att.b2.id, att.b3.id]);
    assert.deepEqual(ids_(await list("status=DISPUTED")), [att.d2.id]);
    const paged = await list("status=FINAL&pageSize=2&page=2");
    assert.deepEqual(ids_(paged), [att.b4.id, att.c1.id]);
    assert.equal(paged.total, 4);
    assert.equal((await list("pageSize=100")).total, 10);

    const disputes = async (q: string) =>
      (await getJson<Json>(`${indexer.url}/api/v1/disputes?${q}`)).body as Json;
    const open = await disputes("outcome=open");
    assert.equal(open.total, 1);
    assert.equal(open.disputes[0].attestationId, att.d2.id);
    assert.equal(open.disputes[0].modelId, String(ids.d));
    assert.equal(open.disputes[0].challenger, p.address("challenger").toLowerCase());
    assert.ok(BigInt(open.disputes[0].bond) > 0n);
    assert.deepEqual(
      (await disputes("")).disputes.map((d: Json) => d.outcome),
      ["upheld", "dismissed", "open"],
    );

    // The model page's claimable reward: Final and unclaimed, at the indexed parameters (SPEC 6).
    const b = (await getJson<Json>(`${indexer.url}/api/v1/models/${ids.b}`)).body;
    const b4 = b.attestations.find((a: Json) => a.id === att.b4.id);
    const expected = attestationReward({
      energyWh: 99_999n,
      locationIntensity: 33n,
      renewableBps: 9999n,
      method: 0,
    });
    assert.equal(b4.claimableWei, expected.toString());
    const a = (await getJson<Json>(`${indexer.url}/api/v1/models/${ids.a}`)).body;
    assert.equal(a.attestations.find((x: Json) => x.id === att.a1.id).claimableWei, null, "claimed");

    for (const [path, param] of [
      ["attestations?status=DONE", "status"],
      ["attestations?status=NONE", "status"],
      ["attestations?model=x", "model"],
      ["attestations?pageSize=0", "pageSize"],
      ["attestations?owner=0x1", "owner"],
      ["disputes?outcome=closed", "outcome"],
      ["disputes?page=-1", "page"],
    ]) {
      const { status, body } = await getJson<Json>(`${indexer.url}/api/v1/${path}`);
      assert.equal(status, 400, path);
      assert.equal(body.error.param, param, path);
    }
  });

  it("follows live blocks: a new verification turns up, and time passing makes it Final", async () => {
    const { chain, indexer, p, ids } = scenario;
    const fresh = await p.submit({
      modelId: ids.c,
      kind: 2,
      method: 0,
      energyWh: 1_000n,
      locationIntensity: 10,
    });
    await p.verify(fresh.id);
    await waitForSync(indexer, await chain.client.getBlockNumber());
    let c = (await getJson<Json>(`${indexer.url}/api/v1/models/${ids.c}`)).body;
    assert.equal(c.model.aggregates.final.attestations, 1);
    assert.equal(c.model.aggregates.verified.attestations, 2);
    await p.advance(WEEK + 1);
    await waitForSync(indexer, await chain.client.getBlockNumber());
    c = (await getJson<Json>(`${indexer.url}/api/v1/models/${ids.c}`)).body;
    assert.equal(c.model.aggregates.final.attestations, 2);
  });

  it("is reachable through the typed client in lib/indexer", async () => {
    const { indexer, ids, att } = scenario;
    const board = await getLeaderboard(
      { sort: "id", order: "asc", kind: ["PRETRAINING", "INFERENCE"] },
      { baseUrl: indexer.url },
    );
    assert.ok(board.rows.length >= 2);
    assert.equal((await getModel(ids.a, { baseUrl: indexer.url }))?.model.name, "Alpha-7B");
    assert.equal(await getModel(12345, { baseUrl: indexer.url }), null);
    assert.equal((await getStats({ baseUrl: indexer.url })).stats.models, 4);
    const queue = await listAttestations({ status: "SUBMITTED" }, { baseUrl: indexer.url });
    assert.deepEqual(
      queue.attestations.map((a) => a.id),
      [att.c2.id],
    );
    const open = await listDisputes({ outcome: "open" }, { baseUrl: indexer.url });
    assert.equal(open.disputes[0]?.attestationId, att.d2.id);
    await assert.rejects(
      getLeaderboard({ pageSize: 1000 }, { baseUrl: indexer.url }),
      (e: unknown) => e instanceof IndexerError && e.status === 400 && e.param === "pageSize",
    );
  });

  it("indexes the training tally: runs tallied, and a superseded run taken out (SPEC 6, v1.1)", async () => {
    const { chain, indexer, p, ids, att } = scenario;
    const model = async () => (await getJson<Json>(`${indexer.url}/api/v1/models/${ids.a}`)).body;
    const tallied = (body: Json, id: string) => body.attestations.find((x: Json) => x.id === id)?.tallied;
    assert.deepEqual((await model()).model.efficiencyBonus.tally, { energyWh: "0", runs: 0 });
    // a1: A's Final METER PRETRAINING run (claimed); anyone tallies it
    await p.tally(ids.a, [att.a1.input]);
    await waitForSync(indexer, await chain.client.getBlockNumber());
    let a = await model();
    assert.deepEqual(a.model.efficiencyBonus.tally, { energyWh: "2000000", runs: 1 });
    assert.equal(tallied(a, att.a1.id), true);
    assert.equal(tallied(a, att.a2.id), false);
    // a verified correction supersedes the tallied run: it leaves the tally, the correction is not in it yet
    const fix = await p.submit({
      ...att.a1.input,
      energyWh: 1_500_000n,
      evidenceHash: keccak256(toHex("a1-correction")),
      supersedes: att.a1.id,
    });
    await p.verify(fix.id);
    await waitForSync(indexer, await chain.client.getBlockNumber());
    a = await model();
    assert.deepEqual(a.model.efficiencyBonus.tally, { energyWh: "0", runs: 0 });
    assert.equal(tallied(a, att.a1.id), false);
    assert.equal(tallied(a, fix.id), false);
  });

  it("matches the chain's logs exactly (check-index)", async () => {
    const { chain, deployed, indexer } = scenario;
    const result = await assertIndexMatchesChain(indexer, chain, deployed);
    assert.ok(result.compared >= 7);
  });
}

// Cases of the indexer suite (indexer.test.ts) on its shared scenario (scenario.ts).
// Records and documents: a model with everything attached, certificates, the activity feed, the OpenAPI document, verifiers, stats, CSV and badges.
import assert from "node:assert/strict";
import { it } from "node:test";
import { enumOf, openApiProblems } from "./apiContract";
import { handledEventCount } from "./eventCount";
import { getJson, type Json } from "./helpers";
import type { Scenario } from "./scenario";

export function recordCases(scenario: Scenario) {
  it("serves a model with attestations, history, certificates, lineage and rewards", async () => {
    const { indexer, p, ids, att, certs } = scenario;
    const { status, body } = await getJson<Json>(`${indexer.url}/api/v1/models/${ids.b}`);
    assert.equal(status, 200);
    assert.equal(body.model.name, "Alpha-7B-chat");
    assert.equal(body.lineage.ancestors[0].id, String(ids.a));
    const byId = Object.fromEntries(body.attestations.map((a: Json) => [a.id, a]));
    assert.equal(byId[att.b1.id].status, "INVALIDATED");
    assert.deepEqual(
      byId[att.b1.id].history.map((h: Json) => h.event),
      ["AttestationSubmitted", "AttestationVerified", "AttestationDisputed", "DisputeUpheld"],
    );
    assert.equal(byId[att.b2.id].status, "REJECTED");
    assert.equal(byId[att.b3.id].status, "WITHDRAWN");
    assert.equal(byId[att.b4.id].status, "FINAL");
    assert.equal(body.disputes[0].outcome, "upheld");
    const a = (await getJson<Json>(`${indexer.url}/api/v1/models/${ids.a}`)).body;
    assert.equal(a.lineage.children[0].id, String(ids.b));
    assert.equal(a.certificates.length, 4);
    const cert = Object.fromEntries(a.certificates.map((c: Json) => [c.id, c]));
    assert.equal(cert[certs.revoked].status, "REVOKED");
    assert.equal(cert[certs.revoked].serial, "REC-REVOKED");
    assert.equal(cert[certs.revoked].revokedBy, p.address("admin").toLowerCase());
    assert.equal(cert[certs.pending].status, "PENDING");
    assert.equal(cert[certs.pending].registry, "I-REC");
    assert.equal(cert[certs.pending].serial, "REC-SQUAT 1");
    assert.notEqual(certs.pending, certs.squat, "a new record of a freed serial has its own id");
    // only Confirmed certificates count (the revoked and the pending REC do not)
    assert.deepEqual(a.model.certificatesTotal, { recWh: "500000", creditsG: "10000" });
    assert.equal(body.certificates[0].status, "REJECTED");
    assert.equal(body.certificates[0].serialHash, cert[certs.pending].serialHash);
    assert.equal(a.rewards.length, 1);
    assert.equal(a.rewards[0].attestationId, att.a1.id);
    // SPEC 4 (v1.1) workUnits, as a decimal string; 0 when not stated
    const byIdA = Object.fromEntries(a.attestations.map((x: Json) => [x.id, x]));
    assert.equal(byIdA[att.a1.id].workUnits, "18446744073709551615");
    assert.equal(byIdA[att.a2.id].workUnits, "0");
    const d = (await getJson<Json>(`${indexer.url}/api/v1/models/${ids.d}`)).body;
    assert.equal(d.attestations[0].status, "VERIFIED");
    assert.equal(d.model.aggregates.final.attestations, 0);
    assert.equal(d.model.aggregates.verified.attestations, 1);
  });

  it("serves certificates by status and model (the verifiers' certificate queue)", async () => {
    const { indexer, ids, certs } = scenario;
    const pending = (await getJson<Json>(`${indexer.url}/api/v1/certificates?status=PENDING`)).body;
    assert.equal(pending.total, 1);
    assert.equal(pending.certificates[0].id, certs.pending);
    assert.equal(pending.certificates[0].modelName, "Alpha-7B");
    const freed = (await getJson<Json>(`${indexer.url}/api/v1/certificates?status=REJECTED,REVOKED`)).body;
    assert.deepEqual(freed.certificates.map((c: Json) => c.id).sort(), [certs.revoked, certs.squat].sort());
    const ofB = (await getJson<Json>(`${indexer.url}/api/v1/certificates?model=${ids.b}`)).body;
    assert.deepEqual(
      ofB.certificates.map((c: Json) => c.id),
      [certs.squat],
    );
    assert.equal((await getJson<Json>(`${indexer.url}/api/v1/certificates?status=RECORDED`)).status, 400);
  });

  it("serves the activity feed, newest first, per model and validated", async () => {
    const { indexer, p, ids, att } = scenario;
    const all = (await getJson<Json>(`${indexer.url}/api/v1/activity?limit=100`)).body.activity as Json[];
    const blocks = all.map((a) => BigInt(a.block));
    assert.deepEqual(
      blocks,
      [...blocks].sort((x, y) => (x < y ? 1 : x > y ? -1 : 0)),
    );
    assert.equal((await getJson<Json>(`${indexer.url}/api/v1/activity?limit=3`)).body.activity.length, 3);
    const b = (await getJson<Json>(`${indexer.url}/api/v1/activity?model=${ids.b}&limit=100`)).body
      .activity as Json[];
    assert.ok(b.every((a) => a.modelId === String(ids.b) && a.modelName === "Alpha-7B-chat"));
    assert.deepEqual(
      b
        .filter((a) => a.attestationId === att.b1.id)
        .reverse()
        .map((a) => a.type),
      ["AttestationSubmitted", "AttestationVerified", "AttestationDisputed", "DisputeUpheld"],
    );
    // A submission and a verdict come from the attestation row, not activity rows: same fields.
    const ofB1 = (type: string) => b.find((a) => a.attestationId === att.b1.id && a.type === type);
    assert.equal(ofB1("AttestationSubmitted").actor, p.address("owner").toLowerCase());
    assert.equal(ofB1("AttestationVerified").actor, p.address("verifier").toLowerCase());
    const modelB = (await getJson<Json>(`${indexer.url}/api/v1/models/${ids.b}`)).body;
    const b1 = modelB.attestations.find((x: Json) => x.id === att.b1.id);
    assert.equal(ofB1("AttestationSubmitted").transactionHash, b1.submitted.transactionHash);
    assert.equal(ofB1("AttestationSubmitted").block, b1.submitted.block);
    // Each derived entry (one statement merges the three sources) says what the history says.
    for (const type of ["AttestationSubmitted", "AttestationVerified"]) {
      const h = b1.history.find((x: Json) => x.event === type);
      const { block, timestamp, transactionHash, actor } = ofB1(type);
      assert.deepEqual(
        { block, timestamp, transactionHash, actor },
        {
          block: h.block,
          timestamp: h.timestamp,
          transactionHash: h.transactionHash,
          actor: h.actor,
        },
      );
    }
    assert.equal(b.at(-1).type, "ModelRegistered");
    const disputed = b.find((a) => a.type === "AttestationDisputed");
    assert.ok(BigInt(disputed.amount) > 0n, "the dispute's bond is carried");
    const a = (await getJson<Json>(`${indexer.url}/api/v1/activity?model=${ids.a}&limit=100`)).body
      .activity as Json[];
    const claim = a.find((x) => x.type === "RewardClaimed");
    const detail = (await getJson<Json>(`${indexer.url}/api/v1/models/${ids.a}`)).body;
    assert.equal(claim.amount, detail.rewards[0].amountWei);
    assert.equal(claim.actor, p.address("owner").toLowerCase());
    for (const [query, param] of [
      ["limit=0", "limit"],
      ["limit=101", "limit"],
      ["model=abc", "model"],
      ["since=1", "since"],
    ]) {
      const { status, body } = await getJson<Json>(`${indexer.url}/api/v1/activity?${query}`);
      assert.equal(status, 400, query);
      assert.equal(body.error.param, param, query);
    }
  });

  it("serves its OpenAPI 3.1 document: every route, its parameters with their allowed values", async () => {
    const { indexer } = scenario;
    const { status, body } = await getJson<Json>(`${indexer.url}/api/v1/openapi.json`);
    assert.equal(status, 200);
    assert.deepEqual(await openApiProblems(body), []);
    assert.deepEqual(enumOf(body, "/api/v1/leaderboard", "include"), ["final", "verified", "self-reported"]);
    assert.deepEqual(enumOf(body, "/api/v1/disputes", "outcome"), ["open", "upheld", "dismissed"]);
    assert.ok(
      (await getJson<Json>(`${indexer.url}/api/v1`)).body.endpoints.includes("GET /api/v1/openapi.json"),
    );
  });

  it("serves verifiers, stats, CSV and badges", async () => {
    const { indexer, p, ids } = scenario;
    const v = (await getJson<Json>(`${indexer.url}/api/v1/verifiers`)).body;
    assert.equal(v.verifiers.length, 1);
    assert.equal(v.verifiers[0].address, p.address("verifier").toLowerCase());
    assert.deepEqual(v.verifiers[0].verdicts, { verified: 7, rejected: 1, invalidated: 1 });
    const s = (await getJson<Json>(`${indexer.url}/api/v1/stats`)).body;
    assert.equal(s.stats.models, 4);
    assert.equal(s.stats.attestations, 10);
    assert.equal(s.stats.final.rankedModels, 3);
    assert.equal(s.stats.verified.rankedModels, 4);
    // every handled event counted once (a dispute was counted twice)
    const { chain, deployed } = scenario;
    const atBlock = BigInt(s.sync.block.number);
    assert.equal(s.stats.eventsIndexed, await handledEventCount(chain.client, deployed.addresses, atBlock));
    const csv = await fetch(`${indexer.url}/api/v1/leaderboard.csv?sort=id&order=asc`);
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get("content-type") ?? "", /text\/csv/);
    const lines = (await csv.text()).trim().split("\r\n");
    assert.equal(lines.length, 4);
    assert.match(lines[0] ?? "", /^rank,id,name,/);
    assert.match(lines[1] ?? "", /Alpha-7B/);
    const badge = await fetch(`${indexer.url}/api/v1/badge/${ids.a}.svg`);
    assert.equal(badge.status, 200);
    assert.match(badge.headers.get("content-type") ?? "", /image\/svg\+xml/);
    assert.match(await badge.text(), /<svg[^>]*>.*carbon grade.*[A-E] ·/s);
    assert.equal((await fetch(`${indexer.url}/api/v1/badge/x.svg`)).status, 400);
  });
}

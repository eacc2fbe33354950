// Integration: real anvil + deploy + transactions, the indexer (PGlite) as a child process,
// API figures checked against lib/formulas and against the chain's logs (check-index).
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { keccak256, toHex } from "viem";
import { aggregateModel, attestationReward } from "../../lib/formulas";
import {
  getLeaderboard,
  getModel,
  getStats,
  IndexerError,
  listAttestations,
  listDisputes,
} from "../../lib/indexer/client";
import { Status } from "../../lib/spec";
import { enumOf, openApiProblems } from "./apiContract";
import {
  assertIndexMatchesChain,
  type Chain,
  type Deployed,
  deploy,
  freePort,
  getJson,
  type Indexer,
  killAll,
  protocol,
  region,
  scaled,
  startAnvil,
  startIndexer,
  tempDir,
  waitForSync,
} from "./helpers";

const WEEK = 7 * 24 * 3600;

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies
type Json = any;

describe("indexer and public API (PGlite)", { timeout: scaled(600_000) }, () => {
  let chain: Chain;
  let deployed: Deployed;
  let indexer: Indexer;
  let dir: string;
  let p: ReturnType<typeof protocol>;
  const ids = {} as Record<"a" | "b" | "c" | "d", bigint>;
  type Att = { id: `0x${string}`; input: Parameters<ReturnType<typeof protocol>["claim"]>[0] };
  const certs = {} as Record<"revoked" | "squat" | "pending", `0x${string}`>;
  const att = {} as Record<"a1" | "a2" | "b1" | "b2" | "b3" | "b4" | "c1" | "c2" | "d1" | "d2", Att>;

  before(async () => {
    dir = tempDir("indexer");
    chain = await startAnvil(await freePort());
    deployed = deploy(chain, dir);
    p = protocol(chain, deployed);
    const evidenceDir = path.join(dir, "evidence");
    await p.accredit();
    ids.a = await p.register({
      parameterCount: 7_000_000_000n,
      evidenceDir,
      metadata: { name: "Alpha-7B", organization: "Org A", task: "text-generation", version: "1" },
    });
    ids.b = await p.register({
      parentId: ids.a,
      parameterCount: 7_000_000_000n,
      evidenceDir,
      metadata: { name: "Alpha-7B-chat", organization: "Org A", task: "text-generation", version: "1" },
    });
    ids.c = await p.register({
      parameterCount: 300_000_000n,
      evidenceDir,
      metadata: { name: "Vision-S", organization: "Org C", task: "image-classification", version: "1" },
    });
    ids.d = await p.register({ parameterCount: 0n }); // no metadata in the store, unknown size

    // A: METER pretraining (will be Final and claimed) + SOFTWARE inference in the US (Final).
    att.a1 = await p.submit({
      modelId: ids.a,
      kind: 0,
      method: 0,
      energyWh: 2_000_000n,
      locationIntensity: 60,
      renewableBps: 5000,
      embodiedG: 1234n,
      workUnits: 18_446_744_073_709_551_615n, // uint64 max: past 2^53, so only a decimal string carries it
    });
    att.a2 = await p.submit({
      modelId: ids.a,
      kind: 2,
      method: 1,
      energyWh: 333_333n,
      locationIntensity: 451,
      renewableBps: 1234,
      region: region("US-CA"),
    });
    await p.verify(att.a1.id);
    await p.verify(att.a2.id);
    // B: one disputed then upheld (invalidated), one rejected, one withdrawn, one Final.
    att.b1 = await p.submit({ modelId: ids.b, kind: 1, method: 1, energyWh: 50_000n, locationIntensity: 20 });
    att.b2 = await p.submit({
      modelId: ids.b,
      kind: 1,
      method: 0,
      energyWh: 70_000n,
      locationIntensity: 700,
    });
    att.b3 = await p.submit({
      modelId: ids.b,
      kind: 2,
      method: 2,
      energyWh: 10_000n,
      locationIntensity: 100,
    });
    att.b4 = await p.submit({
      modelId: ids.b,
      kind: 2,
      method: 0,
      energyWh: 99_999n,
      locationIntensity: 33,
      renewableBps: 9999,
    });
    await p.verify(att.b1.id);
    await p.reject(att.b2.id);
    await p.withdraw(att.b3.id);
    await p.verify(att.b4.id);
    await p.dispute(att.b1.id);
    await p.uphold(att.b1.id);
    // C: disputed then dismissed: back to Verified.
    att.c1 = await p.submit({
      modelId: ids.c,
      kind: 0,
      method: 2,
      energyWh: 123_456_789n,
      locationIntensity: 1500,
      renewableBps: 0,
      embodiedG: 5_000_000n,
    });
    await p.verify(att.c1.id);
    await p.dispute(att.c1.id);
    await p.dismiss(att.c1.id);
    await p.certificate(ids.a, 0, 500_000n, "REC-1");
    await p.certificate(ids.a, 1, 10_000n, "CREDIT-1");
    // SPEC 8 v1.1: a revoked certificate stops counting; a rejected one frees its serial for a new record.
    certs.revoked = await p.certificate(ids.a, 0, 777n, "REC-REVOKED");
    await p.revokeCertificate(certs.revoked);
    certs.squat = await p.recordCertificate(ids.b, 0, 999n, "REC-SQUAT 1");
    await p.rejectCertificate(certs.squat);
    certs.pending = await p.recordCertificate(ids.a, 0, 999n, "REC-SQUAT 1");
    // Time passes: everything verified so far becomes Final; claim A's pretraining reward.
    await p.advance(WEEK + 60);
    await p.claim(att.a1.input);
    // D: verified after the window moved on: Verified, not Final.
    att.d1 = await p.submit({
      modelId: ids.d,
      kind: 2,
      method: 0,
      energyWh: 42_000n,
      locationIntensity: 250,
    });
    await p.verify(att.d1.id);
    // The queues: C has one left Submitted (verifiers'); D one Verified, then disputed and not yet ruled on (arbiters').
    att.c2 = await p.submit({ modelId: ids.c, kind: 2, method: 1, energyWh: 7_777n, locationIntensity: 77 });
    att.d2 = await p.submit({ modelId: ids.d, kind: 2, method: 0, energyWh: 8_888n, locationIntensity: 88 });
    await p.verify(att.d2.id);
    await p.dispute(att.d2.id);

    indexer = startIndexer({
      port: await freePort(),
      chain,
      deployed,
      schema: "test",
      evidenceDir,
      logFile: path.join(dir, "ponder.log"),
    });
    await waitForSync(indexer, await chain.client.getBlockNumber());
  });

  after(() => killAll());

  it("ranks Final attestations by default and Verified ones on request", async () => {
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

  it("serves a model with attestations, history, certificates, lineage and rewards", async () => {
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
    const v = (await getJson<Json>(`${indexer.url}/api/v1/verifiers`)).body;
    assert.equal(v.verifiers.length, 1);
    assert.equal(v.verifiers[0].address, p.address("verifier").toLowerCase());
    assert.deepEqual(v.verifiers[0].verdicts, { verified: 7, rejected: 1, invalidated: 1 });
    const s = (await getJson<Json>(`${indexer.url}/api/v1/stats`)).body;
    assert.equal(s.stats.models, 4);
    assert.equal(s.stats.attestations, 10);
    assert.equal(s.stats.final.rankedModels, 3);
    assert.equal(s.stats.verified.rankedModels, 4);
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

  it("lists attestations by effective status (the verifiers' queue) and disputes by outcome", async () => {
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
    const result = await assertIndexMatchesChain(indexer, chain, deployed);
    assert.ok(result.compared >= 7);
  });
});

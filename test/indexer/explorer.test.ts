// The explorer's endpoints against a real chain: one attestation with its whole status history
// (each transition's transaction hash and block as the chain's receipts say), the verifier by its
// registry name, and what each address did; malformed ids and addresses get 400, unknown ids 404.
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { TransactionReceipt } from "viem";
import { IndexerError } from "../../lib/indexer/client";
import { getAddressActivity, getAttestation } from "../../lib/indexer/explorer";
import {
  type Chain,
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

describe("explorer API: attestation and address", { timeout: scaled(600_000) }, () => {
  let chain: Chain;
  let indexer: Indexer;
  let p: ReturnType<typeof protocol>;
  let modelId: bigint;
  const ids = {} as Record<"dismissed" | "upheld" | "rejected", `0x${string}`>;
  /** The receipts of the dismissed-then-claimed attestation's transitions, in order. */
  const receipts: TransactionReceipt[] = [];

  before(async () => {
    const dir = tempDir("explorer");
    chain = await startAnvil(await freePort());
    const deployed = deploy(chain, dir);
    p = protocol(chain, deployed);
    const evidenceDir = path.join(dir, "evidence");
    await p.accredit("verifier", "Explorer Verifier GmbH");
    modelId = await p.register({
      parameterCount: 1_000_000_000n,
      evidenceDir,
      metadata: { name: "Explorer-1B", organization: "Org X", task: "text-generation", version: "1" },
    });
    // Submitted → Verified → Disputed → Verified (dismissed) → Final → claimed.
    const first = await p.submit({
      modelId,
      kind: 0,
      method: 0,
      energyWh: 2_000_000n,
      locationIntensity: 60,
    });
    ids.dismissed = first.id;
    receipts.push(await p.verify(first.id));
    receipts.push(await p.dispute(first.id));
    receipts.push(await p.dismiss(first.id));
    // Submitted → Verified → Disputed → Invalidated (upheld); Submitted → Rejected.
    const second = await p.submit({ modelId, kind: 2, method: 1, energyWh: 50_000n, locationIntensity: 20 });
    ids.upheld = second.id;
    await p.verify(second.id);
    await p.dispute(second.id);
    await p.uphold(second.id);
    ids.rejected = (await p.submit({ modelId, kind: 2, method: 1, energyWh: 10_000n })).id;
    await p.reject(ids.rejected);
    await p.advance(WEEK + 60);
    receipts.push(await p.claim(first.input));
    indexer = await indexChain({ chain, deployed, schema: "explorer", dir, evidenceDir });
  });

  after(() => killAll());

  it("serves an attestation's history with each transition's transaction and block", async () => {
    const { status, body } = await getJson<Json>(`${indexer.url}/api/v1/attestations/${ids.dismissed}`);
    assert.equal(status, 200);
    const a = body.attestation;
    assert.equal(a.status, "FINAL");
    assert.deepEqual(
      a.history.map((h: Json) => `${h.from}→${h.to}`),
      ["NONE→SUBMITTED", "SUBMITTED→VERIFIED", "VERIFIED→DISPUTED", "DISPUTED→VERIFIED", "VERIFIED→VERIFIED"],
    );
    assert.deepEqual(
      a.history.slice(1).map((h: Json) => [h.transactionHash, h.block]),
      receipts.map((r) => [r.transactionHash, r.blockNumber.toString()]),
    );
    assert.equal(a.history[0].transactionHash, a.submitted.transactionHash);
    assert.equal(a.logIndexes.length, a.history.length);
    assert.equal(a.verifierProfile.name, "Explorer Verifier GmbH");
    assert.equal(a.actorNames[p.address("verifier").toLowerCase()], "Explorer Verifier GmbH");
    assert.equal(a.model.name, "Explorer-1B");
    assert.equal(body.disputes.length, 1);
    assert.equal(body.disputes[0].outcome, "dismissed");
    assert.equal(body.rewards.length, 1);
    assert.equal(a.claimed, true);
    assert.equal(a.projectedRewardWei, null, "a claimed attestation projects nothing more");
  });

  it("names the verifier whose verdict an upheld dispute invalidated", async () => {
    const detail = await getAttestation(ids.upheld, { baseUrl: indexer.url });
    assert.ok(detail);
    assert.equal(detail.attestation.status, "INVALIDATED");
    assert.equal(detail.attestation.history.at(-1)?.event, "DisputeUpheld");
    assert.equal(detail.disputes[0]?.outcome, "upheld");
    assert.equal(detail.attestation.verifierProfile?.verdicts.invalidated, 1);
  });

  it("answers 400 for a malformed id and 404 for an unknown one, with clear messages", async () => {
    const malformed = await getJson<Json>(`${indexer.url}/api/v1/attestations/0x1234`);
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.error.param, "id");
    assert.match(malformed.body.error.message, /64 hexadecimal digits, got "0x1234"/);
    const unknown = `0x${"ab".repeat(32)}`;
    const missing = await getJson<Json>(`${indexer.url}/api/v1/attestations/${unknown}`);
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, "not_found");
    assert.match(missing.body.error.message, new RegExp(`No attestation ${unknown}`));
    assert.equal(await getAttestation(unknown, { baseUrl: indexer.url }), null);
    const bad = await getJson<Json>(`${indexer.url}/api/v1/addresses/0xnothex`);
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.param, "address");
    assert.match(bad.body.error.message, /40 hexadecimal digits/);
    await assert.rejects(
      getAddressActivity("alice", { baseUrl: indexer.url }),
      (e: unknown) => e instanceof IndexerError && e.status === 400 && e.param === "address",
    );
  });

  it("serves what an owner did: models, attestations, LEAF earned", async () => {
    // Mixed case on purpose: addresses are matched whatever their checksum casing.
    const owner = await getAddressActivity(p.address("owner"), { baseUrl: indexer.url });
    assert.equal(owner.address, p.address("owner").toLowerCase());
    assert.deepEqual(
      owner.models.map((m) => [m.id, m.name]),
      [[modelId.toString(), "Explorer-1B"]],
    );
    assert.equal(owner.attestations.total, 3);
    assert.deepEqual(
      new Set(owner.attestations.list.map((a) => a.status)),
      new Set(["FINAL", "INVALIDATED", "REJECTED"]),
    );
    assert.equal(owner.verifier, null);
    const reward = owner.leaf.payments[0];
    assert.ok(reward && BigInt(reward.amountWei) > 0n);
    assert.equal(owner.leaf.asOwnerWei, reward.amountWei);
    assert.equal(owner.leaf.asVerifierWei, "0");
  });

  it("serves a verifier's verdicts, how many were invalidated, and its share of LEAF", async () => {
    const v = await getAddressActivity(p.address("verifier"), { baseUrl: indexer.url });
    assert.equal(v.verifier?.name, "Explorer Verifier GmbH");
    assert.deepEqual(v.verifier?.verdicts, { verified: 2, rejected: 1, invalidated: 1 });
    assert.equal(v.verdicts.total, 3);
    const byId = Object.fromEntries(v.verdicts.list.map((d) => [d.attestationId, d]));
    assert.equal(byId[ids.rejected]?.verdict, "rejected");
    assert.equal(byId[ids.upheld]?.verdict, "verified");
    assert.equal(byId[ids.upheld]?.invalidated, true);
    assert.equal(byId[ids.dismissed]?.invalidated, false);
    assert.equal(byId[ids.dismissed]?.transactionHash, receipts[0]?.transactionHash);
    assert.ok(BigInt(v.leaf.asVerifierWei) > 0n);
  });

  it("serves the disputes a challenger opened and the arbiter's rulings; an idle address is empty", async () => {
    const challenger = await getAddressActivity(p.address("challenger"), { baseUrl: indexer.url });
    assert.deepEqual(challenger.disputesOpened.map((d) => d.outcome).sort(), ["dismissed", "upheld"]);
    const arbiter = await getAddressActivity(p.address("admin"), { baseUrl: indexer.url });
    assert.equal(arbiter.rulings.length, 2);
    const idle = await getAddressActivity(`0x${"12".repeat(20)}`, { baseUrl: indexer.url });
    assert.equal(idle.models.length + idle.attestations.total + idle.verdicts.total, 0);
    assert.equal(idle.leaf.earnedWei, "0");
  });
});

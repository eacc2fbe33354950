// SPEC 5 (v1.1) invalidateUnreviewed through the indexer: the arbiter invalidates a revoked verifier's
// Verified, not yet Final attestation without a dispute. The API shows status Invalidated with the
// transition's block, time and transaction, the verifier's invalidated-verdict count, and the model's
// aggregates without the invalidated attestation (with the other, Final one).
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { keccak256, type TransactionReceipt, toHex } from "viem";
import { attestationRegistryAbi } from "../../lib/generated/contracts";
import { getAttestation } from "../../lib/indexer/explorer";
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

const VERIFIER_ROLE = keccak256(toHex("VERIFIER_ROLE"));

describe("indexer: invalidateUnreviewed", { timeout: scaled(600_000) }, () => {
  let chain: Chain;
  let indexer: Indexer;
  let p: ReturnType<typeof protocol>;
  let modelId: bigint;
  let kept: `0x${string}`;
  let invalidated: `0x${string}`;
  let receipt: TransactionReceipt;
  const ruling = keccak256(toHex("verifier revoked for cause"));

  before(async () => {
    const dir = tempDir("invalidations");
    chain = await startAnvil(await freePort());
    const deployed = deploy(chain, dir);
    p = protocol(chain, deployed);
    const registry = deployed.addresses.AttestationRegistry;
    await p.accredit("verifier", "Revoked Verifier Ltd");
    modelId = await p.register({ parameterCount: 1_000_000_000n });
    kept = (await p.submit({ modelId, kind: 0, energyWh: 2_000_000n })).id;
    await p.verify(kept);
    invalidated = (await p.submit({ modelId, kind: 0, energyWh: 500_000n })).id;
    await p.verify(invalidated);
    await p.send("admin", registry, attestationRegistryAbi, "revokeRole", [
      VERIFIER_ROLE,
      p.address("verifier"),
    ]);
    receipt = await p.send("admin", registry, attestationRegistryAbi, "invalidateUnreviewed", [
      invalidated,
      ruling,
    ]);
    await p.advance(WEEK + 60); // `kept` becomes Final
    indexer = await indexChain({ chain, deployed, schema: "invalidations", dir });
  });

  after(() => killAll());

  it("records the transition with its block, time and transaction, the arbiter and the ruling", async () => {
    const detail = await getAttestation(invalidated, { baseUrl: indexer.url });
    assert.ok(detail);
    const a = detail.attestation;
    assert.equal(a.status, "INVALIDATED");
    const last = a.history.at(-1);
    assert.ok(last);
    assert.equal(last.event, "AttestationInvalidatedUnreviewed");
    assert.equal(`${last.from}→${last.to}`, "VERIFIED→INVALIDATED");
    assert.equal(last.transactionHash, receipt.transactionHash);
    assert.equal(last.block, receipt.blockNumber.toString());
    const block = await chain.client.getBlock({ blockNumber: receipt.blockNumber });
    assert.equal(last.timestamp, block.timestamp.toString());
    assert.equal(last.actor, p.address("admin").toLowerCase());
    assert.equal(last.detail?.rulingHash, ruling);
    assert.equal(last.detail?.verifier, p.address("verifier").toLowerCase());
    assert.equal(detail.disputes.length, 0, "no dispute was opened");
  });

  it("counts the invalidated verdict on the verifier's public record", async () => {
    const { body } = await getJson<Json>(`${indexer.url}/api/v1/verifiers`);
    const v = body.verifiers.find((x: Json) => x.address === p.address("verifier").toLowerCase());
    assert.ok(v);
    assert.equal(v.active, false);
    assert.deepEqual(v.verdicts, { verified: 2, rejected: 0, invalidated: 1 });
  });

  it("lists attestations by the verifier whose verdict they carry (the arbiter's queue)", async () => {
    const v = p.address("verifier");
    const ids = async (q: string) =>
      (await getJson<Json>(`${indexer.url}/api/v1/attestations?${q}`)).body.attestations.map(
        (a: Json) => a.id,
      );
    assert.deepEqual(await ids(`verifier=${v}`), [kept, invalidated]);
    assert.deepEqual(await ids(`status=INVALIDATED&verifier=${v.toLowerCase()}`), [invalidated]);
    assert.deepEqual(await ids(`status=VERIFIED&verifier=${v}`), [], "the other one is Final by now");
    assert.deepEqual(await ids(`verifier=${p.address("admin")}`), []);
    const bad = await getJson<Json>(`${indexer.url}/api/v1/attestations?verifier=0x12`);
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.param, "verifier");
  });

  it("keeps only the other attestation in the model's aggregates", async () => {
    const { body } = await getJson<Json>(`${indexer.url}/api/v1/models/${modelId}`);
    for (const include of ["final", "verified"] as const) {
      assert.equal(body.model.aggregates[include].attestations, 1, include);
      assert.equal(body.model.aggregates[include].energyWh, "2000000", include);
    }
    const stats = (await getJson<Json>(`${indexer.url}/api/v1/stats`)).body;
    assert.equal(stats.stats.byStatus.INVALIDATED, 1);
    assert.equal(stats.stats.byStatus.VERIFIED_OR_FINAL, 1);
  });
});

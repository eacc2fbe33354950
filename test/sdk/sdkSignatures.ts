// The SDK client on anvil (test/sdk/client.test.ts): EIP-712 signatures the contracts accept: owner-signed
// submissions and verifier-signed verdicts relayed by others, submitVerified; replays and cancelled nonces refused.
import assert from "node:assert/strict";
import { it } from "node:test";
import { type Hex, sha256, toHex } from "viem";
import { TYPE_STRINGS } from "../../lib/eip712";
import { Kind, Status } from "../../lib/spec";
import { rejects, type SdkContext, signForChain } from "./sdkContext";

export function typeStringsMatchContract(ctx: SdkContext) {
  it("the EIP-712 type strings equal the contract's constants", async () => {
    const { t } = ctx;
    for (const name of Object.keys(TYPE_STRINGS) as (keyof typeof TYPE_STRINGS)[]) {
      const onChain = await t.publicClient.readContract({
        address: t.clients[0]?.addresses.AttestationRegistry as Hex,
        abi: [{ type: "function", name, stateMutability: "view", inputs: [], outputs: [{ type: "string" }] }],
        functionName: name,
      });
      assert.equal(TYPE_STRINGS[name], onChain, name);
    }
  });
}

export function ownerSignedSubmissionRelayed(ctx: SdkContext) {
  it("accepts an owner-signed submission relayed by another account, and refuses its replay", async () => {
    const { t, attestation, now } = ctx;
    const owner = t.owner;
    const relayer = t.relayer;
    const signed = await owner.signSubmission(attestation({ kind: Kind.FINETUNING }));
    assert.equal(signed.nonce, 0n);
    const r = await relayer.submitAttestationWithSig(signed);
    ctx.signedId = r.result.id;
    const submitted = await relayer.getSubmittedAttestation(ctx.signedId);
    assert.equal(submitted?.submitter, t.addr.owner);
    assert.equal(await owner.nonces(t.addr.owner), 1n);
    // the same payload again is refused (client-side: its period is now taken)
    await rejects(relayer.submitAttestationWithSig(signed), /overlaps the latest attestation/);
    // a signature with a used nonce over new fields is refused by the contract
    const later = attestation({
      kind: Kind.FINETUNING,
      periodStart: now - 80_000n,
      periodEnd: now - 70_000n,
    });
    const stale = await owner.signSubmission(later, { nonce: 0n });
    await rejects(relayer.submitAttestationWithSig(stale), /not the current one of .* \(current nonce 1\)/);
    // fields changed after signing: the signature does not verify
    const fresh = await owner.signSubmission(later);
    const forged = { ...fresh, attestation: { ...fresh.attestation, energyWh: 1n } };
    await rejects(relayer.submitAttestationWithSig(forged), /signature is not valid for/);
    // a signature for another chain id does not verify either
    const otherChain = await owner.signSubmission(later);
    await rejects(
      t.relayer.submitAttestationWithSig({
        ...otherChain,
        signature: (await signForChain(t, later, 1)).signature,
      }),
      /signature is not valid for/,
    );
  });
}

export function verifierSignedVerdictRelayed(ctx: SdkContext) {
  it("accepts a verifier-signed verdict relayed by anyone; a cancelled nonce is refused", async () => {
    const { t } = ctx;
    const verifier = t.verifier;
    const relayer = t.relayer;
    const cancelled = await verifier.signVerdict({ attestationId: ctx.signedId, approve: true });
    await verifier.cancelNonce();
    await rejects(relayer.relayVerdict(cancelled), /not the current one/);
    const reasonHash = sha256(toHex("the meter readings do not add up"));
    const signed = await verifier.signVerdict({ attestationId: ctx.signedId, approve: false, reasonHash });
    await relayer.relayVerdict(signed);
    assert.equal((await relayer.getAttestation(ctx.signedId)).status, Status.REJECTED);
  });
}

export function submitVerifiedAndUpheldDispute(ctx: SdkContext) {
  it("lands a verifier-signed attestation Verified with submitVerified; dispute upheld refunds the bond", async () => {
    const { t, attestation } = ctx;
    const owner = t.owner;
    const verifier = t.verifier;
    const challenger = t.relayer;
    const admin = t.admin;
    const signed = await verifier.signVerifiedAttestation(attestation({ kind: Kind.INFERENCE }));
    const r = await owner.submitVerified(signed);
    const id = r.result.id;
    assert.equal((await owner.getAttestation(id)).status, Status.VERIFIED);
    assert.ok(r.result.finalAt);

    const params = await owner.getParams();
    await rejects(challenger.dispute({ id, reasonURI: "ipfs://why", bond: 1n }), /needs a bond of exactly/);
    await challenger.dispute({ id, reasonURI: "ipfs://why" });
    assert.equal((await owner.getAttestation(id)).status, Status.DISPUTED);
    await rejects(challenger.upholdDispute({ id }), /lacks the arbiter \(ARBITER_ROLE\) role/);
    await admin.upholdDispute({ id });
    assert.equal((await owner.getAttestation(id)).status, Status.INVALIDATED);
    assert.equal((await owner.verifierRecord(t.addr.verifier)).invalidatedVerdicts, 1n);
    assert.equal(await owner.refundOf(t.addr.relayer), params.disputeBond);
    const refund = await challenger.withdrawRefund();
    assert.equal(refund.result.amount, params.disputeBond);
  });
}

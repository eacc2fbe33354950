// The SDK client on anvil (test/sdk/client.test.ts): a model and its attestations: register, validate before
// sending, decoded reverts, submit, verify, claim the SPEC 6 reward, seal training.
import assert from "node:assert/strict";
import { it } from "node:test";
import { keccak256, sha256, toHex } from "viem";
import { GreenprintValidationError } from "../../lib/client";
import { attestationId } from "../../lib/eip712";
import { attestationReward, locationEmissionsG, marketEmissionsG, verifierShare } from "../../lib/formulas";
import { Method, Status } from "../../lib/spec";
import { rejects, type SdkContext } from "./sdkContext";

export function registerModel(ctx: SdkContext) {
  it("registers a model (preview sends nothing)", async () => {
    const { t } = ctx;
    const owner = t.owner;
    const input = {
      metadataURI: "ipfs://meta",
      metadataHash: sha256(toHex("meta")),
      parameterCount: 7_000_000_000n,
    };
    const preview = await owner.registerModel.preview(input);
    assert.equal(preview.result?.modelId, 1n);
    assert.ok(preview.gas > 21_000n);
    assert.equal(await owner.totalModels(), 0n);
    const r = await owner.registerModel(input);
    ctx.modelId = r.result.modelId;
    assert.equal(ctx.modelId, 1n);
    assert.ok(r.gasUsed > 0n);
    const m = await owner.getModel(ctx.modelId);
    assert.equal(m.owner, t.addr.owner);
    assert.equal(m.parameterCount, 7_000_000_000n);
  });
}

export function validateBeforeSending(ctx: SdkContext) {
  it("validates before sending: nothing is sent when invalid", async () => {
    const { t, attestation, now } = ctx;
    const owner = t.owner;
    const nonceBefore = await t.publicClient.getTransactionCount({ address: t.addr.owner });
    const error = await rejects(owner.submitAttestation(attestation({ pueMilli: 6000n })), /pueMilli/);
    assert.ok(error instanceof GreenprintValidationError);
    await rejects(
      owner.submitAttestation(attestation({ periodEnd: now + 10_000n })),
      /only past periods can be attested/,
    );
    assert.equal(await t.publicClient.getTransactionCount({ address: t.addr.owner }), nonceBefore);
  });
}

export function decodeReverts(ctx: SdkContext) {
  it("decodes reverts, including errors bubbling up from another contract", async () => {
    const { t, attestation } = ctx;
    await rejects(
      t.relayer.submitAttestation(attestation()),
      new RegExp(`Account ${t.addr.relayer} does not own model 1\\.`),
    );
    await rejects(t.owner.submitAttestation(attestation({ modelId: 99n })), /^Model 99 does not exist\.$/);
    await rejects(t.owner.sealTraining({ modelId: 5n }), /Model 5 does not exist/);
  });
}

export function submitVerifyClaim(ctx: SdkContext) {
  it("submits, verifies, reaches Final after the window and claims the SPEC 6 reward", async () => {
    const { t, attestation } = ctx;
    const owner = t.owner;
    const verifier = t.verifier;
    const input = attestation();
    const sub = await owner.submitAttestation(input);
    ctx.firstId = sub.result.id;
    assert.equal(ctx.firstId, attestationId(sub.result.attestation));
    assert.equal(ctx.firstId, await owner.attestationIdOnChain(sub.result.attestation));
    // SPEC 4 (v1.1): workUnits is part of the id and comes back in the AttestationSubmitted event
    assert.equal(sub.result.attestation.workUnits, 2_000_000_000_000n);
    const [listed] = await owner.listSubmittedAttestations({ id: ctx.firstId });
    assert.equal(listed?.attestation.workUnits, 2_000_000_000_000n);
    assert.equal(sub.result.locationEmissionsG, locationEmissionsG(1_000_000n, 300n));
    assert.equal(sub.result.marketEmissionsG, marketEmissionsG(1_000_000n, 300n, 2500n));
    assert.equal(sub.result.totalG, locationEmissionsG(1_000_000n, 300n) + 1234n);
    // the outcome is the event's named arguments only (not its indexed modelId and submitter)
    assert.deepEqual(Object.keys(sub.result), [
      "id",
      "attestation",
      "locationEmissionsG",
      "marketEmissionsG",
      "totalG",
    ]);
    assert.equal((await owner.getAttestation(ctx.firstId)).status, Status.SUBMITTED);

    await rejects(verifier.verify({ id: keccak256("0x01") }), /is None \(no such attestation\)/);
    const v = await verifier.verify({ id: ctx.firstId });
    assert.ok(v.result.finalAt > 0n);
    await rejects(owner.claimReward({ id: ctx.firstId }), /is Verified, not Final/);
    await t.increaseTime(61);
    assert.equal(await owner.effectiveStatus(ctx.firstId), Status.FINAL);
    const claim = await owner.claimReward({ id: ctx.firstId });
    const expected = attestationReward({
      energyWh: 1_000_000n,
      locationIntensity: 300n,
      renewableBps: 2500n,
      method: Method.METER,
    });
    assert.equal(claim.result.reward, expected);
    assert.equal(claim.result.verifierReward, verifierShare(expected));
    assert.deepEqual(Object.keys(claim.result), ["id", "reward", "verifier", "verifierReward"]);
    assert.equal(claim.result.id, ctx.firstId);
    assert.equal(claim.result.verifier.toLowerCase(), t.addr.verifier.toLowerCase());
    assert.equal(await owner.leafBalance(t.addr.owner), expected);
    assert.equal(await owner.leafBalance(t.addr.verifier), verifierShare(expected));
    await rejects(owner.claimReward({ id: ctx.firstId }), /already claimed/);
  });
}

export function sealTraining(ctx: SdkContext) {
  it("seals training: PRETRAINING is refused before sending", async () => {
    const { t, attestation, modelId, now } = ctx;
    const owner = t.owner;
    await owner.sealTraining({ modelId });
    assert.equal((await owner.getModel(modelId)).trainingSealed, true);
    await rejects(
      owner.submitAttestation(attestation({ periodStart: now - 80_000n, periodEnd: now - 70_000n })),
      /sealed/,
    );
    await rejects(owner.sealTraining({ modelId }), /already sealed/);
  });
}

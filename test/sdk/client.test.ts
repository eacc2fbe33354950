// The SDK client against a real anvil: every core action, EIP-712 signatures accepted by the
// contracts (owner-signed submit relayed, verifier-signed verdict relayed, submitVerified),
// replay and cancellation refused, reverts decoded into sentences, nothing sent when invalid.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { type Hex, keccak256, type PrivateKeyAccount, sha256, toHex } from "viem";
import {
  certificateRegistryName,
  certificateSerialHash,
  GreenprintTallyIncompleteError,
  GreenprintValidationError,
  ROLES,
} from "../../lib/client";
import { attestationId, submitAttestationTypedData, TYPE_STRINGS } from "../../lib/eip712";
import { explainError } from "../../lib/errors";
import {
  attestationReward,
  efficiencyBonusLeaf,
  locationEmissionsG,
  marketEmissionsG,
  verifierShare,
} from "../../lib/formulas";
import { CertificateKind, CertificateStatus, Kind, Method, Status } from "../../lib/spec";
import type { AttestationFormInput } from "../../lib/validation";
import { startTestChain, type TestChain } from "./chain";

let t: TestChain;

/** The owner's submission signed for another chain id (replay across chains must fail). */
async function signForChain(input: AttestationFormInput, chainId: number) {
  const owner = t.owner;
  const attestation = await owner.prepareAttestation(input);
  const domain = { ...(await owner.eip712Domain()), chainId };
  const nonce = await owner.nonces(t.addr.owner);
  const deadline = (await owner.chainNow()) + 3600n;
  const signature = await (t.accounts[1] as PrivateKeyAccount).signTypedData(
    submitAttestationTypedData({ domain, attestation, nonce, deadline }),
  );
  return { signature };
}

async function rejects(p: Promise<unknown>, sentence: RegExp): Promise<unknown> {
  try {
    await p;
  } catch (error) {
    assert.match(explainError(error), sentence);
    return error;
  }
  assert.fail(`expected a failure matching ${sentence}`);
}

describe("SDK client on anvil", { timeout: 90_000 }, () => {
  let modelId: bigint;
  let now: bigint;
  // one evidence document per attestation (SPEC 4, v1.1): each call names a document of its own
  let documents = 0;
  const attestation = (over: Partial<AttestationFormInput> = {}): AttestationFormInput => ({
    modelId,
    kind: Kind.PRETRAINING,
    method: Method.METER,
    energyWh: 1_000_000n,
    pueMilli: 1100n,
    locationIntensity: 300n,
    renewableBps: 2500n,
    acceleratorHours: 512n,
    workUnits: 2_000_000_000_000n,
    embodiedG: 1234n,
    periodStart: now - 100_000n,
    periodEnd: now - 90_000n,
    region: "FR",
    evidenceHash: sha256(toHex(`evidence-${++documents}`)),
    evidenceURI: "https://example.org/evidence.json",
    ...over,
  });

  before(async () => {
    t = await startTestChain();
    now = await t.admin.chainNow();
    const admin = t.admin;
    await admin.accreditVerifier({ account: t.addr.verifier, name: "Test verifier", uri: "" });
  });
  after(async () => {
    await t?.stop();
  });

  it("the EIP-712 type strings equal the contract's constants", async () => {
    for (const name of Object.keys(TYPE_STRINGS) as (keyof typeof TYPE_STRINGS)[]) {
      const onChain = await t.publicClient.readContract({
        address: t.clients[0]?.addresses.AttestationRegistry as Hex,
        abi: [{ type: "function", name, stateMutability: "view", inputs: [], outputs: [{ type: "string" }] }],
        functionName: name,
      });
      assert.equal(TYPE_STRINGS[name], onChain, name);
    }
  });

  it("registers a model (preview sends nothing)", async () => {
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
    modelId = r.result.modelId;
    assert.equal(modelId, 1n);
    assert.ok(r.gasUsed > 0n);
    const m = await owner.getModel(modelId);
    assert.equal(m.owner, t.addr.owner);
    assert.equal(m.parameterCount, 7_000_000_000n);
  });

  it("validates before sending: nothing is sent when invalid", async () => {
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

  it("decodes reverts, including errors bubbling up from another contract", async () => {
    await rejects(
      t.relayer.submitAttestation(attestation()),
      new RegExp(`Account ${t.addr.relayer} does not own model 1\\.`),
    );
    await rejects(t.owner.submitAttestation(attestation({ modelId: 99n })), /^Model 99 does not exist\.$/);
    await rejects(t.owner.sealTraining({ modelId: 5n }), /Model 5 does not exist/);
  });

  let firstId: Hex;
  it("submits, verifies, reaches Final after the window and claims the SPEC 6 reward", async () => {
    const owner = t.owner;
    const verifier = t.verifier;
    const input = attestation();
    const sub = await owner.submitAttestation(input);
    firstId = sub.result.id;
    assert.equal(firstId, attestationId(sub.result.attestation));
    assert.equal(firstId, await owner.attestationIdOnChain(sub.result.attestation));
    // SPEC 4 (v1.1): workUnits is part of the id and comes back in the AttestationSubmitted event
    assert.equal(sub.result.attestation.workUnits, 2_000_000_000_000n);
    const [listed] = await owner.listSubmittedAttestations({ id: firstId });
    assert.equal(listed?.attestation.workUnits, 2_000_000_000_000n);
    assert.equal(sub.result.locationEmissionsG, locationEmissionsG(1_000_000n, 300n));
    assert.equal(sub.result.marketEmissionsG, marketEmissionsG(1_000_000n, 300n, 2500n));
    assert.equal(sub.result.totalG, locationEmissionsG(1_000_000n, 300n) + 1234n);
    assert.equal((await owner.getAttestation(firstId)).status, Status.SUBMITTED);

    await rejects(verifier.verify({ id: keccak256("0x01") }), /is None \(no such attestation\)/);
    const v = await verifier.verify({ id: firstId });
    assert.ok(v.result.finalAt > 0n);
    await rejects(owner.claimReward({ id: firstId }), /is Verified, not Final/);
    await t.increaseTime(61);
    assert.equal(await owner.effectiveStatus(firstId), Status.FINAL);
    const claim = await owner.claimReward({ id: firstId });
    const expected = attestationReward({
      energyWh: 1_000_000n,
      locationIntensity: 300n,
      renewableBps: 2500n,
      method: Method.METER,
    });
    assert.equal(claim.result.reward, expected);
    assert.equal(claim.result.verifierReward, verifierShare(expected));
    assert.equal(await owner.leafBalance(t.addr.owner), expected);
    assert.equal(await owner.leafBalance(t.addr.verifier), verifierShare(expected));
    await rejects(owner.claimReward({ id: firstId }), /already claimed/);
  });

  let signedId: Hex;
  it("accepts an owner-signed submission relayed by another account, and refuses its replay", async () => {
    const owner = t.owner;
    const relayer = t.relayer;
    const signed = await owner.signSubmission(attestation({ kind: Kind.FINETUNING }));
    assert.equal(signed.nonce, 0n);
    const r = await relayer.submitAttestationWithSig(signed);
    signedId = r.result.id;
    const submitted = await relayer.getSubmittedAttestation(signedId);
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
        signature: (await signForChain(later, 1)).signature,
      }),
      /signature is not valid for/,
    );
  });

  it("accepts a verifier-signed verdict relayed by anyone; a cancelled nonce is refused", async () => {
    const verifier = t.verifier;
    const relayer = t.relayer;
    const cancelled = await verifier.signVerdict({ attestationId: signedId, approve: true });
    await verifier.cancelNonce();
    await rejects(relayer.relayVerdict(cancelled), /not the current one/);
    const reasonHash = sha256(toHex("the meter readings do not add up"));
    const signed = await verifier.signVerdict({ attestationId: signedId, approve: false, reasonHash });
    await relayer.relayVerdict(signed);
    assert.equal((await relayer.getAttestation(signedId)).status, Status.REJECTED);
  });

  it("lands a verifier-signed attestation Verified with submitVerified; dispute upheld refunds the bond", async () => {
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

  it("records a certificate by its raw serial; it holds the serial until rejected or revoked", async () => {
    const owner = t.owner;
    const verifier = t.verifier;
    const input = {
      modelId,
      kind: CertificateKind.REC,
      amount: 500_000n,
      // another spelling of the registry and of the serial: the SDK sends the canonical forms
      registry: " irec ",
      serial: "  irec-2026-0001   to  0009 ",
      uri: "https://example.org/irec.pdf",
    };
    const r = await owner.recordCertificate(input);
    assert.equal(r.result.serial, "IREC-2026-0001 TO 0009");
    assert.equal(r.result.serialHash, certificateSerialHash("I-REC", "IREC-2026-0001 TO 0009"));
    assert.equal(r.result.id, await owner.certificateOf("I-REC", "irec-2026-0001 to 0009"));
    const recorded = r.events.find((e) => e.eventName === "CertificateRecorded")?.args ?? {};
    assert.equal(recorded.serial, "IREC-2026-0001 TO 0009");
    assert.equal(recorded.registry, certificateRegistryName("I-REC"));
    await verifier.confirmCertificate({ id: r.result.id });
    assert.equal((await owner.getCertificate(r.result.id)).status, CertificateStatus.CONFIRMED);
    // the same certificate under another spelling is the same serial: held
    await rejects(
      owner.recordCertificate({ ...input, registry: "I-REC Standard", serial: "IREC-2026-0001 TO 0009" }),
      /is already held by certificate/,
    );
    // an unknown registry label is refused by the contract
    await rejects(owner.recordCertificate({ ...input, registry: "Nowhere Registry" }), /is not accepted/);
    assert.equal(await owner.isIssuer("gold standard"), true);
    assert.equal(await owner.isIssuer("Nowhere Registry"), false);
    // the arbiter revokes it: the serial is free for a new record (a new id)
    await rejects(verifier.revokeCertificate({ id: r.result.id }), /lacks the arbiter \(ARBITER_ROLE\) role/);
    await t.admin.revokeCertificate({ id: r.result.id });
    assert.equal((await owner.getCertificate(r.result.id)).status, CertificateStatus.REVOKED);
    const again = await owner.recordCertificate(input);
    assert.notEqual(again.result.id, r.result.id);
    assert.equal((await owner.getCertificate(r.result.id)).status, CertificateStatus.NONE);
    await verifier.rejectCertificate({ id: again.result.id });
    await rejects(verifier.confirmCertificate({ id: again.result.id }), /is Rejected/);
    // governance accepts a new issuing registry
    await rejects(owner.setIssuer({ registry: "Isometric", accepted: true }), /lacks the admin/);
    await t.admin.setIssuer({ registry: "Isometric", accepted: true });
    assert.equal(await owner.isIssuer("Isometric"), true);
  });

  it("seals training: PRETRAINING is refused before sending", async () => {
    const owner = t.owner;
    await owner.sealTraining({ modelId });
    assert.equal((await owner.getModel(modelId)).trainingSealed, true);
    await rejects(
      owner.submitAttestation(attestation({ periodStart: now - 80_000n, periodEnd: now - 70_000n })),
      /sealed/,
    );
    await rejects(owner.sealTraining({ modelId }), /already sealed/);
  });

  it("admin: parameters, pause", async () => {
    const admin = t.admin;
    await rejects(admin.setChallengeWindow({ seconds: 1 }), /Parameter challengeWindow cannot be set to 1/);
    await admin.pause();
    await rejects(
      t.owner.registerModel({ metadataURI: "x", metadataHash: sha256("0x01"), parameterCount: 1n }),
      /paused/,
    );
    await admin.unpause();
    assert.equal(await admin.paused(), false);
  });

  it("efficiency bonus: requested by the owner, runs tallied in chunks from events, approved by a verifier", async () => {
    const { owner, verifier } = t;
    const hash = sha256(toHex("meta2"));
    const parent = (await owner.registerModel({ metadataURI: "p", metadataHash: hash, parameterCount: 100n }))
      .result.modelId;
    const child = (
      await owner.registerModel({
        metadataURI: "c",
        metadataHash: hash,
        parentId: parent,
        parameterCount: 120n,
      })
    ).result.modelId;
    const start = (await owner.chainNow()) - 50_000n;
    const runs: [bigint, bigint][] = [
      [parent, 2_000_000n],
      [parent, 1_000_000n],
      [child, 900_000n],
    ];
    let k = 0n;
    for (const [model, energyWh] of runs) {
      const sub = await owner.submitAttestation(
        attestation({
          modelId: model,
          energyWh,
          periodStart: start + k * 1000n,
          periodEnd: start + k * 1000n + 500n,
        }),
      );
      await verifier.verify({ id: sub.result.id });
      k++;
    }
    // verified, not Final yet: nothing can be tallied, and nothing is sent for approval
    assert.deepEqual(
      (await owner.trainingRuns(child)).map((r) => r.tally),
      ["notFinal"],
    );
    const incomplete = await rejects(
      verifier.tallyAndApproveEfficiencyBonus({ modelId: child }),
      new RegExp(`training tally of model ${child} is incomplete: 1 run\\(s\\) not Final yet`),
    );
    assert.ok(incomplete instanceof GreenprintTallyIncompleteError);
    assert.equal(incomplete.missing.length, 1);
    await t.increaseTime(61);
    await owner.sealTraining({ modelId: parent });
    await rejects(
      owner.requestEfficiencyBonus({ modelId: child }),
      new RegExp(`Model ${child} has not sealed its training`),
    );
    await owner.sealTraining({ modelId: child });
    await owner.requestEfficiencyBonus({ modelId: child });
    assert.equal(await owner.bonusState(child), 1);
    assert.deepEqual(
      (await owner.trainingRuns(parent)).map((r) => r.tally),
      ["ready", "ready"],
    );
    await rejects(
      verifier.approveEfficiencyBonus({ modelId: child }),
      new RegExp(`training tally of model ${child} is incomplete: 0 of its 1 live`),
    );
    const before = await owner.leafBalance(t.addr.owner);
    const { tallies, approval: paid } = await verifier.tallyAndApproveEfficiencyBonus({
      modelId: child,
      chunkSize: 1,
    });
    assert.equal(tallies.length, 3, "one transaction per run with chunks of 1");
    assert.deepEqual(await owner.trainingTally(parent), {
      energyWh: 3_000_000n,
      runs: 2n,
      liveRuns: 2n,
      complete: true,
    });
    assert.deepEqual(
      (await owner.trainingRuns(parent)).map((r) => r.tally),
      ["tallied", "tallied"],
    );
    const expected = efficiencyBonusLeaf(3_000_000n, 900_000n);
    assert.equal(paid.result.bonus, expected);
    assert.equal(paid.result.verifierReward, verifierShare(expected));
    assert.equal((await owner.leafBalance(t.addr.owner)) - before, expected);
    assert.equal(await owner.bonusState(child), 2);
    await rejects(owner.requestEfficiencyBonus({ modelId: child }), /already paid/);
  });

  // last: it revokes the verifier
  it("invalidateUnreviewed: the arbiter invalidates a revoked verifier's verdict inside its window; the period is free again", async () => {
    const { owner, verifier, admin, relayer } = t;
    const base = (await owner.chainNow()) - 60_000n;
    const period = (k: bigint) => ({ periodStart: base + k * 5_000n, periodEnd: base + (k + 1n) * 5_000n });
    const final = (await owner.submitAttestation(attestation({ kind: Kind.INFERENCE, ...period(0n) }))).result
      .id;
    await verifier.verify({ id: final });
    await t.increaseTime(61);
    const input = attestation({ kind: Kind.INFERENCE, ...period(1n) });
    const id = (await owner.submitAttestation(input)).result.id;
    await verifier.verify({ id });
    await rejects(admin.invalidateUnreviewed({ id }), /is still accredited/);
    await admin.revokeRole({ role: ROLES.VERIFIER_ROLE, account: t.addr.verifier });
    await rejects(relayer.invalidateUnreviewed({ id }), /lacks the arbiter \(ARBITER_ROLE\) role/);
    await rejects(admin.invalidateUnreviewed({ id: final }), /is Final, which does not allow this action/);
    const before = (await owner.verifierRecord(t.addr.verifier)).invalidatedVerdicts;
    const r = await admin.invalidateUnreviewed({
      id,
      rulingHash: sha256(toHex("verifier revoked for cause")),
    });
    assert.equal(r.result.verifier, t.addr.verifier);
    assert.equal((await owner.getAttestation(id)).status, Status.INVALIDATED);
    assert.equal((await owner.verifierRecord(t.addr.verifier)).invalidatedVerdicts, before + 1n);
    await rejects(admin.invalidateUnreviewed({ id }), /is Invalidated, which does not allow this action/);
    // SPEC 4 (v1.1): the invalidated period can be attested again (the SDK's own overlap check agrees)
    const again = await owner.submitAttestation({
      ...input,
      energyWh: 999_999n,
      evidenceHash: sha256(toHex("again")),
    });
    assert.equal((await owner.getAttestation(again.result.id)).status, Status.SUBMITTED);
  });
});

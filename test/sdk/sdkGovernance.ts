// The SDK client on anvil (test/sdk/client.test.ts): governance: parameters, pause, and the arbiter's
// invalidateUnreviewed.
import assert from "node:assert/strict";
import { it } from "node:test";
import { sha256, toHex } from "viem";
import { ROLES } from "../../lib/client";
import { Kind, Status } from "../../lib/spec";
import { rejects, type SdkContext } from "./sdkContext";

export function adminParametersPause(ctx: SdkContext) {
  it("admin: parameters, pause", async () => {
    const { t } = ctx;
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
}

// last: it revokes the verifier
export function invalidateUnreviewed(ctx: SdkContext) {
  it("invalidateUnreviewed: the arbiter invalidates a revoked verifier's verdict inside its window; the period is free again", async () => {
    const { t, attestation } = ctx;
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
}

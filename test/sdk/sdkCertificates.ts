// The SDK client on anvil (test/sdk/client.test.ts): certificates by their raw serial (SPEC 8).
import assert from "node:assert/strict";
import { it } from "node:test";
import { certificateRegistryName, certificateSerialHash } from "../../lib/client";
import { CertificateKind, CertificateStatus } from "../../lib/spec";
import { rejects, type SdkContext } from "./sdkContext";

export function certificateHoldsItsSerial(ctx: SdkContext) {
  it("records a certificate by its raw serial; it holds the serial until rejected or revoked", async () => {
    const { t, modelId } = ctx;
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
}

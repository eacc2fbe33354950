// CertificateRegistry handlers (SPEC 8, v1.1). One row per record: a Rejected or Revoked certificate frees its
// serial, which a later record (a new id) can hold again. Only Confirmed certificates count in the model's
// recWh / creditsG (the market-based net), so confirming adds the amount and revoking takes it back.
import { ponder } from "ponder:registry";
import { certificate } from "ponder:schema";
import { serialRangeColumns } from "../../lib/certificateSerials";
import { CertificateStatus } from "../../lib/spec";
import { addToModel, bumpStats, bumpVerifier, bytes32Text, type Ctx, type Ev, recordActivity } from "./store";

type Hex = `0x${string}`;
interface CertificateRow {
  modelId: bigint;
  kind: number;
  amount: bigint;
}

/** Adds (sign 1) or removes (sign -1) a Confirmed certificate's amount from its model's totals. */
async function countConfirmed(context: Ctx, event: Ev, c: CertificateRow, sign: 1n | -1n) {
  await addToModel(
    context,
    event,
    c.modelId,
    c.kind === 0 ? { recWh: sign * c.amount } : { creditsG: sign * c.amount },
  );
}

ponder.on("CertificateRegistry:CertificateRecorded", async ({ event, context }) => {
  const a = event.args;
  await context.db.insert(certificate).values({
    id: a.id,
    modelId: a.modelId,
    submitter: a.submitter.toLowerCase() as Hex,
    kind: a.kind,
    amount: a.amount,
    registry: bytes32Text(a.registry),
    registryHex: a.registry,
    serialHash: a.serialHash,
    serial: a.serial,
    uri: a.uri,
    status: CertificateStatus.PENDING,
    verifier: null,
    reasonHash: null,
    revokedBy: null,
    recordedAt: event.block.timestamp,
    recordedBlock: event.block.number,
    updatedAt: event.block.timestamp,
    ...serialRangeColumns(bytes32Text(a.registry), a.serial),
  });
  await bumpStats(context, event, { certificates: 1 });
  await recordActivity(context, event, "CertificateRecorded", {
    modelId: a.modelId,
    actor: a.submitter,
    amount: a.amount,
  });
});

ponder.on("CertificateRegistry:CertificateConfirmed", async ({ event, context }) => {
  const { id, verifier: by } = event.args;
  const c = await context.db.update(certificate, { id }).set({
    status: CertificateStatus.CONFIRMED,
    verifier: by.toLowerCase() as Hex,
    updatedAt: event.block.timestamp,
  });
  await countConfirmed(context, event, c, 1n);
  await bumpVerifier(context, by.toLowerCase() as Hex, event.block.timestamp, { certificatesConfirmed: 1 });
  await bumpStats(context, event);
  await recordActivity(context, event, "CertificateConfirmed", {
    modelId: c.modelId,
    actor: by,
    amount: c.amount,
  });
});

ponder.on("CertificateRegistry:CertificateRejected", async ({ event, context }) => {
  const { id, verifier: by, reasonHash } = event.args;
  const c = await context.db.update(certificate, { id }).set({
    status: CertificateStatus.REJECTED,
    verifier: by.toLowerCase() as Hex,
    reasonHash,
    updatedAt: event.block.timestamp,
  });
  await bumpVerifier(context, by.toLowerCase() as Hex, event.block.timestamp, { certificatesRejected: 1 });
  await bumpStats(context, event);
  await recordActivity(context, event, "CertificateRejected", { modelId: c.modelId, actor: by });
});

ponder.on("CertificateRegistry:CertificateRevoked", async ({ event, context }) => {
  const { id, arbiter, reasonHash } = event.args;
  const c = await context.db.update(certificate, { id }).set({
    status: CertificateStatus.REVOKED,
    revokedBy: arbiter.toLowerCase() as Hex,
    reasonHash,
    updatedAt: event.block.timestamp,
  });
  await countConfirmed(context, event, c, -1n);
  await bumpStats(context, event);
  await recordActivity(context, event, "CertificateRevoked", { modelId: c.modelId, actor: arbiter });
});

// Governance's list of accepted issuing registries: read from the chain (`isIssuer`) where needed.
ponder.on("CertificateRegistry:CertificateIssuerSet", async ({ event, context }) => {
  await bumpStats(context, event);
});

// The work queues and feeds: attestations (the verifiers' queue), certificates, disputes, activity.
import { db } from "ponder:api";
import schema from "ponder:schema";
import { Hono } from "hono";
import { and, asc, count, eq, inArray } from "ponder";
import {
  activityQuery,
  attestationsQuery,
  certificatesQuery,
  disputesQuery,
  parseParams,
} from "../../../lib/api/queries";
import type { Activity, AttestationList, CertificateList, DisputeList } from "../../../lib/indexer/client";
import { feedEntries } from "./activityFeed";
import { attestationJson, disputeJson, statusCondition, str } from "./attestations";
import { certificateJson, certificateStatusNumber } from "./certificates";
import { v1Json } from "./envelope";
import { badRequest, pageOf } from "./http";
import { snapshot } from "./snapshot";

const routes = new Hono();

// Attestations across models, oldest first: `status=SUBMITTED` is the verifiers' queue.
routes.get("/api/v1/attestations", async (c) => {
  const parsed = parseParams(attestationsQuery, new URL(c.req.url).searchParams);
  if (!parsed.ok) return badRequest(c, parsed);
  const { status: statuses, model: modelId, verifier, ...paging } = parsed.value;
  const s = await snapshot();
  const where = and(
    statuses === undefined ? undefined : statusCondition(statuses, s.sync.now),
    modelId === undefined ? undefined : eq(schema.attestation.modelId, modelId),
    verifier === undefined ? undefined : eq(schema.attestation.verifier, verifier),
  );
  const { list, ...envelope } = await pageOf(
    db
      .select()
      .from(schema.attestation)
      .where(where)
      .orderBy(asc(schema.attestation.submittedBlock), asc(schema.attestation.id)),
    db.select({ n: count() }).from(schema.attestation).where(where),
    paging,
  );
  return v1Json<AttestationList>(c, s.sync, {
    ...envelope,
    attestations: list.map((a) => ({
      ...attestationJson(a, s.sync.now),
      modelName: s.models.get(a.modelId)?.name ?? null,
    })),
  });
});

// Certificates, oldest first; `status=PENDING` is the verifiers' certificate queue (SPEC 8).
routes.get("/api/v1/certificates", async (c) => {
  const parsed = parseParams(certificatesQuery, new URL(c.req.url).searchParams);
  if (!parsed.ok) return badRequest(c, parsed);
  const { status: statuses, model: modelId, ...paging } = parsed.value;
  const s = await snapshot();
  const where = and(
    statuses === undefined
      ? undefined
      : inArray(schema.certificate.status, statuses.map(certificateStatusNumber)),
    modelId === undefined ? undefined : eq(schema.certificate.modelId, modelId),
  );
  const { list, ...envelope } = await pageOf(
    db
      .select()
      .from(schema.certificate)
      .where(where)
      .orderBy(asc(schema.certificate.recordedBlock), asc(schema.certificate.id)),
    db.select({ n: count() }).from(schema.certificate).where(where),
    paging,
  );
  return v1Json<CertificateList>(c, s.sync, {
    ...envelope,
    certificates: list.map((row) => ({
      ...certificateJson(row),
      modelName: s.models.get(row.modelId)?.name ?? null,
    })),
  });
});

// Disputes, oldest first; `outcome=open` is the arbiters' queue.
routes.get("/api/v1/disputes", async (c) => {
  const parsed = parseParams(disputesQuery, new URL(c.req.url).searchParams);
  if (!parsed.ok) return badRequest(c, parsed);
  const { outcome: outcomes, ...paging } = parsed.value;
  const s = await snapshot();
  const where = outcomes === undefined ? undefined : inArray(schema.dispute.outcome, outcomes);
  const { list, ...envelope } = await pageOf(
    db
      .select()
      .from(schema.dispute)
      .where(where)
      .orderBy(asc(schema.dispute.openedBlock), asc(schema.dispute.id)),
    db.select({ n: count() }).from(schema.dispute).where(where),
    paging,
  );
  return v1Json<DisputeList>(c, s.sync, {
    ...envelope,
    disputes: list.map((d) => ({ ...disputeJson(d), modelName: s.models.get(d.modelId)?.name ?? null })),
  });
});

// Recent activity across the protocol, newest first; `model` narrows it to one model.
routes.get("/api/v1/activity", async (c) => {
  const parsed = parseParams(activityQuery, new URL(c.req.url).searchParams);
  if (!parsed.ok) return badRequest(c, parsed);
  const { limit, model: modelId } = parsed.value;
  const s = await snapshot();
  const list = await feedEntries(limit, modelId);
  return v1Json<Activity>(c, s.sync, {
    activity: list.map((a) => ({
      id: a.id,
      type: a.type,
      modelId: a.modelId.toString(),
      modelName: s.models.get(a.modelId)?.name ?? null,
      attestationId: a.attestationId,
      actor: a.actor,
      amount: str(a.amount),
      block: a.blockNumber.toString(),
      timestamp: a.timestamp.toString(),
      transactionHash: a.transactionHash,
    })),
  });
});

export default routes;

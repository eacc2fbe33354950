// The explorer's answers: one attestation with everything a visitor needs to judge it (history
// with transaction hashes, verifier by name, disputes, rewards), and what one address did in the
// protocol. Mounted on the main app (index.ts), so its /api/v1 middleware (chain check, no-store)
// applies here too.
import { db } from "ponder:api";
import schema from "ponder:schema";
import { type Context, Hono } from "hono";
import { count, desc, eq, or } from "ponder";
import { parseParams, pathParams } from "../../../lib/api/queries";
import { ADDRESS_LIST_LIMIT } from "../../../lib/api/vocabulary";
import type { AddressActivity, AttestationDetail } from "../../../lib/indexer/explorer";
import { CERTIFICATE_STATUS_NAMES, type CertificateStatus, Status } from "../../../lib/spec";
import { parseHistory } from "../lib/jsonText";
import { attestationJson, disputeJson, effectiveStatus } from "./attestations";
import { v1Json } from "./envelope";
import { disputesOldestFirst, rewardsOldestFirst } from "./oldestFirst";
import { protocolParams } from "./params";
import { claimRewardWei, rewardJson } from "./rewards";
import { snapshot } from "./snapshot";
import { verifierJson } from "./verifiers";

type VerifierRow = typeof schema.verifier.$inferSelect;
/** A SQL condition (drizzle's SQL type, which ponder does not re-export). */
type Condition = ReturnType<typeof eq>;

function error(c: Context, status: 400 | 404, code: string, message: string, param?: string) {
  return c.json({ error: { code, ...(param ? { param } : {}), message } }, status);
}

/** Every accredited (or once accredited) verifier by address, for naming actors. */
async function verifierNames(): Promise<Map<string, VerifierRow>> {
  const list = await db.select().from(schema.verifier);
  return new Map(list.map((v) => [v.address, v]));
}

const explorer = new Hono();

explorer.get("/api/v1/attestations/:id", async (c) => {
  const path = parseParams(pathParams.attestationId, { id: c.req.param("id") });
  if (!path.ok) return error(c, 400, "bad_parameter", path.message, path.param);
  const { id } = path.value;
  const s = await snapshot();
  const [a] = await db.select().from(schema.attestation).where(eq(schema.attestation.id, id));
  if (!a)
    return error(
      c,
      404,
      "not_found",
      `No attestation ${id} (indexed up to block ${s.sync.block.number}): it was never submitted on chain ${s.sync.chainId}, or its block is not indexed yet.`,
    );
  const [disputes, rewards, verifiers, params] = await Promise.all([
    disputesOldestFirst(eq(schema.dispute.attestationId, id)),
    rewardsOldestFirst(eq(schema.reward.attestationId, id)),
    verifierNames(),
    protocolParams(),
  ]);
  const view = attestationJson(a, s.sync.now);
  const m = s.models.get(a.modelId);
  const profile = a.verifier ? verifiers.get(a.verifier) : undefined;
  // Names of the accounts that acted on it (verifiers by their registry profile).
  const history = parseHistory(a.history);
  const actors = new Set([a.submitter, a.verifier, ...history.map((h) => h.actor)]);
  const names: Record<string, string> = {};
  for (const actor of actors) {
    const v = actor ? verifiers.get(actor) : undefined;
    if (v?.name) names[v.address] = v.name;
  }
  const status = effectiveStatus(a.status, a.finalAt, s.sync.now);
  // What the owner is (or was) paid: the claim's figure once claimed; otherwise what a claim
  // at today's parameters would pay (a superseding one is paid less its predecessor's: unknown here).
  const projectedRewardWei =
    a.claimed || a.supersedes !== null || status === Status.REJECTED || status === Status.INVALIDATED
      ? null
      : claimRewardWei(a, params);
  return v1Json<AttestationDetail>(c, s.sync, {
    attestation: {
      ...view,
      logIndexes: history.map((h) => h.logIndex),
      model: m ? { id: m.id.toString(), name: m.name, owner: m.owner } : { id: a.modelId.toString() },
      verifierProfile: profile ? verifierJson(profile) : null,
      actorNames: names,
      // Seconds of window left while Disputed (it resumes on dismissal); finalAt otherwise.
      remainingWindow: a.remainingWindow === null ? null : a.remainingWindow.toString(),
      challengeWindowSeconds: params.challengeWindowSeconds.toString(),
      projectedRewardWei,
    },
    disputes: disputes.map(disputeJson),
    rewards: rewards.map(rewardJson),
  });
});

explorer.get("/api/v1/addresses/:address", async (c) => {
  const path = parseParams(pathParams.address, { address: c.req.param("address") });
  if (!path.ok) return error(c, 400, "bad_parameter", path.message, path.param);
  const { address } = path.value;
  const s = await snapshot();
  const A = schema.attestation;
  const D = schema.dispute;
  const limit = ADDRESS_LIST_LIMIT;
  // The address's part in attestations (as submitter, as verifier) and disputes (as challenger,
  // as arbiter): newest first, at most `limit` of each.
  const newestAttestations = (where: Condition) =>
    db.select().from(A).where(where).orderBy(desc(A.submittedBlock), desc(A.id)).limit(limit);
  const newestDisputes = (where: Condition) =>
    db.select().from(D).where(where).orderBy(desc(D.openedBlock)).limit(limit);
  const [
    submitted,
    [submittedCount],
    judged,
    [judgedCount],
    opened,
    ruled,
    certificates,
    paid,
    [verifierRow],
  ] = await Promise.all([
    newestAttestations(eq(A.submitter, address)),
    db.select({ n: count() }).from(A).where(eq(A.submitter, address)),
    newestAttestations(eq(A.verifier, address)),
    db.select({ n: count() }).from(A).where(eq(A.verifier, address)),
    newestDisputes(eq(D.challenger, address)),
    newestDisputes(eq(D.arbiter, address)),
    db
      .select()
      .from(schema.certificate)
      .where(eq(schema.certificate.submitter, address))
      .orderBy(desc(schema.certificate.recordedBlock))
      .limit(limit),
    db
      .select()
      .from(schema.reward)
      .where(or(eq(schema.reward.owner, address), eq(schema.reward.verifier, address)))
      .orderBy(desc(schema.reward.blockNumber)),
    db.select().from(schema.verifier).where(eq(schema.verifier.address, address)),
  ]);
  const now = s.sync.now;
  const modelName = (id: bigint) => s.models.get(id)?.name ?? null;
  const owned = [...s.models.values()]
    .filter((m) => m.owner === address)
    .sort((x, y) => (x.id < y.id ? -1 : 1));
  let ownerWei = 0n;
  let verifierWei = 0n;
  for (const r of paid) {
    if (r.owner === address) ownerWei += r.amountWei;
    if (r.verifier === address) verifierWei += r.verifierAmountWei;
  }
  return v1Json<AddressActivity>(c, s.sync, {
    address,
    models: owned.map((m) => ({
      id: m.id.toString(),
      name: m.name,
      organization: m.organization,
      attestationCount: m.attestationCount,
      trainingSealed: m.trainingSealed,
    })),
    attestations: {
      total: submittedCount?.n ?? 0,
      list: submitted.map((a) => ({ ...attestationJson(a, now), modelName: modelName(a.modelId) })),
    },
    verifier: verifierRow ? verifierJson(verifierRow) : null,
    verdicts: {
      total: judgedCount?.n ?? 0,
      list: judged.map((a) => {
        // The verdict is the address's own history entry: verified or rejected, with its transaction.
        const entry = parseHistory(a.history)
          .reverse()
          .find(
            (h) =>
              h.actor === address && (h.event === "AttestationVerified" || h.event === "AttestationRejected"),
          );
        return {
          attestationId: a.id,
          modelId: a.modelId.toString(),
          modelName: modelName(a.modelId),
          verdict: entry?.event === "AttestationRejected" ? "rejected" : "verified",
          status: attestationJson(a, now).status,
          invalidated: a.status === Status.INVALIDATED,
          block: entry?.block ?? null,
          timestamp: entry?.timestamp ?? null,
          transactionHash: entry?.tx ?? null,
        };
      }),
    },
    disputesOpened: opened.map((d) => ({ ...disputeJson(d), modelName: modelName(d.modelId) })),
    rulings: ruled.map((d) => ({ ...disputeJson(d), modelName: modelName(d.modelId) })),
    certificates: certificates.map((cert) => ({
      id: cert.id,
      modelId: cert.modelId.toString(),
      modelName: modelName(cert.modelId),
      kind: cert.kind === 0 ? "REC" : "CARBON_CREDIT",
      amount: cert.amount.toString(),
      unit: cert.kind === 0 ? "Wh" : "gCO2e",
      registry: cert.registry,
      // The same names as the certificates list (PENDING, CONFIRMED, REJECTED, REVOKED).
      status: CERTIFICATE_STATUS_NAMES[cert.status as CertificateStatus],
      recordedAt: cert.recordedAt.toString(),
    })),
    leaf: {
      earnedWei: (ownerWei + verifierWei).toString(),
      asOwnerWei: ownerWei.toString(),
      asVerifierWei: verifierWei.toString(),
      payments: paid.map(rewardJson),
    },
  });
});

export default explorer;

// GET /api/v1/models and /api/v1/models/{id}: the models list and one model with its figures.
import { db } from "ponder:api";
import schema from "ponder:schema";
import { Hono } from "hono";
import { asc, eq } from "ponder";
import { modelsQuery, parseParams, pathParams } from "../../../lib/api/queries";
import type { ModelDetail, ModelList, ModelSummary } from "../../../lib/indexer/client";
import { KIND_NAMES } from "../../../lib/spec";
import { derive } from "../lib/aggregate";
import { attestationJson, disputeJson, str } from "./attestations";
import { certificateJson } from "./certificates";
import { v1Json } from "./envelope";
import { figuresJson, totalsJson } from "./figures";
import { badRequest } from "./http";
import { disputesOldestFirst, rewardsOldestFirst } from "./oldestFirst";
import { protocolParams } from "./params";
import { claimRewardWei, modelRewardJson } from "./rewards";
import { loadSelfReported } from "./selfReported";
import { type Include, type Snapshot, snapshot, sumsOf } from "./snapshot";

const routes = new Hono();

function aggregateJson(s: Snapshot, id: bigint, include: Include, parameterCount: bigint, creditsG: bigint) {
  const { sums, unfinal } = sumsOf(s, id, include, [0, 1, 2]);
  const d = derive(sums, parameterCount, creditsG);
  const byKind: Record<string, unknown> = {};
  for (const k of [0, 1, 2]) {
    const one = sumsOf(s, id, include, [k]).sums;
    if (one.count > 0) {
      byKind[KIND_NAMES[k as 0 | 1 | 2]] = {
        attestations: one.count,
        energyWh: one.energyWh.toString(),
        locationEmissionsG: one.locationG.toString(),
        totalG: derive(one, parameterCount, 0n).totalG.toString(),
      };
    }
  }
  return {
    include,
    ...totalsJson(sums, d),
    intensity: d.intensity.toString(),
    grade: d.grade,
    renewableBps: d.renewableBps.toString(),
    gPerBillionParams: str(d.gPerBillionParams),
    marketNetG: d.marketNetG.toString(),
    leafEarnedWei: sums.leafWei.toString(),
    methods: { METER: sums.meter, SOFTWARE: sums.software, ESTIMATE: sums.estimate },
    verifiers: Object.keys(sums.verifiers).sort(),
    regions: Object.keys(sums.regions).sort(),
    includesUnfinal: unfinal,
    byKind,
  };
}

function modelSummary(m: typeof schema.model.$inferSelect): ModelSummary {
  return {
    id: m.id.toString(),
    name: m.name,
    version: m.version,
    organization: m.organization,
    task: m.task,
    label: m.label,
    owner: m.owner,
    registrant: m.registrant,
    parentId: m.parentId === 0n ? null : m.parentId.toString(),
    parameterCount: m.parameterCount.toString(),
    sizeClass: m.sizeClass,
    metadataHash: m.metadataHash,
    metadataURI: m.metadataURI,
    trainingSealed: m.trainingSealed,
    sealedAt: str(m.sealedAt),
    attestationCount: m.attestationCount,
    registered: {
      block: m.registeredBlock.toString(),
      timestamp: m.registeredAt.toString(),
      transactionHash: m.registeredTx,
    },
  };
}

routes.get("/api/v1/models", async (c) => {
  const parsed = parseParams(modelsQuery, new URL(c.req.url).searchParams);
  if (!parsed.ok) return badRequest(c, parsed);
  const { page, pageSize } = parsed.value;
  const owner = parsed.value.owner ?? null;
  const q = parsed.value.q ?? null;
  const s = await snapshot();
  await loadSelfReported(s);
  const all = [...s.models.values()]
    .filter(
      (m) =>
        (owner === null || m.owner === owner) &&
        (q === null || `${m.name ?? ""} ${m.organization ?? ""}`.toLowerCase().includes(q)),
    )
    .sort((a, b) => (a.id < b.id ? 1 : -1));
  const start = (page - 1) * pageSize;
  return v1Json<ModelList>(c, s.sync, {
    page,
    pageSize,
    total: all.length,
    models: all.slice(start, start + pageSize).map((m) => {
      const agg = sumsOf(s, m.id, "final", [0, 1, 2]).sums;
      const d = derive(agg, m.parameterCount, m.creditsG);
      return {
        ...modelSummary(m),
        grade: d.grade,
        totalG: d.totalG.toString(),
        finalAttestations: agg.count,
        /** Energy and emissions on the strongest basis the model has, named in `figures.counting`. */
        figures: figuresJson(s, m),
      };
    }),
  });
});

routes.get("/api/v1/models/:id", async (c) => {
  const path = parseParams(pathParams.modelId, { id: c.req.param("id") });
  if (!path.ok) return badRequest(c, path);
  const { id } = path.value;
  const s = await snapshot();
  const m = s.models.get(id);
  if (!m)
    return c.json(
      {
        error: { code: "not_found", message: `No model ${id} (indexed up to block ${s.sync.block.number}).` },
      },
      404,
    );
  const [atts, certs, rewards, disputes, children, params] = await Promise.all([
    db
      .select()
      .from(schema.attestation)
      .where(eq(schema.attestation.modelId, id))
      .orderBy(asc(schema.attestation.submittedBlock), asc(schema.attestation.id)),
    db
      .select()
      .from(schema.certificate)
      .where(eq(schema.certificate.modelId, id))
      .orderBy(asc(schema.certificate.recordedBlock)),
    rewardsOldestFirst(eq(schema.reward.modelId, id)),
    disputesOldestFirst(eq(schema.dispute.modelId, id)),
    db.select().from(schema.model).where(eq(schema.model.parentId, id)).orderBy(asc(schema.model.id)),
    protocolParams(),
  ]);
  // Lineage: ancestors up to the root (parents always have smaller ids, so this terminates).
  const ancestors: ReturnType<typeof modelSummary>[] = [];
  let parent = m.parentId;
  while (parent !== 0n && ancestors.length < 64) {
    const p = s.models.get(parent);
    if (!p) break;
    ancestors.push(modelSummary(p));
    parent = p.parentId;
  }
  const now = s.sync.now;
  const certJson = certs.map(certificateJson);
  await loadSelfReported(s);
  return v1Json<ModelDetail>(c, s.sync, {
    model: {
      ...modelSummary(m),
      aggregates: {
        final: aggregateJson(s, id, "final", m.parameterCount, m.creditsG),
        verified: aggregateJson(s, id, "verified", m.parameterCount, m.creditsG),
      },
      figures: figuresJson(s, m),
      certificatesTotal: { recWh: m.recWh.toString(), creditsG: m.creditsG.toString() },
      efficiencyBonus: {
        state: (["NONE", "REQUESTED", "PAID"] as const)[m.bonusState as 0 | 1 | 2],
        bonusWei: m.bonusWei.toString(),
        verifierRewardWei: m.bonusVerifierWei.toString(),
        // SPEC 6 (v1.1): the running sum the approval reads; complete when runs equals the live PRETRAINING runs
        tally: { energyWh: m.tallyWh.toString(), runs: m.tallyRuns },
      },
      rewardsWei: m.rewardsWei.toString(),
    },
    lineage: {
      ancestors,
      children: children.map(modelSummary),
    },
    attestations: atts.map((a) => {
      const view = attestationJson(a, now);
      // What a claim would pay the owner now (SPEC 6, current parameters). A superseding
      // attestation is paid less what its chain already paid: not derivable from one row, so null.
      const claimable = view.status === "FINAL" && !a.claimed && a.supersedes === null;
      const claimableWei = claimable ? claimRewardWei(a, params) : null;
      return { ...view, claimableWei };
    }),
    certificates: certJson,
    rewards: rewards.map(modelRewardJson),
    disputes: disputes.map(disputeJson),
  });
});

export default routes;

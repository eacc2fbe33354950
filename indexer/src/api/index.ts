// Public, versioned JSON API (served by Ponder on its port; the web app rewrites /api/v1/* here).
import { db } from "ponder:api";
import schema from "ponder:schema";
import { type Context, Hono } from "hono";
import { and, asc, count, desc, eq, graphql, inArray, or } from "ponder";
import { attestationReward } from "../../../lib/formulas";
import { GRADE_COLOURS, KIND_NAMES, METHOD_NAMES, type Method, NO_GRADE_COLOUR } from "../../../lib/spec";
import { derive } from "../lib/aggregate";
import {
  attestationJson,
  DISPUTE_OUTCOMES,
  disputeJson,
  FILTER_STATUSES,
  statusCondition,
  str,
} from "./attestations";
import { badgeSvg } from "./badge";
import { CERTIFICATE_FILTER_STATUSES, certificateJson, certificateStatusNumber } from "./certificates";
import { compareApp } from "./compare";
import explorer from "./explorer";
import { figuresJson } from "./figures";
import {
  BadParam,
  emissionsOf,
  type LeaderboardQuery,
  leaderboard,
  parseLeaderboardQuery,
  rowJson,
  SORT_COLUMNS,
  toCsv,
} from "./leaderboard";
import { protocolParams } from "./params";
import { loadSelfReported } from "./selfReported";
import { type Include, rows, type Snapshot, snapshot, sumsOf } from "./snapshot";
import { chainCheck, isReady, type SyncStatus, syncStatus } from "./sync";

const app = new Hono();

// GraphQL for ad-hoc exploration (ponder's generated schema), not part of the versioned API.
app.use("/graphql", graphql({ db, schema }));

function syncJson(sync: SyncStatus, warning?: string) {
  return {
    chainId: sync.chainId,
    block: sync.block,
    finalityClock: sync.now,
    ...(warning ? { warning } : {}),
  };
}

function bad(param: string, message: string) {
  return { error: { code: "bad_parameter", param, message } };
}

// Every v1 response says how far the index has synced; a replaced chain is refused with 503.
app.use("/api/v1/*", async (c, next) => {
  const check = await chainCheck();
  if (!check.ok) {
    return c.json({ error: { code: check.code, message: check.message } }, 503, {
      "Cache-Control": "no-store",
    });
  }
  c.set("warning" as never, ("warning" in check ? check.warning : undefined) as never);
  await next();
  c.header("Cache-Control", "no-store");
});

function warningOf(c: { get: (k: never) => unknown }): string | undefined {
  return c.get("warning" as never) as string | undefined;
}

/** A v1 answer: the version, how far the index has synced, then the endpoint's own fields. */
function v1Json(c: Context, sync: SyncStatus, fields: Record<string, unknown>) {
  return c.json({ apiVersion: "v1", sync: syncJson(sync, warningOf(c)), ...fields });
}

/** The 400 answer for the first query parameter that is not in `allowed`, or null. */
function unknownParam(c: Context, params: URLSearchParams, allowed: string[]) {
  for (const key of params.keys()) {
    if (!allowed.includes(key))
      return c.json(bad(key, `unknown parameter "${key}"; allowed: ${allowed.join(", ")}`), 400);
  }
  return null;
}

/** `page` (>= 1, default 1) and `pageSize` (1..100, default 50), or the 400 answer naming the bad one. */
function pageParams(c: Context, params: URLSearchParams) {
  const page = params.get("page") ?? "1";
  const pageSize = params.get("pageSize") ?? "50";
  if (!/^\d+$/.test(page) || Number(page) < 1)
    return c.json(bad("page", `page must be an integer >= 1, got "${page}"`), 400);
  if (!/^\d+$/.test(pageSize) || Number(pageSize) < 1 || Number(pageSize) > 100)
    return c.json(bad("pageSize", `pageSize must be an integer in 1..100, got "${pageSize}"`), 400);
  return { page: Number(page), pageSize: Number(pageSize) };
}

/** Comma-separated values of `name`, each checked against `allowed` (the 400 answer names the first wrong one). */
function listParam(c: Context, params: URLSearchParams, name: string, allowed: readonly string[]) {
  const raw = params.get(name);
  if (raw === null) return null;
  const values = raw.split(",").map((v) => v.trim());
  const wrong = values.find((v) => !allowed.includes(v));
  if (wrong !== undefined)
    return c.json(bad(name, `${name} "${wrong}" is not one of ${allowed.join(", ")}`), 400);
  return values;
}

/** The optional `model` filter: a model id, null when absent, or the 400 answer naming it. */
function modelParam(c: Context, params: URLSearchParams) {
  const raw = params.get("model");
  if (raw === null) return null;
  return parseId(raw) ?? c.json(bad("model", `model must be a positive integer model id, got "${raw}"`), 400);
}

/**
 * One page of `rows` (an ordered query) and how many rows match in all (`total`, a count query
 * with the same filter): the list endpoints' common envelope.
 */
async function pageOf<R>(
  rows: { limit(n: number): { offset(n: number): PromiseLike<R[]> } },
  total: PromiseLike<{ n: number }[]>,
  { page, pageSize }: { page: number; pageSize: number },
) {
  const [list, [counted]] = await Promise.all([rows.limit(pageSize).offset((page - 1) * pageSize), total]);
  return { page, pageSize, total: counted?.n ?? 0, list };
}

app.get("/api/v1", (c) =>
  c.json({
    apiVersion: "v1",
    endpoints: [
      "GET /api/v1/leaderboard",
      "GET /api/v1/leaderboard.csv",
      "GET /api/v1/models",
      "GET /api/v1/models/{id}",
      "GET /api/v1/attestations",
      "GET /api/v1/certificates",
      "GET /api/v1/attestations/{id}",
      "GET /api/v1/addresses/{address}",
      "GET /api/v1/disputes",
      "GET /api/v1/activity",
      "GET /api/v1/verifiers",
      "GET /api/v1/stats",
      "GET /api/v1/status",
      "GET /api/v1/badge/{id}.svg",
      "GET /api/v1/compare?ids={id},{id}[,{id},{id}]",
    ],
    sortColumns: SORT_COLUMNS,
  }),
);

app.get("/api/v1/status", async (c) => {
  // Straight from Ponder's checkpoint (cheap): no snapshot refresh.
  const [sync, ready] = await Promise.all([syncStatus(), isReady()]);
  return v1Json(c, sync, { ready });
});

/** Distinct leaderboard answers kept per snapshot (dropped at the next block anyway). */
const MAX_CACHED_BODIES = 256;

function leaderboardJson(s: Snapshot, q: LeaderboardQuery, warning: string | undefined): string {
  const result = leaderboard(s, q);
  return JSON.stringify({
    apiVersion: "v1",
    sync: syncJson(s.sync, warning),
    query: {
      sort: q.sort,
      order: q.order,
      basis: q.basis,
      include: q.include,
      kind: q.kinds.map((k) => KIND_NAMES[k as 0 | 1 | 2]),
      task: q.tasks,
      size: q.sizes,
      region: q.regions,
      trust: q.trust?.map((t) => METHOD_NAMES[t as 0 | 1 | 2]) ?? null,
      verifier: q.verifier,
      q: q.q,
    },
    page: q.page,
    pageSize: q.pageSize,
    total: result.total,
    rows: result.rows,
  });
}

async function handleLeaderboard(c: Context, csv: boolean) {
  try {
    const params = new URL(c.req.url).searchParams;
    const format = params.get("format");
    if (format !== null && format !== "json" && format !== "csv") {
      throw new BadParam("format", `format must be json or csv, got "${format}"`);
    }
    const q = parseLeaderboardQuery(params);
    const s = await snapshot();
    if (q.include === "self-reported") await loadSelfReported(s);
    if (csv || format === "csv") {
      const allRows = !params.has("pageSize") && !params.has("page");
      const result = leaderboard(s, allRows ? { ...q, page: 1, pageSize: Number.MAX_SAFE_INTEGER } : q);
      return c.body(toCsv(result.rows), 200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="greenprint-leaderboard-${q.include}-block-${s.sync.block.number}.csv"`,
        "X-Greenprint-Block": String(s.sync.block.number),
        "X-Greenprint-Block-Timestamp": String(s.sync.block.timestamp),
      });
    }
    // The answer only changes with the snapshot: the same query (most visitors ask for the first
    // page) is a map lookup instead of 100 rows rebuilt and serialised.
    const warning = warningOf(c);
    const key = `body:${warning ?? ""}:${JSON.stringify(q)}`;
    let body = s.cache.get(key) as string | undefined;
    if (body === undefined) {
      body = leaderboardJson(s, q, warning);
      if (s.cache.size >= MAX_CACHED_BODIES) {
        for (const k of s.cache.keys()) if (k.startsWith("body:")) s.cache.delete(k);
      }
      s.cache.set(key, body);
    }
    return c.body(body, 200, { "Content-Type": "application/json" });
  } catch (error) {
    if (error instanceof BadParam) return c.json(bad(error.param, error.message), 400);
    throw error;
  }
}

app.get("/api/v1/leaderboard", (c) => handleLeaderboard(c, false));
app.get("/api/v1/leaderboard.csv", (c) => handleLeaderboard(c, true));

function parseId(raw: string): bigint | null {
  return /^[1-9]\d{0,30}$/.test(raw) ? BigInt(raw) : null;
}

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
    attestations: sums.count,
    energyWh: sums.energyWh.toString(),
    locationEmissionsG: sums.locationG.toString(),
    marketEmissionsG: sums.marketG.toString(),
    embodiedG: sums.embodiedG.toString(),
    totalG: d.totalG.toString(),
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

function modelSummary(m: typeof schema.model.$inferSelect) {
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

app.get("/api/v1/models", async (c) => {
  const params = new URL(c.req.url).searchParams;
  const unknown = unknownParam(c, params, ["page", "pageSize", "owner", "q"]);
  if (unknown) return unknown;
  const paging = pageParams(c, params);
  if (paging instanceof Response) return paging;
  const { page, pageSize } = paging;
  const owner = params.get("owner")?.toLowerCase() ?? null;
  if (owner !== null && !/^0x[0-9a-f]{40}$/.test(owner))
    return c.json(bad("owner", `owner must be a 20-byte address, got "${owner}"`), 400);
  const q = params.get("q")?.toLowerCase() ?? null;
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
  return v1Json(c, s.sync, {
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

app.get("/api/v1/models/:id", async (c) => {
  const id = parseId(c.req.param("id"));
  if (id === null)
    return c.json(bad("id", `id must be a positive integer model id, got "${c.req.param("id")}"`), 400);
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
    db
      .select()
      .from(schema.reward)
      .where(eq(schema.reward.modelId, id))
      .orderBy(asc(schema.reward.blockNumber)),
    db
      .select()
      .from(schema.dispute)
      .where(eq(schema.dispute.modelId, id))
      .orderBy(asc(schema.dispute.openedBlock)),
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
  return v1Json(c, s.sync, {
    model: {
      ...modelSummary(m),
      aggregates: {
        final: aggregateJson(s, id, "final", m.parameterCount, m.creditsG),
        verified: aggregateJson(s, id, "verified", m.parameterCount, m.creditsG),
      },
      figures: figuresJson(s, m),
      certificatesTotal: { recWh: m.recWh.toString(), creditsG: m.creditsG.toString() },
      efficiencyBonus: {
        state: ["NONE", "REQUESTED", "PAID"][m.bonusState],
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
      const claimableWei = claimable
        ? attestationReward(
            {
              energyWh: a.energyWh,
              locationIntensity: BigInt(a.locationIntensity),
              renewableBps: BigInt(a.renewableBps),
              method: a.method as Method,
            },
            params,
          ).toString()
        : null;
      return { ...view, claimableWei };
    }),
    certificates: certJson,
    rewards: rewards.map((r) => ({
      kind: r.kind,
      attestationId: r.attestationId,
      owner: r.owner,
      amountWei: r.amountWei.toString(),
      verifier: r.verifier,
      verifierAmountWei: r.verifierAmountWei.toString(),
      block: r.blockNumber.toString(),
      timestamp: r.timestamp.toString(),
      transactionHash: r.transactionHash,
    })),
    disputes: disputes.map(disputeJson),
  });
});

// Attestations across models, oldest first: `status=SUBMITTED` is the verifiers' queue.
app.get("/api/v1/attestations", async (c) => {
  const params = new URL(c.req.url).searchParams;
  const unknown = unknownParam(c, params, ["status", "model", "page", "pageSize"]);
  if (unknown) return unknown;
  const paging = pageParams(c, params);
  if (paging instanceof Response) return paging;
  const statuses = listParam(c, params, "status", FILTER_STATUSES);
  if (statuses instanceof Response) return statuses;
  const modelId = modelParam(c, params);
  if (modelId instanceof Response) return modelId;
  const s = await snapshot();
  const where = and(
    statuses === null ? undefined : statusCondition(statuses, s.sync.now),
    modelId === null ? undefined : eq(schema.attestation.modelId, modelId),
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
  return v1Json(c, s.sync, {
    ...envelope,
    attestations: list.map((a) => ({
      ...attestationJson(a, s.sync.now),
      modelName: s.models.get(a.modelId)?.name ?? null,
    })),
  });
});

// Certificates, oldest first; `status=PENDING` is the verifiers' certificate queue (SPEC 8).
app.get("/api/v1/certificates", async (c) => {
  const params = new URL(c.req.url).searchParams;
  const unknown = unknownParam(c, params, ["status", "model", "page", "pageSize"]);
  if (unknown) return unknown;
  const paging = pageParams(c, params);
  if (paging instanceof Response) return paging;
  const statuses = listParam(c, params, "status", CERTIFICATE_FILTER_STATUSES);
  if (statuses instanceof Response) return statuses;
  const modelId = modelParam(c, params);
  if (modelId instanceof Response) return modelId;
  const s = await snapshot();
  const where = and(
    statuses === null
      ? undefined
      : inArray(
          schema.certificate.status,
          statuses.map((v) => certificateStatusNumber(v as (typeof CERTIFICATE_FILTER_STATUSES)[number])),
        ),
    modelId === null ? undefined : eq(schema.certificate.modelId, modelId),
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
  return v1Json(c, s.sync, {
    ...envelope,
    certificates: list.map((row) => ({
      ...certificateJson(row),
      modelName: s.models.get(row.modelId)?.name ?? null,
    })),
  });
});

// Disputes, oldest first; `outcome=open` is the arbiters' queue.
app.get("/api/v1/disputes", async (c) => {
  const params = new URL(c.req.url).searchParams;
  const unknown = unknownParam(c, params, ["outcome", "page", "pageSize"]);
  if (unknown) return unknown;
  const paging = pageParams(c, params);
  if (paging instanceof Response) return paging;
  const outcomes = listParam(c, params, "outcome", DISPUTE_OUTCOMES);
  if (outcomes instanceof Response) return outcomes;
  const s = await snapshot();
  const where = outcomes === null ? undefined : inArray(schema.dispute.outcome, outcomes);
  const { list, ...envelope } = await pageOf(
    db
      .select()
      .from(schema.dispute)
      .where(where)
      .orderBy(asc(schema.dispute.openedBlock), asc(schema.dispute.id)),
    db.select({ n: count() }).from(schema.dispute).where(where),
    paging,
  );
  return v1Json(c, s.sync, {
    ...envelope,
    disputes: list.map((d) => ({ ...disputeJson(d), modelName: s.models.get(d.modelId)?.name ?? null })),
  });
});

// Recent activity across the protocol, newest first; `model` narrows it to one model.
app.get("/api/v1/activity", async (c) => {
  const params = new URL(c.req.url).searchParams;
  const unknown = unknownParam(c, params, ["limit", "model"]);
  if (unknown) return unknown;
  const limit = params.get("limit") ?? "20";
  if (!/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > 100)
    return c.json(bad("limit", `limit must be an integer in 1..100, got "${limit}"`), 400);
  const modelId = modelParam(c, params);
  if (modelId instanceof Response) return modelId;
  const s = await snapshot();
  const list = await db
    .select()
    .from(schema.activity)
    .where(modelId === null ? undefined : eq(schema.activity.modelId, modelId))
    .orderBy(desc(schema.activity.id))
    .limit(Number(limit));
  return v1Json(c, s.sync, {
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

app.get("/api/v1/verifiers", async (c) => {
  const s = await snapshot();
  const list = await db
    .select()
    .from(schema.verifier)
    .orderBy(asc(schema.verifier.index), asc(schema.verifier.address));
  return v1Json(c, s.sync, {
    verifiers: list.map((v) => ({
      address: v.address,
      index: v.index,
      name: v.name,
      uri: v.uri,
      active: v.active,
      accreditedAt: v.accreditedAt.toString(),
      verdicts: { verified: v.verified, rejected: v.rejected, invalidated: v.invalidated },
      certificates: { confirmed: v.certificatesConfirmed, rejected: v.certificatesRejected },
      efficiencyBonusesApproved: v.bonusesApproved,
      rewardWei: v.rewardWei.toString(),
    })),
  });
});

app.get("/api/v1/stats", async (c) => {
  const s = await snapshot();
  const g = (await db.select().from(schema.stats).where(eq(schema.stats.id, "global")))[0];
  const totals = (include: Include) => {
    let energy = 0n;
    let location = 0n;
    let market = 0n;
    let embodied = 0n;
    let total = 0n;
    let count = 0;
    const list = rows(s, include, [0, 1, 2]);
    for (const r of list) {
      energy += r.sums.energyWh;
      location += r.sums.locationG;
      market += r.sums.marketG;
      embodied += r.sums.embodiedG;
      total += r.derived.totalG;
      count += r.sums.count;
    }
    return {
      rankedModels: list.length,
      attestations: count,
      energyWh: energy.toString(),
      locationEmissionsG: location.toString(),
      marketEmissionsG: market.toString(),
      embodiedG: embodied.toString(),
      totalG: total.toString(),
    };
  };
  return v1Json(c, s.sync, {
    stats: {
      models: g?.models ?? 0,
      attestations: g?.attestations ?? 0,
      byStatus: {
        SUBMITTED: g?.submitted ?? 0,
        VERIFIED_OR_FINAL: g?.verified ?? 0,
        DISPUTED: g?.disputed ?? 0,
        REJECTED: g?.rejected ?? 0,
        WITHDRAWN: g?.withdrawn ?? 0,
        INVALIDATED: g?.invalidated ?? 0,
        SUPERSEDED: g?.superseded ?? 0,
      },
      verifiers: g?.verifiers ?? 0,
      certificates: g?.certificates ?? 0,
      disputes: g?.disputes ?? 0,
      leaf: {
        rewardsWei: (g?.rewardsWei ?? 0n).toString(),
        verifierRewardsWei: (g?.verifierRewardsWei ?? 0n).toString(),
        efficiencyBonusesWei: (g?.bonusesWei ?? 0n).toString(),
        supplyWei: (g?.leafSupplyWei ?? 0n).toString(),
      },
      paused: g?.paused ?? false,
      final: totals("final"),
      verified: totals("verified"),
      eventsIndexed: g?.events ?? 0,
    },
  });
});

app.get("/api/v1/badge/:file", async (c) => {
  const file = c.req.param("file");
  const match = /^([1-9]\d{0,30})\.svg$/.exec(file);
  if (!match)
    return c.json(
      bad("id", `badge path must be /api/v1/badge/{id}.svg with a positive integer id, got "${file}"`),
      400,
    );
  const include = c.req.query("include") ?? "final";
  if (include !== "final" && include !== "verified")
    return c.json(bad("include", `include must be final or verified, got "${include}"`), 400);
  const id = BigInt(file.slice(0, -".svg".length));
  const s = await snapshot();
  const m = s.models.get(id);
  const headers = {
    "Content-Type": "image/svg+xml; charset=utf-8",
    "Cache-Control": "max-age=300",
    "X-Greenprint-Block": String(s.sync.block.number),
  };
  if (!m) return c.body(badgeSvg("greenprint", "unknown model", NO_GRADE_COLOUR), 404, headers);
  const { sums } = sumsOf(s, id, include, [0, 1, 2]);
  const d = derive(sums, m.parameterCount, m.creditsG);
  if (d.grade === null)
    return c.body(
      badgeSvg("carbon grade", include === "final" ? "no final data" : "no verified data", NO_GRADE_COLOUR),
      200,
      headers,
    );
  return c.body(
    badgeSvg("carbon grade", `${d.grade} · ${d.intensity} g/kWh`, GRADE_COLOURS[d.grade].background),
    200,
    headers,
  );
});

// One attestation and one address (the explorer pages), in a file of their own.
app.route("/", explorer);
app.route("/", compareApp);

app.notFound((c) =>
  c.json(
    { error: { code: "not_found", message: `No route ${c.req.method} ${new URL(c.req.url).pathname}` } },
    404,
  ),
);

export default app;
void [and, desc, inArray, or, emissionsOf, rowJson];

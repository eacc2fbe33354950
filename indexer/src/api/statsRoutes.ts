// GET /api/v1/verifiers, /api/v1/stats and the README badge /api/v1/badge/{id}.svg.
import { db } from "ponder:api";
import schema from "ponder:schema";
import { Hono } from "hono";
import { asc, eq } from "ponder";
import { badgeQuery, parseParams, pathParams } from "../../../lib/api/queries";
import type { Stats, Verifiers } from "../../../lib/indexer/client";
import { GRADE_COLOURS, NO_GRADE_COLOUR } from "../../../lib/spec";
import { formatIntensity } from "../../../lib/units";
import { derive } from "../lib/aggregate";
import { badgeSvg } from "./badge";
import { v1Json } from "./envelope";
import { badRequest } from "./http";
import { type Include, rows, snapshot, sumsOf } from "./snapshot";
import { verifierJson } from "./verifiers";

const routes = new Hono();

routes.get("/api/v1/verifiers", async (c) => {
  const s = await snapshot();
  const list = await db
    .select()
    .from(schema.verifier)
    .orderBy(asc(schema.verifier.index), asc(schema.verifier.address));
  return v1Json<Verifiers>(c, s.sync, {
    // The profile plus its registry index, after the address (the answer's key order).
    verifiers: list.map((v) => {
      const { address, ...profile } = verifierJson(v);
      return { address, index: v.index, ...profile };
    }),
  });
});

routes.get("/api/v1/stats", async (c) => {
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
  return v1Json<Stats>(c, s.sync, {
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

routes.get("/api/v1/badge/:file", async (c) => {
  const path = parseParams(pathParams.badge, { id: c.req.param("file") });
  if (!path.ok) return badRequest(c, path);
  const query = parseParams(badgeQuery, new URL(c.req.url).searchParams);
  if (!query.ok) return badRequest(c, query);
  const { id } = path.value;
  const { include } = query.value;
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
    badgeSvg(
      "carbon grade",
      `${d.grade} · ${formatIntensity(d.intensity)}`,
      GRADE_COLOURS[d.grade].background,
    ),
    200,
    headers,
  );
});

export default routes;

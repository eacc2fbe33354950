import { type Context, Hono } from "hono";
import type { Leaderboard } from "../../../lib/indexer/client";
import { KIND_NAMES, METHOD_NAMES } from "../../../lib/spec";
import { syncJson, warningOf } from "./envelope";
import { bad } from "./http";
import { BadParam, type LeaderboardQuery, leaderboard, parseLeaderboardQuery, toCsv } from "./leaderboard";
import { loadSelfReported } from "./selfReported";
import { type Snapshot, snapshot } from "./snapshot";

const routes = new Hono();

/** Distinct leaderboard answers kept per snapshot (dropped at the next block anyway). */
const MAX_CACHED_BODIES = 256;

function leaderboardJson(s: Snapshot, q: LeaderboardQuery, warning: string | undefined): string {
  const result = leaderboard(s, q);
  const answer: Leaderboard = {
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
  };
  return JSON.stringify(answer);
}

async function handleLeaderboard(c: Context, csv: boolean) {
  try {
    const params = new URL(c.req.url).searchParams;
    const format = params.get("format");
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

routes.get("/api/v1/leaderboard", (c) => handleLeaderboard(c, false));
routes.get("/api/v1/leaderboard.csv", (c) => handleLeaderboard(c, true));

export default routes;

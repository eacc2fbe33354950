// GET /api/v1/compare?ids=1,2,3: two to four models side by side (SPEC 9), each on the strongest
// basis it has (figures.ts), with the verifiers' names, so a shared link shows the same table.
import { db } from "ponder:api";
import { verifier } from "ponder:schema";
import { type Context, Hono } from "hono";
import { compareQuery, parseParams } from "../../../lib/api/queries";
import type { Comparison } from "../../../lib/indexer/client";
import { syncJson, warningOf } from "./envelope";
import { figuresJson } from "./figures";
import { loadSelfReported } from "./selfReported";
import { snapshot } from "./snapshot";

function bad(c: Context, param: string, message: string) {
  return c.json({ error: { code: "bad_parameter", param, message } }, 400, { "Cache-Control": "no-store" });
}

export const compareApp = new Hono();

compareApp.get("/api/v1/compare", async (c) => {
  const parsed = parseParams(compareQuery, new URL(c.req.url).searchParams);
  if (!parsed.ok) return bad(c, parsed.param, parsed.message);
  const { ids } = parsed.value;
  const s = await snapshot();
  const missing = ids.filter((id) => !s.models.has(id));
  if (missing.length > 0)
    return c.json(
      {
        error: {
          code: "not_found",
          param: "ids",
          message: `No model ${missing.join(" or ")} (indexed up to block ${s.sync.block.number}).`,
        },
      },
      404,
    );
  const [, verifiers] = await Promise.all([loadSelfReported(s), db.select().from(verifier)]);
  const names = new Map(verifiers.map((v) => [v.address.toLowerCase(), v.name]));
  const models = ids.map((id) => {
    const m = s.models.get(id) as NonNullable<ReturnType<typeof s.models.get>>;
    const figures = figuresJson(s, m);
    return {
      id: m.id.toString(),
      name: m.name,
      organization: m.organization,
      task: m.task,
      label: m.label,
      parameterCount: m.parameterCount.toString(),
      sizeClass: m.sizeClass,
      ...figures,
      trust: {
        ...figures.trust,
        verifiers: figures.trust.verifiers.map((address) => ({ address, name: names.get(address) ?? null })),
      },
    };
  });
  const answer: Comparison = {
    apiVersion: "v1",
    sync: syncJson(s.sync, warningOf(c)),
    models,
  };
  return c.json(answer, 200);
});

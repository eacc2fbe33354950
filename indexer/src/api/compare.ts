// GET /api/v1/compare?ids=1,2,3: two to four models side by side (SPEC 9), each on the strongest
// basis it has (figures.ts), with the verifiers' names, so a shared link shows the same table.
import { db } from "ponder:api";
import { verifier } from "ponder:schema";
import { type Context, Hono } from "hono";
import { figuresJson } from "./figures";
import { loadSelfReported } from "./selfReported";
import { snapshot } from "./snapshot";

export const COMPARE_MIN = 2;
export const COMPARE_MAX = 4;

/** The ids of `?ids=` (comma-separated, or repeated as a plain form sends them), or the sentence saying what is wrong. */
export function parseCompareIds(values: readonly string[]): bigint[] | string {
  const parts = values.flatMap((v) => v.split(",")).map((v) => v.trim());
  if (parts.length === 0 || (parts.length === 1 && parts[0] === ""))
    return `ids is required: give ${COMPARE_MIN} to ${COMPARE_MAX} model ids separated by commas, such as ids=1,2,3.`;
  const bad = parts.find((p) => !/^[1-9]\d{0,30}$/.test(p));
  if (bad !== undefined)
    return `ids must be positive whole model ids separated by commas, such as ids=1,2,3; "${bad}" is not one.`;
  const ids = parts.map((p) => BigInt(p));
  if (new Set(ids).size !== ids.length) return "ids lists the same model twice: give each model once.";
  if (ids.length < COMPARE_MIN || ids.length > COMPARE_MAX)
    return `ids must name ${COMPARE_MIN} to ${COMPARE_MAX} models to compare, not ${ids.length}.`;
  return ids;
}

function bad(c: Context, param: string, message: string) {
  return c.json({ error: { code: "bad_parameter", param, message } }, 400, { "Cache-Control": "no-store" });
}

export const compareApp = new Hono();

compareApp.get("/api/v1/compare", async (c) => {
  const params = new URL(c.req.url).searchParams;
  for (const key of params.keys()) {
    if (key !== "ids") return bad(c, key, `"${key}" is not a compare parameter: use ids, such as ids=1,2,3.`);
  }
  const ids = parseCompareIds(params.getAll("ids"));
  if (typeof ids === "string") return bad(c, "ids", ids);
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
  return c.json(
    {
      apiVersion: "v1",
      sync: {
        chainId: s.sync.chainId,
        block: s.sync.block,
        finalityClock: s.sync.now,
        ...(c.get("warning" as never) ? { warning: c.get("warning" as never) } : {}),
      },
      models,
    },
    200,
  );
});

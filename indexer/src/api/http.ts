// What the route files share: the 400 answer and the list endpoints' page envelope.
import type { Context } from "hono";
import type { BadParameter } from "../../../lib/api/queries";

export function bad(param: string, message: string) {
  return { error: { code: "bad_parameter", param, message } };
}

/** The 400 answer naming a parameter that lib/api/queries.ts refused, with its sentence. */
export function badRequest(c: Context, { param, message }: BadParameter) {
  return c.json(bad(param, message), 400);
}

/**
 * One page of `rows` (an ordered query) and how many rows match in all (`total`, a count query
 * with the same filter): the list endpoints' common envelope.
 */
export async function pageOf<R>(
  rows: { limit(n: number): { offset(n: number): PromiseLike<R[]> } },
  total: PromiseLike<{ n: number }[]>,
  { page, pageSize }: { page: number; pageSize: number },
) {
  const [list, [counted]] = await Promise.all([rows.limit(pageSize).offset((page - 1) * pageSize), total]);
  return { page, pageSize, total: counted?.n ?? 0, list };
}

// The `ids` query parameter of the endpoints that take a list of ids (compare, certificate-overlaps):
// one comma-separated string, checked whole by the endpoint's own parse (its sentences name its ids),
// and described to OpenAPI as the array of id strings it stands for.
import * as z from "zod";

/**
 * `parse` reads the raw value into ids or answers the sentence saying what is wrong; an absent
 * parameter is answered as an empty one (parse's "ids is required" sentence). `pattern`, `minItems` and `maxItems` describe
 * the accepted list in the OpenAPI document.
 */
export function idsParameter<T>(
  parse: (raw: string) => T[] | string,
  list: { pattern: RegExp; minItems: number; maxItems: number },
) {
  return z
    .string({ error: () => parse("") as string })
    .transform((raw, ctx) => {
      const ids = parse(raw);
      if (typeof ids === "string") {
        ctx.issues.push({ code: "custom", message: ids, input: raw });
        return z.NEVER;
      }
      return ids;
    })
    .meta({
      type: "array",
      items: { type: "string", pattern: list.pattern.source },
      minItems: list.minItems,
      maxItems: list.maxItems,
    });
}

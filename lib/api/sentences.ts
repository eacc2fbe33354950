// Error answers say the allowed values in a sentence ("final, verified or self-reported"), not as
// a raw list, so a person reading a 400 knows what to type.

/** ["a", "b", "c"] → "a, b or c" (or "a, b and c" with `joiner` "and"). */
export function allowedValues(values: readonly string[], joiner: "or" | "and" = "or"): string {
  if (values.length <= 1) return values.join("");
  return `${values.slice(0, -1).join(", ")} ${joiner} ${values[values.length - 1]}`;
}

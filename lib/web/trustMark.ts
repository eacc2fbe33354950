// The one wording of "who has checked these figures" (SPEC 9, v1.1), used by every public table:
// self-reported figures are always marked as such; verified ones name their verifiers.
import type { Counting } from "@/lib/indexer/client";

export type MarkTone = "self-reported" | "unfinal" | "final";

/** `counting` of the figures, the verifiers' addresses and a name lookup → what a row says about them. */
export function trustMark(
  counting: Counting | null,
  verifiers: readonly string[],
  names: ReadonlyMap<string, string>,
  includesUnfinal = false,
): { text: string; tone: MarkTone } | null {
  if (counting === null) return null;
  if (counting === "self-reported") return { text: "self-reported, not verified", tone: "self-reported" };
  const by = verifiers.map((v) => names.get(v.toLowerCase()) ?? `${v.slice(0, 6)}…${v.slice(-4)}`);
  const who = by.length > 0 ? `verified by ${by.join(", ")}` : "verified";
  if (counting === "verified" && includesUnfinal)
    return { text: `${who}, in challenge window`, tone: "unfinal" };
  return { text: `final, ${who}`, tone: "final" };
}

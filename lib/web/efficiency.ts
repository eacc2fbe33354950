import type { EfficiencyFigures } from "@/lib/indexer/client";

/**
 * The efficiency rating as shown (SPEC 9, v1.1): the training rating (Wh/PFLOP among peers of the
 * same task), else the inference one (mWh/request) named as such; "—" when the model has neither
 * figure. Ratings come from the indexer (lib/formulas), never re-derived here.
 */
export function efficiencyRatingText(e: EfficiencyFigures | null | undefined): string {
  if (!e) return "—";
  if (e.rating) return e.rating;
  if (e.requestRating) return `${e.requestRating} (inference)`;
  return "—";
}

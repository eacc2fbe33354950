// The compare view's URL: `ids=1,2,3` (a shared link) or `ids=1&ids=2&ids=3` (a plain form's
// checkboxes), both read as one comma list; the API checks it and says what is wrong in a sentence.
import type { SearchParams } from "@/lib/web/leaderboardQuery";

/** The ids as given, in order, without empty parts (not validated: the API does that). */
export function compareIds(search: SearchParams): string[] {
  const raw = search.ids;
  const values = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return values
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

/** The canonical, shareable link of a comparison. */
export function compareHref(ids: ReadonlyArray<string | bigint | number>): string {
  return `/compare?ids=${ids.map(String).join(",")}`;
}

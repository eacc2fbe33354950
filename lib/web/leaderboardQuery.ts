// The leaderboard's state lives in the URL: these helpers keep only known, non-empty
// parameters and build links that change one thing while keeping the rest.

export const LEADERBOARD_PARAMS = [
  "sort",
  "order",
  "basis",
  "include",
  "kind",
  "task",
  "size",
  "region",
  "trust",
  "q",
  "page",
  "pageSize",
] as const;

export type SearchParams = Record<string, string | string[] | undefined>;

/** One search parameter's value (the first, when the URL repeats it). */
export function firstParam(search: SearchParams, key: string): string | undefined {
  const value = search[key];
  return Array.isArray(value) ? value[0] : value;
}

/** Known, non-empty parameters of a request, in a stable order. */
export function leaderboardParams(search: SearchParams): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of LEADERBOARD_PARAMS) {
    const raw = search[key];
    const value = Array.isArray(raw) ? raw.join(",") : raw;
    if (value !== undefined && value.trim() !== "") params.set(key, value.trim());
  }
  return params;
}

/** The same query with some parameters changed (undefined removes one); page resets unless set. */
export function withParams(current: URLSearchParams, changes: Record<string, string | undefined>): string {
  const next = new URLSearchParams(current);
  if (!("page" in changes)) next.delete("page");
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) next.delete(key);
    else next.set(key, value);
  }
  const query = next.toString();
  return query ? `?${query}` : "";
}

/** Link target for sorting by a column: same column flips the order. */
export function sortLink(current: URLSearchParams, column: string, defaultOrder: "asc" | "desc"): string {
  const sameColumn = (current.get("sort") ?? "intensity") === column;
  const currentOrder = current.get("order") ?? defaultOrder;
  const order = sameColumn ? (currentOrder === "asc" ? "desc" : "asc") : defaultOrder;
  return withParams(current, { sort: column, order });
}

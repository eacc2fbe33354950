// GET /api/v1/leaderboard: parameters, sorting, filtering, paging, JSON rows and CSV.
import { KIND_NAMES, METHOD_NAMES, SIZE_CLASSES } from "../../../lib/spec";
import { type Efficiency, efficiencyIndex, efficiencyJson, NO_EFFICIENCY, ratingRank } from "./efficiency";
import { selfReportedRows } from "./selfReported";
import { allowedValues } from "./sentences";
import { type Compare, type Include, type LeaderRow, rows, type Snapshot, sorted } from "./snapshot";

/**
 * What a leaderboard counts (SPEC 9): Final attestations, Final and Verified ones (marked), or the
 * self-reported ones (Submitted, never verified), which are ranked apart and never mixed in.
 */
export type Counting = Include | "self-reported";
export const COUNTINGS: readonly Counting[] = ["final", "verified", "self-reported"];

export class BadParam extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
  }
}

const KINDS = { PRETRAINING: 0, FINETUNING: 1, INFERENCE: 2 } as Record<string, number>;
const TRUST = { METER: 0, SOFTWARE: 1, ESTIMATE: 2 } as Record<string, number>;
const SIZES = SIZE_CLASSES.map((c) => c.id as string);

/** What a sort key reads besides the row: the emissions basis and the counting's efficiency. */
interface SortContext {
  basis: Basis;
  efficiency: (r: LeaderRow) => Efficiency | undefined;
}

/** Sortable columns (SPEC 9) and what they compare. */
const COLUMNS = {
  id: (r) => r.model.id,
  name: (r) => (r.model.name ?? "").toLowerCase(),
  parameterCount: (r) => r.model.parameterCount,
  energyWh: (r) => r.sums.energyWh,
  locationEmissionsG: (r) => r.sums.locationG,
  marketEmissionsG: (r) => r.sums.marketG,
  embodiedG: (r) => r.sums.embodiedG,
  totalG: (r) => r.derived.totalG,
  emissionsG: (r, c) => emissionsOf(r, c.basis),
  intensity: (r) => r.derived.intensity,
  renewableBps: (r) => r.derived.renewableBps,
  gPerBillionParams: (r) => r.derived.gPerBillionParams,
  grade: (r) => r.derived.grade,
  recWh: (r) => r.model.recWh,
  creditsG: (r) => r.model.creditsG,
  certificates: (r) => r.model.recWh + r.model.creditsG,
  marketNetG: (r) => r.derived.marketNetG,
  leafEarnedWei: (r) => r.sums.leafWei,
  trust: (r) => r.trust,
  attestations: (r) => r.sums.count,
  /** SPEC 9 (v1.1): training rating A–E (then Wh/PFLOP, then the inference rating); unrated last. */
  efficiency: (r, c) => efficiencyKey(c.efficiency(r)),
  mWhPerPflop: (r, c) => c.efficiency(r)?.mWhPerPflop ?? null,
  mWhPerRequest: (r, c) => c.efficiency(r)?.mWhPerRequest ?? null,
} satisfies Record<string, (r: LeaderRow, c: SortContext) => bigint | number | string | null>;

/** Rating first (A before E), the figure breaking ties within a rating; null when unrated. */
function efficiencyKey(e: Efficiency | undefined): string | null {
  if (!e) return null;
  const training = ratingRank(e.rating);
  const inference = ratingRank(e.requestRating);
  if (training === null && inference === null) return null;
  // Fixed-width text keys compare like the tuple (training rating, mWh/PFLOP, inference rating,
  // mWh/request); "~" (no figure) sorts after every digit.
  const pad = (v: bigint | null) => (v === null ? "~" : v.toString().padStart(40, "0"));
  return `${training ?? 9}${pad(e.mWhPerPflop)}${inference ?? 9}${pad(e.mWhPerRequest)}`;
}
export type SortColumn = keyof typeof COLUMNS;
export const SORT_COLUMNS = Object.keys(COLUMNS) as SortColumn[];

export type Basis = "location" | "market";

/** basis=location: SCI footprint (location-based + embodied); basis=market: market-based + embodied. */
export function emissionsOf(r: LeaderRow, basis: Basis): bigint {
  return basis === "market" ? r.sums.marketG + r.sums.embodiedG : r.derived.totalG;
}

export interface LeaderboardQuery {
  sort: SortColumn;
  order: "asc" | "desc";
  basis: Basis;
  include: Counting;
  kinds: number[];
  tasks: string[] | null;
  sizes: string[] | null;
  regions: string[] | null;
  trust: number[] | null;
  verifier: string | null;
  q: string | null;
  page: number;
  pageSize: number;
}

function list(value: string | undefined): string[] | null {
  if (value === undefined) return null;
  const items = value
    .split(",")
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
  return items.length > 0 ? items : null;
}

function intParam(params: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = params.get(name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new BadParam(name, `${name} must be an integer in ${min}..${max}, got "${raw}"`);
  }
  return Number(raw);
}

function oneOf<T extends string>(
  params: URLSearchParams,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const raw = params.get(name);
  if (raw === null) return fallback;
  if (!allowed.includes(raw as T))
    throw new BadParam(name, `${name} must be ${allowedValues(allowed)}, not "${raw}".`);
  return raw as T;
}

const KNOWN = new Set([
  "sort",
  "order",
  "basis",
  "include",
  "kind",
  "task",
  "size",
  "region",
  "trust",
  "verifier",
  "q",
  "page",
  "pageSize",
  "format",
]);

export function parseLeaderboardQuery(params: URLSearchParams): LeaderboardQuery {
  for (const key of params.keys()) {
    if (!KNOWN.has(key))
      throw new BadParam(
        key,
        `"${key}" is not a leaderboard parameter: use ${allowedValues([...KNOWN], "and")}.`,
      );
  }
  const sort = oneOf(params, "sort", SORT_COLUMNS, "intensity");
  const kindNames = list(params.get("kind") ?? undefined);
  const kinds = kindNames
    ? kindNames.map((k) => {
        const v = KINDS[k.toUpperCase()];
        if (v === undefined)
          throw new BadParam(
            "kind",
            `kind must be PRETRAINING, FINETUNING or INFERENCE (comma-separated), got "${k}"`,
          );
        return v;
      })
    : [0, 1, 2];
  const sizes = list(params.get("size") ?? undefined);
  for (const s of sizes ?? []) {
    if (!SIZES.includes(s))
      throw new BadParam("size", `size must be one of ${SIZES.join(", ")} (comma-separated), got "${s}"`);
  }
  const trustNames = list(params.get("trust") ?? undefined);
  const trust =
    trustNames?.map((t) => {
      const v = TRUST[t.toUpperCase()];
      if (v === undefined)
        throw new BadParam(
          "trust",
          `trust must be METER, SOFTWARE or ESTIMATE (comma-separated), got "${t}"`,
        );
      return v;
    }) ?? null;
  const regions = list(params.get("region") ?? undefined)?.map((r) => r.toUpperCase()) ?? null;
  for (const r of regions ?? []) {
    if (!/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(r))
      throw new BadParam("region", `region must be an ISO 3166 code such as FR or US-CA, got "${r}"`);
  }
  const verifier = params.get("verifier");
  if (verifier !== null && !/^0x[0-9a-fA-F]{40}$/.test(verifier)) {
    throw new BadParam("verifier", `verifier must be a 0x-prefixed 20-byte address, got "${verifier}"`);
  }
  const q = params.get("q");
  if (q !== null && q.length > 100) throw new BadParam("q", "q must be at most 100 characters");
  return {
    sort,
    order: oneOf(
      params,
      "order",
      ["asc", "desc"] as const,
      sort === "name" ||
        sort === "intensity" ||
        sort === "grade" ||
        sort === "gPerBillionParams" ||
        sort === "emissionsG" ||
        sort === "totalG" ||
        sort === "efficiency" ||
        sort === "mWhPerPflop" ||
        sort === "mWhPerRequest"
        ? "asc"
        : "desc",
    ),
    basis: oneOf(params, "basis", ["location", "market"] as const, "location"),
    include: oneOf(params, "include", COUNTINGS, "final"),
    kinds: [...new Set(kinds)].sort(),
    tasks: list(params.get("task") ?? undefined)?.map((t) => t.toLowerCase()) ?? null,
    sizes,
    regions,
    trust,
    verifier: verifier?.toLowerCase() ?? null,
    q: q?.toLowerCase() ?? null,
    page: intParam(params, "page", 1, 1, 1_000_000),
    pageSize: intParam(params, "pageSize", 50, 1, 100),
  };
}

function cmp(a: bigint | number | string | null, b: bigint | number | string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function comparator(q: LeaderboardQuery, c: SortContext): Compare {
  const column: (r: LeaderRow, c: SortContext) => bigint | number | string | null = COLUMNS[q.sort];
  // Each row's key is read once per sort, not once per comparison: some keys are built (the
  // efficiency column's), and a sort of 10,000 rows compares ~130,000 times.
  const keys = new Map<LeaderRow, bigint | number | string | null>();
  const get = (r: LeaderRow) => {
    if (keys.has(r)) return keys.get(r) as bigint | number | string | null;
    const v = column(r, c);
    keys.set(r, v);
    return v;
  };
  const dir = q.order === "asc" ? 1 : -1;
  return (a, b) => {
    const va = get(a);
    const vb = get(b);
    // Nulls (e.g. unknown parameter count) always last, whatever the order.
    if (va === null || vb === null) return cmp(va, vb) || cmp(a.model.id, b.model.id);
    return dir * cmp(va, vb) || cmp(a.model.id, b.model.id);
  };
}

function matches(r: LeaderRow, q: LeaderboardQuery): boolean {
  if (q.tasks && !q.tasks.includes((r.model.task ?? "").toLowerCase())) return false;
  if (q.sizes && !q.sizes.includes(r.model.sizeClass)) return false;
  if (q.trust && !q.trust.includes(r.trust)) return false;
  if (q.verifier && !(q.verifier in r.sums.verifiers)) return false;
  if (q.regions) {
    const regions = r.regions;
    if (!q.regions.some((want) => regions.some((have) => have === want || have.startsWith(`${want}-`))))
      return false;
  }
  if (q.q) {
    const text = `${r.model.name ?? ""} ${r.model.organization ?? ""} ${r.model.id}`.toLowerCase();
    if (!text.includes(q.q)) return false;
  }
  return true;
}

export function leaderboard(s: Snapshot, q: LeaderboardQuery) {
  // Self-reported rows come from their own sums (loadSelfReported first): a ranking of their own.
  const base = q.include === "self-reported" ? selfReportedRows(s, q.kinds) : rows(s, q.include, q.kinds);
  const efficiency = efficiencyIndex(s, q.include);
  const order = sorted(
    s,
    `${q.include}:${q.kinds.join(",")}:${q.sort}:${q.order}:${q.basis}`,
    base,
    comparator(q, { basis: q.basis, efficiency: (r) => efficiency.get(r.model.id) }),
  );
  const filtered = q.tasks || q.sizes || q.trust || q.regions || q.verifier || q.q;
  const start = (q.page - 1) * q.pageSize;
  let total: number;
  let page: LeaderRow[];
  if (!filtered) {
    total = order.length;
    page = order.slice(start, start + q.pageSize);
  } else {
    page = [];
    total = 0;
    for (const r of order) {
      if (!matches(r, q)) continue;
      if (total >= start && page.length < q.pageSize) page.push(r);
      total++;
    }
  }
  const block = s.sync.block.number;
  return {
    total,
    rows: page.map((r, i) => ({
      ...rowJson(r, q.basis, start + i + 1, q.include),
      efficiency: efficiencyJson(efficiency.get(r.model.id) ?? NO_EFFICIENCY, block),
    })),
  };
}

const s = (v: bigint | null) => (v === null ? null : v.toString());

export function rowJson(r: LeaderRow, basis: Basis, rank: number, counting: Counting = "final") {
  const m = r.model;
  return {
    rank,
    /** Which figures the row counts; "self-reported" rows are never verified (SPEC 9, v1.1). */
    counting,
    id: m.id.toString(),
    name: m.name,
    organization: m.organization,
    task: m.task,
    version: m.version,
    owner: m.owner,
    parentId: m.parentId === 0n ? null : m.parentId.toString(),
    parameterCount: m.parameterCount.toString(),
    sizeClass: m.sizeClass,
    trainingSealed: m.trainingSealed,
    attestations: r.sums.count,
    energyWh: r.sums.energyWh.toString(),
    locationEmissionsG: r.sums.locationG.toString(),
    marketEmissionsG: r.sums.marketG.toString(),
    embodiedG: r.sums.embodiedG.toString(),
    totalG: r.derived.totalG.toString(),
    emissionsG: emissionsOf(r, basis).toString(),
    basis,
    intensity: r.derived.intensity.toString(),
    grade: r.derived.grade,
    renewableBps: r.derived.renewableBps.toString(),
    gPerBillionParams: s(r.derived.gPerBillionParams),
    certificates: {
      recWh: m.recWh.toString(),
      creditsG: m.creditsG.toString(),
      marketNetG: r.derived.marketNetG.toString(),
    },
    leafEarnedWei: r.sums.leafWei.toString(),
    trust: {
      level: METHOD_NAMES[r.trust as 0 | 1 | 2],
      methods: { METER: r.sums.meter, SOFTWARE: r.sums.software, ESTIMATE: r.sums.estimate },
      verifiers: Object.keys(r.sums.verifiers).sort(),
    },
    regions: r.regions,
    includesUnfinal: r.includesUnfinal,
  };
}

export type RowJson = ReturnType<typeof rowJson> & { efficiency: ReturnType<typeof efficiencyJson> };

const CSV_COLUMNS: Array<[string, (r: RowJson) => string | number | boolean | null]> = [
  ["rank", (r) => r.rank],
  ["id", (r) => r.id],
  ["name", (r) => r.name],
  ["organization", (r) => r.organization],
  ["task", (r) => r.task],
  ["parameterCount", (r) => r.parameterCount],
  ["sizeClass", (r) => r.sizeClass],
  ["attestations", (r) => r.attestations],
  ["energyWh", (r) => r.energyWh],
  ["locationEmissionsG", (r) => r.locationEmissionsG],
  ["marketEmissionsG", (r) => r.marketEmissionsG],
  ["embodiedG", (r) => r.embodiedG],
  ["totalG", (r) => r.totalG],
  ["emissionsG", (r) => r.emissionsG],
  ["basis", (r) => r.basis],
  ["intensity", (r) => r.intensity],
  ["grade", (r) => r.grade],
  ["renewableBps", (r) => r.renewableBps],
  ["gPerBillionParams", (r) => r.gPerBillionParams],
  ["recWh", (r) => r.certificates.recWh],
  ["creditsG", (r) => r.certificates.creditsG],
  ["marketNetG", (r) => r.certificates.marketNetG],
  ["leafEarnedWei", (r) => r.leafEarnedWei],
  ["trust", (r) => r.trust.level],
  ["verifiers", (r) => r.trust.verifiers.join(" ")],
  ["regions", (r) => r.regions.join(" ")],
  ["includesUnfinal", (r) => r.includesUnfinal],
  // Last, so existing readers of the columns above keep working.
  ["counting", (r) => r.counting],
  // SPEC 9 (v1.1) efficiency, with the block the ratings were computed at.
  ["mWhPerPflop", (r) => r.efficiency.mWhPerPflop],
  ["efficiencyRating", (r) => r.efficiency.rating],
  ["mWhPerRequest", (r) => r.efficiency.mWhPerRequest],
  ["requestEfficiencyRating", (r) => r.efficiency.requestRating],
  ["efficiencyBlock", (r) => r.efficiency.block],
];

function csvCell(v: string | number | boolean | null): string {
  if (v === null) return "";
  const text = String(v);
  // RFC 4180 quoting; a leading =,+,-,@ is prefixed so spreadsheets do not run it as a formula.
  const safe = /^[=+\-@]/.test(text) && !/^-?\d+$/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rowsJson: RowJson[]): string {
  const lines = [CSV_COLUMNS.map(([name]) => name).join(",")];
  for (const r of rowsJson) lines.push(CSV_COLUMNS.map(([, get]) => csvCell(get(r))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

export { KIND_NAMES };

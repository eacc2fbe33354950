// GET /api/v1/leaderboard: parameters, sorting, filtering, paging, JSON rows and CSV.
import { leaderboardQuery, parseParams } from "../../../lib/api/queries";
import { ASCENDING_BY_DEFAULT, type Counting, type SortColumn } from "../../../lib/api/vocabulary";
import type { LeaderboardRow } from "../../../lib/indexer/client";
import { KIND_NAMES, Kind, METHOD_NAMES, Method } from "../../../lib/spec";
import { type Efficiency, efficiencyIndex, efficiencyJson, NO_EFFICIENCY, ratingRank } from "./efficiency";
import { selfReportedRows } from "./selfReported";
import { type Compare, type LeaderRow, rows, type Snapshot, sorted } from "./snapshot";

export type { Counting };

export class BadParam extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
  }
}

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
} satisfies Record<SortColumn, (r: LeaderRow, c: SortContext) => bigint | number | string | null>;

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

/** The leaderboard's query (lib/api/queries.ts), or BadParam naming the first bad parameter. */
export function parseLeaderboardQuery(params: URLSearchParams): LeaderboardQuery {
  const parsed = parseParams(leaderboardQuery, params);
  if (!parsed.ok) throw new BadParam(parsed.param, parsed.message);
  const v = parsed.value;
  return {
    sort: v.sort,
    order: v.order ?? (ASCENDING_BY_DEFAULT.includes(v.sort) ? "asc" : "desc"),
    basis: v.basis,
    include: v.include,
    kinds: v.kind ? [...new Set(v.kind.map((k) => Kind[k]))].sort() : [0, 1, 2],
    tasks: v.task ?? null,
    sizes: v.size ?? null,
    regions: v.region ?? null,
    trust: v.trust?.map((t) => Method[t]) ?? null,
    verifier: v.verifier ?? null,
    q: v.q ?? null,
    page: v.page,
    pageSize: v.pageSize,
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

export function rowJson(
  r: LeaderRow,
  basis: Basis,
  rank: number,
  counting: Counting = "final",
): Omit<LeaderboardRow, "efficiency"> {
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

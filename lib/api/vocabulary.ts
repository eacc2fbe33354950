// The public API's fixed vocabularies (allowed query values and answer enums), in a module without
// zod: the app's browser code imports these values (e.g. the sort columns) without shipping zod,
// and lib/api/schemas.ts builds its schemas from the same lists, so each list is written once.
import { CertificateStatus, Kind, Method, SIZE_CLASSES, type SizeClass, Status } from "../spec";

export const KIND_NAMES_LIST = Object.keys(Kind) as Array<keyof typeof Kind>;
export const METHOD_NAMES_LIST = Object.keys(Method) as Array<keyof typeof Method>;
export const STATUS_NAMES_LIST = Object.keys(Status) as Array<keyof typeof Status>;
/** Status names a list may be filtered by (NONE is never stored). */
export const FILTER_STATUSES = STATUS_NAMES_LIST.filter((name) => name !== "NONE");
export const CERTIFICATE_STATUS_NAMES_LIST = Object.keys(CertificateStatus) as Array<
  keyof typeof CertificateStatus
>;
/** Status filter values of `GET /api/v1/certificates` (NONE is never stored). */
export const CERTIFICATE_FILTER_STATUSES = ["PENDING", "CONFIRMED", "REJECTED", "REVOKED"] as const;
export const SIZE_CLASS_IDS = SIZE_CLASSES.map((c) => c.id) as [SizeClass, ...SizeClass[]];
export const GRADES = ["A", "B", "C", "D", "E"] as const;
export const DISPUTE_OUTCOMES = ["open", "upheld", "dismissed"] as const;

/**
 * What a leaderboard counts (SPEC 9): Final attestations, Final and Verified ones (marked), or the
 * self-reported ones (Submitted, never verified), which are ranked apart and never mixed in.
 */
export const COUNTINGS = ["final", "verified", "self-reported"] as const;
export type Counting = (typeof COUNTINGS)[number];
export const BASES = ["location", "market"] as const;
export const ORDERS = ["asc", "desc"] as const;

/** Sortable leaderboard columns (SPEC 9); the indexer's comparators are keyed by exactly these. */
export const SORT_COLUMNS = [
  "id",
  "name",
  "parameterCount",
  "energyWh",
  "locationEmissionsG",
  "marketEmissionsG",
  "embodiedG",
  "totalG",
  "emissionsG",
  "intensity",
  "renewableBps",
  "gPerBillionParams",
  "grade",
  "recWh",
  "creditsG",
  "certificates",
  "marketNetG",
  "leafEarnedWei",
  "trust",
  "attestations",
  "efficiency",
  "mWhPerPflop",
  "mWhPerRequest",
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

/** Columns whose natural order is ascending (smaller is better, or alphabetical). */
export const ASCENDING_BY_DEFAULT: readonly SortColumn[] = [
  "name",
  "intensity",
  "grade",
  "gPerBillionParams",
  "emissionsG",
  "totalG",
  "efficiency",
  "mWhPerPflop",
  "mWhPerRequest",
];

/** Two to four models side by side (GET /api/v1/compare). */
export const COMPARE_MIN = 2;
export const COMPARE_MAX = 4;
/** Rows of each list an address answer carries (newest first); `total` says how many exist. */
export const ADDRESS_LIST_LIMIT = 100;

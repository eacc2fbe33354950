// Typed client of the indexer's public API (/api/v1), for the web app's server components and
// scripts. The base URL is INDEXER_URL (default http://127.0.0.1:42069, the indexer's own port);
// in the browser use the app's origin, where Next rewrites /api/v1/* to the indexer.
//
// Amounts are decimal strings (uint256-safe); convert with BigInt() where arithmetic is needed.

export type Grade = "A" | "B" | "C" | "D" | "E";
export type KindName = "PRETRAINING" | "FINETUNING" | "INFERENCE";
export type MethodName = "METER" | "SOFTWARE" | "ESTIMATE";
export type StatusName =
  | "NONE"
  | "SUBMITTED"
  | "VERIFIED"
  | "DISPUTED"
  | "REJECTED"
  | "WITHDRAWN"
  | "INVALIDATED"
  | "SUPERSEDED"
  | "FINAL";
export type SizeClassName = "small" | "medium" | "large" | "frontier";

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

/** How far the index has synced; `finalityClock` is the time include=final compares finalAt with. */
export interface SyncStatus {
  chainId: number;
  block: { number: number; timestamp: number };
  finalityClock: number;
  warning?: string;
}

/**
 * What a leaderboard counts (SPEC 9): Final attestations, Final and Verified ones, or the
 * self-reported ones (Submitted, never verified), ranked apart and never mixed in.
 */
export type Counting = "final" | "verified" | "self-reported";

/** Efficiency rating (SPEC 9, v1.1): quintile among peers of the same task and kind. */
export type EfficiencyRatingName = Grade | "not enough peers";

/**
 * Efficiency figures (SPEC 9, v1.1), present once attestations carry work units: integer mWh per
 * PFLOP of training compute and per inference request, and the rating among peers.
 */
export interface EfficiencyFigures {
  mWhPerPflop: string | null;
  mWhPerRequest: string | null;
  /** Rating of mWhPerPflop among the same task's models with a training figure. */
  rating: EfficiencyRatingName | null;
  /** Rating of mWhPerRequest among the same task's models with an inference figure. */
  requestRating: EfficiencyRatingName | null;
  /** The block the figures and ratings were computed at. */
  block: number;
}

export interface LeaderboardParams {
  sort?: SortColumn;
  order?: "asc" | "desc";
  basis?: "location" | "market";
  include?: Counting;
  kind?: KindName | KindName[];
  task?: string | string[];
  size?: SizeClassName | SizeClassName[];
  region?: string | string[];
  trust?: MethodName | MethodName[];
  verifier?: string;
  q?: string;
  page?: number;
  /** 1..100 */
  pageSize?: number;
}

export interface LeaderboardRow {
  rank: number;
  /** Which attestations the row counts; "self-reported" rows are never verified. */
  counting: Counting;
  /** Absent until the index has work units (SPEC 9, v1.1). */
  efficiency?: EfficiencyFigures;
  id: string;
  name: string | null;
  organization: string | null;
  task: string | null;
  version: string | null;
  owner: string;
  parentId: string | null;
  parameterCount: string;
  sizeClass: SizeClassName;
  trainingSealed: boolean;
  attestations: number;
  energyWh: string;
  locationEmissionsG: string;
  marketEmissionsG: string;
  embodiedG: string;
  totalG: string;
  /** totalG (basis=location) or marketEmissionsG + embodiedG (basis=market). */
  emissionsG: string;
  basis: "location" | "market";
  intensity: string;
  grade: Grade | null;
  renewableBps: string;
  gPerBillionParams: string | null;
  certificates: { recWh: string; creditsG: string; marketNetG: string };
  leafEarnedWei: string;
  trust: { level: MethodName; methods: Record<MethodName, number>; verifiers: string[] };
  regions: string[];
  /** Some counted attestation is still in its challenge window (include=verified only). */
  includesUnfinal: boolean;
}

export interface Leaderboard {
  apiVersion: "v1";
  sync: SyncStatus;
  query: Record<string, unknown>;
  page: number;
  pageSize: number;
  total: number;
  rows: LeaderboardRow[];
}

export interface ModelSummary {
  id: string;
  name: string | null;
  version: string | null;
  organization: string | null;
  task: string | null;
  /** Provenance label from the metadata, e.g. "self-reported from publications". */
  label: string | null;
  owner: string;
  registrant: string;
  parentId: string | null;
  parameterCount: string;
  sizeClass: SizeClassName;
  metadataHash: string;
  metadataURI: string;
  trainingSealed: boolean;
  sealedAt: string | null;
  attestationCount: number;
  registered: { block: string; timestamp: string; transactionHash: string };
}

export interface ModelAggregate {
  include: "final" | "verified";
  attestations: number;
  energyWh: string;
  locationEmissionsG: string;
  marketEmissionsG: string;
  embodiedG: string;
  totalG: string;
  intensity: string;
  grade: Grade | null;
  renewableBps: string;
  gPerBillionParams: string | null;
  marketNetG: string;
  leafEarnedWei: string;
  methods: Record<MethodName, number>;
  verifiers: string[];
  regions: string[];
  includesUnfinal: boolean;
  byKind: Partial<
    Record<KindName, { attestations: number; energyWh: string; locationEmissionsG: string; totalG: string }>
  >;
}

export interface AttestationView {
  id: string;
  modelId: string;
  kind: KindName;
  method: MethodName;
  status: StatusName;
  counted: { final: boolean; verified: boolean };
  /** In its model's training tally (SPEC 6, v1.1 efficiency bonus). */
  tallied: boolean;
  submitter: string;
  energyWh: string;
  pueMilli: number;
  locationIntensity: number;
  renewableBps: number;
  acceleratorHours: string;
  /** Tokens (PRETRAINING, FINETUNING) or requests (INFERENCE), decimal; "0" when not stated (SPEC 4, v1.1). */
  workUnits: string;
  embodiedG: string;
  locationEmissionsG: string;
  marketEmissionsG: string;
  totalG: string;
  periodStart: string;
  periodEnd: string;
  region: string;
  evidenceHash: string;
  evidenceURI: string;
  rowsRoot: string;
  supersedes: string | null;
  supersededBy: string | null;
  verifier: string | null;
  verifiedAt: string | null;
  finalAt: string | null;
  claimed: boolean;
  rewardWei: string;
  verifierRewardWei: string;
  submitted: { block: string; timestamp: string; transactionHash: string };
  history: Array<{
    event: string;
    from: StatusName;
    to: StatusName;
    actor: string | null;
    detail: Record<string, string | number | null> | null;
    block: string;
    timestamp: string;
    transactionHash: string;
  }>;
}

export interface ModelDetail {
  apiVersion: "v1";
  sync: SyncStatus;
  model: ModelSummary & {
    aggregates: { final: ModelAggregate; verified: ModelAggregate };
    /** Headline figures and efficiency on the strongest counting the model has (as in the models list). */
    figures?: ModelFigures;
    certificatesTotal: { recWh: string; creditsG: string };
    efficiencyBonus: {
      state: "NONE" | "REQUESTED" | "PAID";
      bonusWei: string;
      verifierRewardWei: string;
      /** Training tally (SPEC 6, v1.1): tallied Final METER/SOFTWARE PRETRAINING runs and their energy. */
      tally: { energyWh: string; runs: number };
    };
    rewardsWei: string;
  };
  lineage: { ancestors: ModelSummary[]; children: ModelSummary[] };
  /**
   * `claimableWei`: what a claim pays the owner now (Final, unclaimed, current parameters); null
   * otherwise, and for a superseding attestation (paid less what its chain already paid).
   */
  attestations: Array<AttestationView & { claimableWei: string | null }>;
  certificates: CertificateView[];
  rewards: Array<{
    kind: "attestation" | "efficiency_bonus";
    attestationId: string | null;
    owner: string;
    amountWei: string;
    verifier: string;
    verifierAmountWei: string;
    block: string;
    timestamp: string;
    transactionHash: string;
  }>;
  disputes: DisputeView[];
}

export type CertificateStatusName = "PENDING" | "CONFIRMED" | "REJECTED" | "REVOKED";

/**
 * One certificate record (SPEC 8, v1.1). PENDING and CONFIRMED hold the serial; REJECTED and REVOKED freed it
 * (a later record of the same serial has its own id). Only CONFIRMED counts in the market-based net.
 */
export interface CertificateView {
  id: string;
  modelId: string;
  submitter: string;
  kind: "REC" | "CARBON_CREDIT";
  amount: string;
  unit: "Wh" | "gCO2e";
  /** Issuing registry label, e.g. "I-REC". */
  registry: string;
  /** The serial number or range as recorded (canonical: upper case, single spaces). */
  serial: string;
  serialHash: string;
  uri: string;
  status: CertificateStatusName;
  /** The verifier that confirmed or rejected it. */
  verifier: string | null;
  /** Reason hash of the rejection, or ruling hash of the revocation. */
  reasonHash: string | null;
  /** The arbiter that revoked it. */
  revokedBy: string | null;
  recordedAt: string;
  updatedAt: string;
}

/** A page of certificates (GET /api/v1/certificates), oldest first. */
export interface CertificateList {
  apiVersion: "v1";
  sync: SyncStatus;
  page: number;
  pageSize: number;
  total: number;
  certificates: Array<CertificateView & { modelName: string | null }>;
}

export type DisputeOutcome = "open" | "upheld" | "dismissed";

export interface DisputeView {
  attestationId: string;
  modelId: string;
  challenger: string;
  /** Wei. */
  bond: string;
  /** Seconds of challenge window left when the dispute was opened (it resumes on dismissal). */
  remainingWindow: string;
  reasonURI: string;
  outcome: DisputeOutcome;
  arbiter: string | null;
  rulingHash: string | null;
  openedAt: string;
  openedBlock: string;
  resolvedAt: string | null;
}

/** A page of attestations across models (GET /api/v1/attestations), oldest first. */
export interface AttestationList {
  apiVersion: "v1";
  sync: SyncStatus;
  page: number;
  pageSize: number;
  total: number;
  attestations: Array<AttestationView & { modelName: string | null }>;
}

/** A page of disputes (GET /api/v1/disputes), oldest first. */
export interface DisputeList {
  apiVersion: "v1";
  sync: SyncStatus;
  page: number;
  pageSize: number;
  total: number;
  disputes: Array<DisputeView & { modelName: string | null }>;
}

export interface ModelList {
  apiVersion: "v1";
  sync: SyncStatus;
  page: number;
  pageSize: number;
  total: number;
  models: Array<
    ModelSummary & { grade: Grade | null; totalG: string; finalAttestations: number; figures: ModelFigures }
  >;
}

/** A model's figures on the strongest basis it has (Final, else Verified, else self-reported). */
export interface ModelFigures {
  /** null: nothing attested yet. */
  counting: Counting | null;
  attestations: number;
  energyWh: string;
  locationEmissionsG: string;
  marketEmissionsG: string;
  embodiedG: string;
  totalG: string;
  /** Ranked intensity, gCO2e/kWh; null when nothing is attested. */
  intensity: string | null;
  /** The grid's grade by that intensity: where the energy came from, not the model's efficiency. */
  gridGrade: Grade | null;
  renewableBps: string;
  gPerBillionParams: string | null;
  leafEarnedWei: string;
  trust: { level: MethodName | null; methods: Record<MethodName, number>; verifiers: string[] };
  includesUnfinal: boolean;
  /** SPEC 9 (v1.1), in the same counting; null when nothing is attested. */
  efficiency?: EfficiencyFigures | null;
}

/** GET /api/v1/compare: two to four models side by side. */
export interface Comparison {
  apiVersion: "v1";
  sync: SyncStatus;
  models: Array<
    Omit<ModelFigures, "trust"> & {
      id: string;
      name: string | null;
      organization: string | null;
      task: string | null;
      label: string | null;
      parameterCount: string;
      sizeClass: SizeClassName;
      trust: {
        level: MethodName | null;
        methods: Record<MethodName, number>;
        verifiers: Array<{ address: string; name: string | null }>;
      };
    }
  >;
}

export interface Verifiers {
  apiVersion: "v1";
  sync: SyncStatus;
  verifiers: Array<VerifierProfile & { index: number }>;
}

/** A verifier's public record (SPEC 5): its registry profile and how its verdicts fared. */
export interface VerifierProfile {
  address: string;
  name: string;
  uri: string;
  active: boolean;
  accreditedAt: string;
  verdicts: { verified: number; rejected: number; invalidated: number };
  certificates: { confirmed: number; rejected: number };
  efficiencyBonusesApproved: number;
  rewardWei: string;
}

interface Totals {
  rankedModels: number;
  attestations: number;
  energyWh: string;
  locationEmissionsG: string;
  marketEmissionsG: string;
  embodiedG: string;
  totalG: string;
}

export interface Stats {
  apiVersion: "v1";
  sync: SyncStatus;
  stats: {
    models: number;
    attestations: number;
    byStatus: Record<
      | "SUBMITTED"
      | "VERIFIED_OR_FINAL"
      | "DISPUTED"
      | "REJECTED"
      | "WITHDRAWN"
      | "INVALIDATED"
      | "SUPERSEDED",
      number
    >;
    verifiers: number;
    certificates: number;
    disputes: number;
    leaf: { rewardsWei: string; verifierRewardsWei: string; efficiencyBonusesWei: string; supplyWei: string };
    paused: boolean;
    final: Totals;
    verified: Totals;
    eventsIndexed: number;
  };
}

/** One protocol event of the public feed (GET /api/v1/activity). */
export interface ActivityItem {
  /** Unique and chronological (the indexer's event checkpoint). */
  id: string;
  /** The contract event's name, e.g. AttestationVerified. */
  type: string;
  modelId: string;
  modelName: string | null;
  attestationId: string | null;
  actor: string | null;
  /** LEAF wei (claims, bonuses), bond wei (disputes) or certificate amount, as a decimal string. */
  amount: string | null;
  block: string;
  timestamp: string;
  transactionHash: string;
}

export interface Activity {
  apiVersion: "v1";
  sync: SyncStatus;
  activity: ActivityItem[];
}

/** An error answer of the API: HTTP status, code (bad_parameter, not_found, chain_replaced...) and message. */
export class IndexerError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly param?: string,
  ) {
    super(message);
    this.name = "IndexerError";
  }
}

/** One sentence for a page that could not load its data: the API's own message (naming a bad parameter) or `fallback`. */
export function describeIndexerError(error: unknown, fallback: string): string {
  if (!(error instanceof IndexerError)) return fallback;
  return `${error.message}${error.param ? ` (parameter "${error.param}")` : ""}`;
}

export function indexerUrl(): string {
  return (process.env.INDEXER_URL ?? "http://127.0.0.1:42069").replace(/\/$/, "");
}

function query(params: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    search.set(key, Array.isArray(value) ? value.join(",") : String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** GET `path` of the API as JSON; an error answer becomes an {@link IndexerError}. */
export async function request<T>(
  path: string,
  init?: { baseUrl?: string; signal?: AbortSignal },
): Promise<T> {
  const url = `${init?.baseUrl ?? indexerUrl()}${path}`;
  let response: Response;
  try {
    response = await fetch(url, { cache: "no-store", signal: init?.signal ?? AbortSignal.timeout(10_000) });
  } catch (error) {
    throw new IndexerError(
      0,
      "indexer_unreachable",
      `The indexer at ${url} did not answer: ${(error as Error).message}`,
    );
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: { code?: string; message?: string; param?: string };
    } | null;
    throw new IndexerError(
      response.status,
      body?.error?.code ?? "http_error",
      body?.error?.message ?? `HTTP ${response.status} from ${url}`,
      body?.error?.param,
    );
  }
  return (await response.json()) as T;
}

export type Options = { baseUrl?: string; signal?: AbortSignal };

export function getLeaderboard(params: LeaderboardParams = {}, options?: Options): Promise<Leaderboard> {
  return request(`/api/v1/leaderboard${query({ ...params })}`, options);
}

/** URL of the CSV export for the same parameters (all matching rows when page/pageSize are omitted). */
export function leaderboardCsvUrl(params: LeaderboardParams = {}, baseUrl = ""): string {
  return `${baseUrl}/api/v1/leaderboard.csv${query({ ...params })}`;
}

/** The model, or null when the indexer does not know it (404). */
export async function getModel(id: bigint | number | string, options?: Options): Promise<ModelDetail | null> {
  try {
    return await request<ModelDetail>(`/api/v1/models/${id}`, options);
  } catch (error) {
    if (error instanceof IndexerError && error.status === 404) return null;
    throw error;
  }
}

/** Registered models, newest first. `page` may be the raw URL value: the API validates it (400 naming it). */
export function listModels(
  params: { page?: number | string; pageSize?: number; owner?: string; q?: string } = {},
  options?: Options,
): Promise<ModelList> {
  return request(`/api/v1/models${query(params)}`, options);
}

/** Attestations oldest first, by effective status (`SUBMITTED` is the verifiers' queue) and model. */
export function listAttestations(
  params: {
    status?: StatusName | StatusName[];
    model?: bigint | number | string;
    page?: number | string;
    pageSize?: number;
  } = {},
  options?: Options,
): Promise<AttestationList> {
  return request(`/api/v1/attestations${query(params)}`, options);
}

/** Certificates oldest first, by status (`PENDING` is the verifiers' certificate queue) and model. */
export function listCertificates(
  params: {
    status?: CertificateStatusName | CertificateStatusName[];
    model?: bigint | number | string;
    page?: number | string;
    pageSize?: number;
  } = {},
  options?: Options,
): Promise<CertificateList> {
  return request(`/api/v1/certificates${query(params)}`, options);
}

/** Disputes oldest first, by outcome (`open` is the arbiters' queue). */
export function listDisputes(
  params: { outcome?: DisputeOutcome | DisputeOutcome[]; page?: number | string; pageSize?: number } = {},
  options?: Options,
): Promise<DisputeList> {
  return request(`/api/v1/disputes${query(params)}`, options);
}

/** Recent protocol events, newest first (limit 1..100), optionally of one model. */
export function getActivity(
  params: { limit?: number; model?: bigint | number | string } = {},
  options?: Options,
): Promise<Activity> {
  return request(`/api/v1/activity${query(params)}`, options);
}

/** Two to four models side by side; the API answers 400 with a sentence when the ids are not usable. */
export function getComparison(
  ids: ReadonlyArray<bigint | number | string>,
  options?: Options,
): Promise<Comparison> {
  return request(`/api/v1/compare?ids=${ids.map(String).map(encodeURIComponent).join(",")}`, options);
}

export function getVerifiers(options?: Options): Promise<Verifiers> {
  return request("/api/v1/verifiers", options);
}

export function getStats(options?: Options): Promise<Stats> {
  return request("/api/v1/stats", options);
}

export function getStatus(options?: Options): Promise<{ apiVersion: "v1"; sync: SyncStatus }> {
  return request("/api/v1/status", options);
}

/** Badge image URL for a model's README (`![carbon grade](…)`). */
export function badgeUrl(
  id: bigint | number | string,
  baseUrl = "",
  include: "final" | "verified" = "final",
): string {
  return `${baseUrl}/api/v1/badge/${id}.svg${include === "verified" ? "?include=verified" : ""}`;
}

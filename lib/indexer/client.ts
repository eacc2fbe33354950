// Typed client of the indexer's public API (/api/v1), for the web app's server components and
// scripts. The base URL is INDEXER_URL (default http://127.0.0.1:42069, the indexer's own port);
// in the browser use the app's origin, where Next rewrites /api/v1/* to the indexer.
//
// Amounts are decimal strings (uint256-safe); convert with BigInt() where arithmetic is needed.

import type * as z from "zod";
import type * as api from "../api/answers";
import type { Counting, SortColumn } from "../api/vocabulary";

// The answer types are inferred from the API's schemas (lib/api/answers.ts, the one definition the
// indexer is tested against and its OpenAPI document is generated from). Type-only imports: the
// browser bundles that use this client ship no zod.
export { SORT_COLUMNS } from "../api/vocabulary";
export type { Counting, SortColumn };

export type Grade = z.output<typeof api.grade>;
export type KindName = z.output<typeof api.kindName>;
export type MethodName = z.output<typeof api.methodName>;
export type StatusName = z.output<typeof api.statusName>;
export type SizeClassName = z.output<typeof api.sizeClassName>;
export type CertificateStatusName = z.output<typeof api.certificateStatusName>;
export type DisputeOutcome = z.output<typeof api.disputeOutcome>;
/** Efficiency rating (SPEC 9, v1.1): quintile among peers of the same task and kind. */
export type EfficiencyRatingName = z.output<typeof api.efficiencyRating>;

export type SyncStatus = z.output<typeof api.syncStatus>;
export type EfficiencyFigures = z.output<typeof api.efficiencyFigures>;
export type LeaderboardRow = z.output<typeof api.leaderboardRow>;
export type Leaderboard = z.output<typeof api.leaderboard>;
export type ModelSummary = z.output<typeof api.modelSummary>;
export type ModelFigures = z.output<typeof api.modelFigures>;
export type ModelAggregate = z.output<typeof api.modelAggregate>;
export type ModelList = z.output<typeof api.modelList>;
export type ModelDetail = z.output<typeof api.modelDetail>;
export type AttestationView = z.output<typeof api.attestationView>;
export type AttestationList = z.output<typeof api.attestationList>;
export type CertificateView = z.output<typeof api.certificateView>;
export type CertificateList = z.output<typeof api.certificateList>;
export type DisputeView = z.output<typeof api.disputeView>;
export type DisputeList = z.output<typeof api.disputeList>;
export type Comparison = z.output<typeof api.comparison>;
export type VerifierProfile = z.output<typeof api.verifierProfile>;
export type Verifiers = z.output<typeof api.verifiers>;
export type Stats = z.output<typeof api.stats>;
export type ActivityItem = z.output<typeof api.activityItem>;
export type Activity = z.output<typeof api.activity>;
/** GET /api/v1/status: how far the index has synced and whether it has caught up. */
export type IndexStatus = z.output<typeof api.status>;

/** Query of GET /api/v1/leaderboard (lib/api/queries.ts checks it; a bad value is a 400 naming it). */
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
  page?: number | string;
  /** 1..100 */
  pageSize?: number | string;
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

export type Options = {
  /** Origin the API is served on (…/api/v1/… is appended); default INDEXER_URL. */
  baseUrl?: string;
  /** The API's root itself, e.g. https://example.org/api/v1 (what the CLI's --api names). */
  apiUrl?: string;
  signal?: AbortSignal;
};

/** The URL of `path` ("/api/v1/…") for these options. */
export function urlOf(path: string, options?: Options): string {
  if (options?.apiUrl) return `${options.apiUrl.replace(/\/$/, "")}${path.replace(/^\/api\/v1/, "")}`;
  return `${options?.baseUrl ?? indexerUrl()}${path}`;
}

/**
 * GET `path` of the API as JSON; an error answer becomes an {@link IndexerError}: status 0 with
 * code indexer_unreachable when nothing answered, code http_error or not_json when the answer is
 * not the API's own error.
 */
export async function request<T>(path: string, init?: Options): Promise<T> {
  const url = urlOf(path, init);
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
  const body = (await response.json().catch(() => undefined)) as
    | { error?: string | { code?: string; message?: string; param?: string } }
    | undefined;
  if (!response.ok) {
    // Some proxies answer { error: "text" }: the text is still the server's own sentence.
    const e = typeof body?.error === "string" ? { code: "error", message: body.error } : body?.error;
    throw new IndexerError(
      response.status,
      e?.code ?? "http_error",
      e?.message ?? `HTTP ${response.status} from ${url}`,
      e?.param,
    );
  }
  if (body === undefined) throw new IndexerError(response.status, "not_json", `${url} did not answer JSON`);
  return body as T;
}

/** Path and query of GET /api/v1/leaderboard. */
export function leaderboardPath(params: LeaderboardParams = {}): string {
  return `/api/v1/leaderboard${query({ ...params })}`;
}

export function getLeaderboard(params: LeaderboardParams = {}, options?: Options): Promise<Leaderboard> {
  return request(leaderboardPath(params), options);
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

/**
 * Attestations oldest first, by effective status (`SUBMITTED` is the verifiers' queue), model and
 * verifier (whose verdict it carries).
 */
export function listAttestations(
  params: {
    status?: StatusName | StatusName[];
    model?: bigint | number | string;
    verifier?: string;
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

export function getStatus(options?: Options): Promise<IndexStatus> {
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

import "server-only";
import type { Grade } from "../spec";

/**
 * The indexer's public v1 API, read by server components (never by looping over contract
 * calls). INDEXER_URL is where the indexer listens; browsers reach the same API on the app's
 * origin under /api/v1 (next.config.ts rewrites it).
 */
export function indexerUrl(): string {
  return process.env.INDEXER_URL ?? "http://127.0.0.1:42069";
}

export interface SyncStatus {
  chainId: number;
  block: { number: number; timestamp: number };
  finalityClock: number;
}

export interface LeaderboardRow {
  rank: number;
  id: string;
  name: string | null;
  organization: string | null;
  task: string | null;
  version: string | null;
  owner: string;
  parentId: string | null;
  parameterCount: string;
  sizeClass: string;
  trainingSealed: boolean;
  attestations: number;
  energyWh: string;
  locationEmissionsG: string;
  marketEmissionsG: string;
  embodiedG: string;
  totalG: string;
  emissionsG: string;
  basis: "location" | "market";
  intensity: string;
  grade: Grade;
  renewableBps: string;
  gPerBillionParams: string | null;
  certificates: { recWh: string; creditsG: string; marketNetG: string };
  leafEarnedWei: string;
  trust: { level: string; methods: Record<"METER" | "SOFTWARE" | "ESTIMATE", number>; verifiers: string[] };
  regions: string[];
  includesUnfinal: boolean;
}

export interface Leaderboard {
  sync: SyncStatus;
  page: number;
  pageSize: number;
  total: number;
  rows: LeaderboardRow[];
}

export interface Stats {
  sync: SyncStatus;
  stats: {
    models: number;
    attestations: number;
    verifiers: number;
    certificates: number;
    disputes: number;
    leaf: { rewardsWei: string; verifierRewardsWei: string; efficiencyBonusesWei: string; supplyWei: string };
    final: {
      rankedModels: number;
      attestations: number;
      energyWh: string;
      totalG: string;
      locationEmissionsG: string;
    };
    verified: { rankedModels: number; attestations: number; energyWh: string; totalG: string };
  };
}

/** The API answered with an error (400 names the parameter; 503 when the chain was replaced). */
export class IndexerError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly param?: string,
  ) {
    super(message);
  }
}

async function get<T>(path: string, params?: URLSearchParams): Promise<T> {
  const url = `${indexerUrl()}${path}${params && params.size > 0 ? `?${params}` : ""}`;
  let response: Response;
  try {
    response = await fetch(url, { cache: "no-store", signal: AbortSignal.timeout(5000) });
  } catch {
    throw new IndexerError(0, `The indexer at ${indexerUrl()} did not answer. Is it running?`);
  }
  const body = (await response.json().catch(() => null)) as
    | (T & { error?: { code?: string; message?: string; param?: string } })
    | null;
  if (!response.ok || !body) {
    throw new IndexerError(
      response.status,
      body?.error?.message ?? `The indexer answered HTTP ${response.status}.`,
      body?.error?.param,
    );
  }
  return body;
}

export function getLeaderboard(params: URLSearchParams): Promise<Leaderboard> {
  return get<Leaderboard>("/api/v1/leaderboard", params);
}

export function getStats(): Promise<Stats> {
  return get<Stats>("/api/v1/stats");
}

export interface VerifierRecord {
  address: string;
  index: number;
  name: string;
  uri: string;
  active: boolean;
  accreditedAt: string;
  verdicts: { verified: number; rejected: number; invalidated: number };
  certificates: { confirmed: number; rejected: number };
  efficiencyBonusesApproved: number;
  rewardWei: string;
}

export function getVerifiers(): Promise<{ sync: SyncStatus; verifiers: VerifierRecord[] }> {
  return get("/api/v1/verifiers");
}

// Typed client of the explorer's endpoints: one attestation (GET /api/v1/attestations/{id}) and
// one address (GET /api/v1/addresses/{address}). Same conventions as ./client.ts.
import {
  type AttestationView,
  type DisputeView,
  IndexerError,
  type Options,
  request,
  type StatusName,
  type SyncStatus,
  type VerifierProfile,
} from "./client";

export type { VerifierProfile };

/** One LEAF payment: an attestation's reward or an efficiency bonus, with the verifier's share. */
export interface RewardPayment {
  kind: "attestation" | "efficiency_bonus";
  attestationId: string | null;
  modelId: string;
  owner: string;
  amountWei: string;
  verifier: string;
  verifierAmountWei: string;
  block: string;
  timestamp: string;
  transactionHash: string;
}

export interface AttestationDetail {
  apiVersion: "v1";
  sync: SyncStatus;
  attestation: AttestationView & {
    /** Log index of each history entry's event in its transaction (same order as `history`). */
    logIndexes: number[];
    model: { id: string; name?: string | null; owner?: string };
    verifierProfile: VerifierProfile | null;
    /** Registry names of the accounts that acted on it (verifiers), by lower-case address. */
    actorNames: Record<string, string>;
    /** Seconds of challenge window left while Disputed (it resumes on dismissal). */
    remainingWindow: string | null;
    challengeWindowSeconds: string;
    /** What a claim would pay the owner at today's parameters; null once claimed or when it cannot pay. */
    projectedRewardWei: string | null;
  };
  disputes: DisputeView[];
  rewards: RewardPayment[];
}

export interface AddressActivity {
  apiVersion: "v1";
  sync: SyncStatus;
  address: string;
  models: Array<{
    id: string;
    name: string | null;
    organization: string | null;
    attestationCount: number;
    trainingSealed: boolean;
  }>;
  /** Newest first, at most 100 (`total` counts all). */
  attestations: { total: number; list: Array<AttestationView & { modelName: string | null }> };
  verifier: VerifierProfile | null;
  verdicts: {
    total: number;
    list: Array<{
      attestationId: string;
      modelId: string;
      modelName: string | null;
      verdict: "verified" | "rejected";
      status: StatusName;
      /** Invalidated later by an upheld dispute. */
      invalidated: boolean;
      block: string | null;
      timestamp: string | null;
      transactionHash: string | null;
    }>;
  };
  disputesOpened: Array<DisputeView & { modelName: string | null }>;
  /** Disputes this address ruled on as arbiter. */
  rulings: Array<DisputeView & { modelName: string | null }>;
  certificates: Array<{
    id: string;
    modelId: string;
    modelName: string | null;
    kind: "REC" | "CARBON_CREDIT";
    amount: string;
    unit: "Wh" | "gCO2e";
    registry: string;
    status: "RECORDED" | "CONFIRMED" | "REJECTED";
    recordedAt: string;
  }>;
  leaf: { earnedWei: string; asOwnerWei: string; asVerifierWei: string; payments: RewardPayment[] };
}

/** The attestation, or null when the index does not know it (404). A malformed id throws (400). */
export async function getAttestation(id: string, options?: Options): Promise<AttestationDetail | null> {
  try {
    return await request<AttestationDetail>(`/api/v1/attestations/${encodeURIComponent(id)}`, options);
  } catch (error) {
    if (error instanceof IndexerError && error.status === 404) return null;
    throw error;
  }
}

/** What an address did in the protocol. A malformed address throws an IndexerError with status 400. */
export function getAddressActivity(address: string, options?: Options): Promise<AddressActivity> {
  return request<AddressActivity>(`/api/v1/addresses/${encodeURIComponent(address)}`, options);
}

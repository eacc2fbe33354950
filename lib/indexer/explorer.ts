// Typed client of the explorer's endpoints: one attestation (GET /api/v1/attestations/{id}) and
// one address (GET /api/v1/addresses/{address}). Same conventions as ./client.ts.
import type * as z from "zod";
import type * as api from "../api/answers";
import { IndexerError, type Options, request, type VerifierProfile } from "./client";

export type { VerifierProfile };
/** One LEAF payment: an attestation's reward or an efficiency bonus, with the verifier's share. */
export type RewardPayment = z.output<typeof api.rewardPayment>;
export type AttestationDetail = z.output<typeof api.attestationDetail>;
export type AddressActivity = z.output<typeof api.addressActivity>;

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

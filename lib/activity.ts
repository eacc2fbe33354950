// Plain-words description of one activity-feed event (GET /api/v1/activity), shared by the home
// page and anything else that lists protocol events.
import type { ActivityItem } from "./indexer/client";
import { formatLeaf, formatScaled } from "./units";

const VERBS: Record<string, string> = {
  ModelRegistered: "registered",
  TrainingSealed: "sealed the training of",
  AttestationSubmitted: "submitted an attestation for",
  AttestationVerified: "verified an attestation of",
  AttestationRejected: "rejected an attestation of",
  AttestationWithdrawn: "withdrew an attestation of",
  AttestationSuperseded: "superseded an attestation of",
  AttestationDisputed: "disputed an attestation of",
  DisputeUpheld: "upheld a dispute against",
  DisputeDismissed: "dismissed a dispute against",
  AttestationInvalidatedUnreviewed: "invalidated a revoked verifier's verdict on",
  RewardClaimed: "claimed LEAF for",
  CertificateRecorded: "recorded a certificate for",
  CertificateConfirmed: "confirmed a certificate of",
  CertificateRejected: "rejected a certificate of",
  CertificateRevoked: "revoked a certificate of",
  EfficiencyBonusPaid: "was paid an efficiency bonus for",
};

export interface ActivityText {
  /** What happened, to be followed by the model's name. */
  verb: string;
  /** A LEAF payment or dispute bond in words, when the event carries one. */
  amount: string | null;
}

export function describeActivity(item: Pick<ActivityItem, "type" | "amount">): ActivityText {
  const verb = VERBS[item.type] ?? `${item.type} on`;
  if (item.amount === null) return { verb, amount: null };
  const wei = BigInt(item.amount);
  switch (item.type) {
    case "RewardClaimed":
    case "EfficiencyBonusPaid":
      return { verb, amount: formatLeaf(wei) };
    case "AttestationDisputed":
      return { verb, amount: `bond ${formatScaled(wei, 10n ** 18n, 4)} ETH` };
    default:
      return { verb, amount: null };
  }
}

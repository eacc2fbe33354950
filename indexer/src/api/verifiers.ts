// A verifier's public profile (the registry's name and URI, its verdicts, certificate reviews,
// bonuses approved and LEAF earned): one shape for the explorer and the verifiers list.
import type schema from "ponder:schema";
import type { VerifierProfile } from "../../../lib/indexer/explorer";

export function verifierJson(v: typeof schema.verifier.$inferSelect): VerifierProfile {
  return {
    address: v.address,
    name: v.name,
    uri: v.uri,
    active: v.active,
    accreditedAt: v.accreditedAt.toString(),
    verdicts: { verified: v.verified, rejected: v.rejected, invalidated: v.invalidated },
    certificates: { confirmed: v.certificatesConfirmed, rejected: v.certificatesRejected },
    efficiencyBonusesApproved: v.bonusesApproved,
    rewardWei: v.rewardWei.toString(),
  };
}

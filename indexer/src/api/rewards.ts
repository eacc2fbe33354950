// LEAF payments as the API shows them (SPEC 6): a paid reward row, and what a claim would pay.
import type schema from "ponder:schema";
import { attestationReward } from "../../../lib/formulas";
import type { RewardPayment } from "../../../lib/indexer/explorer";
import type { Method, ProtocolParams } from "../../../lib/spec";

type RewardRow = typeof schema.reward.$inferSelect;
type AttestationRow = typeof schema.attestation.$inferSelect;

/** One payment as the explorer lists it (per attestation and per address). */
export function rewardJson(r: RewardRow): RewardPayment {
  const { kind, attestationId, ...paid } = modelRewardJson(r);
  return { kind, attestationId, modelId: r.modelId.toString(), ...paid };
}

/** One payment in a model's own list, where the model is implied (its schema omits modelId). */
export function modelRewardJson(r: RewardRow): Omit<RewardPayment, "modelId"> {
  return {
    kind: r.kind,
    attestationId: r.attestationId,
    owner: r.owner,
    amountWei: r.amountWei.toString(),
    verifier: r.verifier,
    verifierAmountWei: r.verifierAmountWei.toString(),
    block: r.blockNumber.toString(),
    timestamp: r.timestamp.toString(),
    transactionHash: r.transactionHash,
  };
}

/** What a claim of `a` pays its owner at `params` (SPEC 6), wei as a decimal string. */
export function claimRewardWei(a: AttestationRow, params: ProtocolParams): string {
  return attestationReward(
    {
      energyWh: a.energyWh,
      locationIntensity: BigInt(a.locationIntensity),
      renewableBps: BigInt(a.renewableBps),
      method: a.method as Method,
    },
    params,
  ).toString();
}

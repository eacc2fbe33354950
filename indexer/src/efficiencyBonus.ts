// EfficiencyBonus handlers (SPEC 6): requests, verdicts and payouts of the once-per-model bonus.
import { ponder } from "ponder:registry";
import { model, reward } from "ponder:schema";
import { bumpStats, bumpVerifier, type Hex, recordActivity } from "./store";

ponder.on("EfficiencyBonus:EfficiencyBonusRequested", async ({ event, context }) => {
  await context.db
    .update(model, { id: event.args.modelId })
    .set({ bonusState: 1, updatedBlock: event.block.number });
  await bumpStats(context, event);
});

ponder.on("EfficiencyBonus:EfficiencyBonusRejected", async ({ event, context }) => {
  await context.db
    .update(model, { id: event.args.modelId })
    .set({ bonusState: 0, updatedBlock: event.block.number });
  await bumpStats(context, event);
});

ponder.on("EfficiencyBonus:EfficiencyBonusPaid", async ({ event, context }) => {
  const { modelId, owner, verifier: by, bonus, verifierReward } = event.args;
  await context.db.update(model, { id: modelId }).set({
    bonusState: 2,
    bonusWei: bonus,
    bonusVerifierWei: verifierReward,
    updatedBlock: event.block.number,
  });
  await context.db.insert(reward).values({
    id: event.id,
    kind: "efficiency_bonus",
    attestationId: null,
    modelId,
    owner: owner.toLowerCase() as Hex,
    amountWei: bonus,
    verifier: by.toLowerCase() as Hex,
    verifierAmountWei: verifierReward,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
  });
  await bumpVerifier(context, by.toLowerCase() as Hex, event.block.timestamp, {
    bonusesApproved: 1,
    rewardWei: verifierReward,
  });
  await bumpStats(context, event, { bonusesWei: bonus, verifierRewardsWei: verifierReward });
  await recordActivity(context, event, "EfficiencyBonusPaid", { modelId, actor: owner, amount: bonus });
});

// EfficiencyBonus handlers (SPEC 6): requests, verdicts and payouts of the once-per-model bonus.
import { ponder } from "ponder:registry";
import { model, verifier } from "ponder:schema";
import { bumpStats, bumpVerifier, type Hex, recordActivity, recordReward } from "./store";

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
  await recordReward(context, event, {
    kind: "efficiency_bonus",
    attestationId: null,
    modelId,
    owner,
    amountWei: bonus,
    verifier: by,
    verifierAmountWei: verifierReward,
  });
  // SPEC 6 (v1.1): the arbiter may approve a request a verifier rejected; the event then names the
  // arbiter (with verifierReward 0), who is no verifier: only an accredited verifier's row counts it.
  const payee = by.toLowerCase() as Hex;
  if (await context.db.find(verifier, { address: payee }))
    await bumpVerifier(context, payee, event.block.timestamp, {
      bonusesApproved: 1,
      rewardWei: verifierReward,
    });
  await bumpStats(context, event, { bonusesWei: bonus, verifierRewardsWei: verifierReward });
  await recordActivity(context, event, "EfficiencyBonusPaid", { modelId, actor: owner, amount: bonus });
});

// AttestationRegistry's training tally (SPEC 6, v1.1 "Approving costs bounded gas"): the running sums of Final
// METER/SOFTWARE PRETRAINING energy that the efficiency bonus approval reads. Anyone tallies runs
// (TrainingRunTallied, one event per run); a verified correction superseding a tallied run takes it out
// (TrainingRunUntallied). The model row keeps the sum and count, the attestation row whether it is tallied; the
// tally is complete when the count equals the model's live PRETRAINING runs.
import { ponder } from "ponder:registry";
import { attestation } from "ponder:schema";
import { addToModel, bumpStats, type Ctx, type Ev } from "./index";

type Hex = `0x${string}`;

async function count(context: Ctx, event: Ev, modelId: bigint, id: Hex, energyWh: bigint, sign: 1 | -1) {
  await context.db.update(attestation, { id }).set({ tallied: sign === 1, updatedAt: event.block.timestamp });
  await addToModel(context, event, modelId, { tallyWh: BigInt(sign) * energyWh, tallyRuns: sign });
  await bumpStats(context, event);
}

ponder.on("AttestationRegistry:TrainingRunTallied", async ({ event, context }) => {
  const { modelId, id, energyWh } = event.args;
  await count(context, event, modelId, id, energyWh, 1);
});

ponder.on("AttestationRegistry:TrainingRunUntallied", async ({ event, context }) => {
  const { modelId, id, energyWh } = event.args;
  await count(context, event, modelId, id, energyWh, -1);
});

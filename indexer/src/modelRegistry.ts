// ModelRegistry handlers (SPEC 3): registrations, metadata, seals and transfers of the model NFTs.
import { ponder } from "ponder:registry";
import { model } from "ponder:schema";
import { zeroAddress } from "viem";
import { sizeClassOf } from "../../lib/spec";
import { NO_METADATA, readLocalMetadata } from "./lib/metadata";
import { bumpStats, type Hex, recordActivity } from "./store";

ponder.on("ModelRegistry:ModelRegistered", async ({ event, context }) => {
  const a = event.args;
  const meta = readLocalMetadata(a.metadataHash) ?? NO_METADATA;
  await context.db.insert(model).values({
    id: a.modelId,
    owner: a.owner.toLowerCase() as Hex,
    registrant: a.owner.toLowerCase() as Hex,
    parentId: a.parentId,
    parameterCount: BigInt(a.parameterCount),
    sizeClass: sizeClassOf(BigInt(a.parameterCount)),
    metadataHash: a.metadataHash,
    metadataURI: a.metadataURI,
    ...meta,
    trainingSealed: false,
    sealedAt: null,
    bonusState: 0,
    bonusWei: 0n,
    bonusVerifierWei: 0n,
    rewardsWei: 0n,
    recWh: 0n,
    creditsG: 0n,
    attestationCount: 0,
    registeredBlock: event.block.number,
    registeredAt: event.block.timestamp,
    registeredTx: event.transaction.hash,
    updatedBlock: event.block.number,
  });
  await bumpStats(context, event, { models: 1 });
  await recordActivity(context, event, "ModelRegistered", { modelId: a.modelId, actor: a.owner });
});

ponder.on("ModelRegistry:ModelMetadataUpdated", async ({ event, context }) => {
  const a = event.args;
  const meta = readLocalMetadata(a.metadataHash) ?? NO_METADATA;
  await context.db.update(model, { id: a.modelId }).set({
    metadataHash: a.metadataHash,
    metadataURI: a.metadataURI,
    ...meta,
    updatedBlock: event.block.number,
  });
  await bumpStats(context, event);
});

ponder.on("ModelRegistry:TrainingSealed", async ({ event, context }) => {
  await context.db
    .update(model, { id: event.args.modelId })
    .set({ trainingSealed: true, sealedAt: event.block.timestamp, updatedBlock: event.block.number });
  await bumpStats(context, event);
  await recordActivity(context, event, "TrainingSealed", { modelId: event.args.modelId });
});

ponder.on("ModelRegistry:Transfer", async ({ event, context }) => {
  const { from, to, tokenId } = event.args;
  // The mint is recorded by ModelRegistered (emitted after it in the same call).
  if (from !== zeroAddress) {
    await context.db
      .update(model, { id: tokenId })
      .set({ owner: to.toLowerCase() as Hex, updatedBlock: event.block.number });
  }
  await bumpStats(context, event);
});

ponder.on("ModelRegistry:ModelRegistryPauseSet", async ({ event, context }) => {
  await bumpStats(context, event);
});
ponder.on("ModelRegistry:Approval", async ({ event, context }) => {
  await bumpStats(context, event);
});
ponder.on("ModelRegistry:ApprovalForAll", async ({ event, context }) => {
  await bumpStats(context, event);
});

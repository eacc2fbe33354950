// LeafToken handlers: the supply (mints and burns) in the global counters.
import { ponder } from "ponder:registry";
import { zeroAddress } from "viem";
import { bumpStats } from "./store";

ponder.on("LeafToken:Transfer", async ({ event, context }) => {
  const { from, to, value } = event.args;
  const delta = from === zeroAddress ? value : to === zeroAddress ? -value : 0n;
  await bumpStats(context, event, delta === 0n ? {} : { leafSupplyWei: delta });
});
ponder.on("LeafToken:Approval", async ({ event, context }) => {
  await bumpStats(context, event);
});
ponder.on("LeafToken:EIP712DomainChanged", async ({ event, context }) => {
  await bumpStats(context, event);
});

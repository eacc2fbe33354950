// AttestationRegistry governance handlers: verifier accreditation and profiles, roles, protocol
// parameters and the events only counted (pauses: pause.ts).
import { ponder } from "ponder:registry";
import { bumpStats, bytes32Text, setParameter, upsertVerifier, VERIFIER_ROLE } from "./store";

ponder.on("AttestationRegistry:VerifierProfileSet", async ({ event, context }) => {
  const { verifier: account, index, name, uri } = event.args;
  const existed = await upsertVerifier(context, account, event.block.timestamp, () => ({ index, name, uri }));
  await bumpStats(context, event, existed ? {} : { verifiers: 1 });
});

ponder.on("AttestationRegistry:RoleGranted", async ({ event, context }) => {
  if (event.args.role === VERIFIER_ROLE) {
    const at = event.block.timestamp;
    const existed = await upsertVerifier(context, event.args.account, at, () => ({
      active: true,
      accreditedAt: at,
    }));
    await bumpStats(context, event, existed ? {} : { verifiers: 1 });
  } else {
    await bumpStats(context, event);
  }
});

ponder.on("AttestationRegistry:RoleRevoked", async ({ event, context }) => {
  if (event.args.role === VERIFIER_ROLE) {
    await upsertVerifier(context, event.args.account, event.block.timestamp, () => ({ active: false }));
  }
  await bumpStats(context, event);
});

ponder.on("AttestationRegistry:ParameterSet", async ({ event, context }) => {
  await setParameter(context, event, bytes32Text(event.args.name), event.args.newValue.toString());
  await bumpStats(context, event);
});
ponder.on("AttestationRegistry:TreasurySet", async ({ event, context }) => {
  await setParameter(context, event, "treasury", event.args.newTreasury.toLowerCase());
  await bumpStats(context, event);
});
ponder.on("AttestationRegistry:RefundWithdrawn", async ({ event, context }) => {
  await bumpStats(context, event);
});
ponder.on("AttestationRegistry:NonceCancelled", async ({ event, context }) => {
  await bumpStats(context, event);
});
ponder.on("AttestationRegistry:RoleAdminChanged", async ({ event, context }) => {
  await bumpStats(context, event);
});
ponder.on("AttestationRegistry:EIP712DomainChanged", async ({ event, context }) => {
  await bumpStats(context, event);
});

// AttestationInvalidatedUnreviewed (SPEC 5, v1.1): the arbiter invalidates, without a dispute, a Verified
// attestation of a revoked verifier before it becomes Final. Same effects as an upheld dispute, without the
// dispute row: the attestation leaves Verified (its figures leave the model's aggregate, in transition), the
// status history gains the transition with its block, time and transaction, and the verifier's public record
// counts one more invalidated verdict.
import { ponder } from "ponder:registry";
import { zeroAddress } from "viem";
import { Status } from "../../lib/spec";
import { bumpVerifier, transition } from "./index";

type Hex = `0x${string}`;

ponder.on("AttestationRegistry:AttestationInvalidatedUnreviewed", async ({ event, context }) => {
  const { id, arbiter, verifier: v, rulingHash } = event.args;
  const verifier = v.toLowerCase() as Hex;
  await transition(
    context,
    event,
    id,
    "AttestationInvalidatedUnreviewed",
    Status.INVALIDATED,
    arbiter.toLowerCase() as Hex,
    {},
    { verifier, rulingHash },
  );
  if (v !== zeroAddress) await bumpVerifier(context, verifier, event.block.timestamp, { invalidated: 1 });
});

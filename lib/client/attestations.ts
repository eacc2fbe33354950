/**
 * AttestationRegistry: submissions, verdicts, rewards and nonces here; reads, signatures and disputes in the
 * attestation*.ts modules beside it, combined into one module by `attestationsModule`.
 */
import { type Address, type Hex, zeroAddress, zeroHash } from "viem";
import {
  type AttestationStruct,
  attestationId,
  type SignedSubmission,
  type SignedVerdict,
  type SignedVerifiedAttestation,
} from "../eip712";
import { attestationDisputesModule } from "./attestationDisputes";
import { type AttestationInput, prepareAttestation } from "./attestationInput";
import { attestationReadsModule } from "./attestationReads";
import { attestationSigningModule } from "./attestationSigning";
import { type Core, eventArgs, eventFields } from "./core";
import { GreenprintValidationError } from "./types";

/** Outcome of a submission. */
export interface SubmitResult {
  id: Hex;
  attestation: AttestationStruct;
  locationEmissionsG?: bigint;
  marketEmissionsG?: bigint;
  totalG?: bigint;
}

/** Outcome of a reward claim: the owner's reward and the verifier's share (zero address and share before sending). */
export interface RewardClaim {
  id: Hex;
  reward: bigint;
  verifier: Address;
  verifierReward: bigint;
}

type Events = Parameters<typeof eventArgs>[0];

function submitResult(events: Events): SubmitResult {
  return eventFields<Required<SubmitResult>>(events, "AttestationSubmitted", [
    "id",
    "attestation",
    "locationEmissionsG",
    "marketEmissionsG",
    "totalG",
  ]);
}

/** The arguments after the attestation of submitWithSig and submitVerified: who signed, nonce, deadline, signature. */
function signedArgs(signed: SignedSubmission | SignedVerifiedAttestation) {
  return [signed.signer, signed.nonce, signed.deadline, signed.signature] as const;
}

const REGISTRY = "AttestationRegistry" as const;

const finalAtOf = (events: Events) => eventArgs(events, "AttestationVerified").finalAt as bigint;

export function attestationsModule(core: Core) {
  const reads = attestationReadsModule(core);
  const prepare = (input: AttestationInput) => prepareAttestation(core, input);

  /** How a submission's outcome is read: its event once sent, the id from the simulation before. */
  const submitted = (attestation: AttestationStruct) => ({
    fromEvents: submitResult,
    fromSimulation: (sim: Hex): SubmitResult => ({ id: sim, attestation }),
  });

  const submitAttestation = core.write(async (input: AttestationInput) => {
    const attestation = await prepare(input);
    return { contract: REGISTRY, functionName: "submit", args: [attestation], ...submitted(attestation) };
  });

  const submitAttestationWithSig = core.write(async (signed: SignedSubmission) => {
    const attestation = await prepare(signed.attestation);
    const args = [attestation, ...signedArgs(signed)] as const;
    return { contract: REGISTRY, functionName: "submitWithSig", args, ...submitted(attestation) };
  });

  const submitVerified = core.write(async (signed: SignedVerifiedAttestation) => {
    const attestation = await prepare(signed.attestation);
    return {
      contract: "AttestationRegistry" as const,
      functionName: "submitVerified",
      args: [attestation, ...signedArgs(signed)],
      fromEvents: (events: Events) => ({
        ...submitResult(events),
        finalAt: finalAtOf(events) as bigint | undefined,
      }),
      fromSimulation: (sim) => ({ id: sim, attestation, finalAt: undefined as bigint | undefined }),
    };
  });

  const verify = core.write((input: { id: Hex }) => ({
    contract: "AttestationRegistry" as const,
    functionName: "verify",
    args: [input.id],
    fromEvents: (events: Events) => ({ finalAt: finalAtOf(events) }),
  }));

  const reject = core.write((input: { id: Hex; reasonHash?: Hex }) => ({
    contract: "AttestationRegistry" as const,
    functionName: "reject",
    args: [input.id, input.reasonHash ?? zeroHash],
    fromEvents: () => undefined,
  }));

  const relayVerdict = core.write((signed: SignedVerdict) => ({
    contract: "AttestationRegistry" as const,
    functionName: "verdictWithSig",
    args: [
      signed.attestationId,
      signed.approve,
      signed.reasonHash,
      signed.signer,
      signed.nonce,
      signed.deadline,
      signed.signature,
    ],
    fromEvents: (events: Events) =>
      signed.approve ? { finalAt: finalAtOf(events) } : { finalAt: undefined },
  }));

  const withdraw = core.write((input: { id: Hex }) => ({
    contract: "AttestationRegistry" as const,
    functionName: "withdraw",
    args: [input.id],
    fromEvents: () => undefined,
  }));

  /** Claims a Final attestation's reward; given only its id, the fields are read from its event. */
  const claimReward = core.write(async (input: { id: Hex } | { attestation: AttestationStruct }) => {
    const attestation =
      "attestation" in input
        ? input.attestation
        : (await reads.getSubmittedAttestation(input.id))?.attestation;
    if (!attestation) {
      throw new GreenprintValidationError({
        id: `no attestation ${(input as { id: Hex }).id} was submitted`,
      });
    }
    return {
      contract: "AttestationRegistry" as const,
      functionName: "claimReward",
      args: [attestation],
      fromEvents: (events: Events) =>
        eventFields<RewardClaim>(events, "RewardClaimed", ["id", "reward", "verifier", "verifierReward"]),
      fromSimulation: ([reward, verifierReward]): RewardClaim => {
        return { id: attestationId(attestation), reward, verifier: zeroAddress, verifierReward };
      },
    };
  });

  const cancelNonce = core.write((_input: undefined | Record<string, never> = undefined) => ({
    contract: "AttestationRegistry" as const,
    functionName: "cancelNonce",
    args: [],
    fromEvents: (events: Events) => ({
      nonce: eventArgs(events, "NonceCancelled").nonce as bigint,
    }),
  }));

  return {
    submitAttestation,
    submitAttestationWithSig,
    submitVerified,
    verify,
    reject,
    relayVerdict,
    withdraw,
    ...attestationDisputesModule(core, reads.getParams),
    claimReward,
    cancelNonce,
    ...attestationSigningModule(core, reads.nonces),
    prepareAttestation: prepare,
    ...reads,
  };
}

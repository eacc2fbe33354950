/** AttestationRegistry: submissions, verdicts, signatures, disputes, rewards, nonces and reads. */
import { type Address, type Hex, type TypedDataDomain, zeroAddress, zeroHash } from "viem";
import {
  type AttestationStruct,
  attestationId,
  defaultDeadline,
  type SignedSubmission,
  type SignedVerdict,
  type SignedVerifiedAttestation,
  submitAttestationTypedData,
  toAttestationStruct,
  verdictTypedData,
  verifiedAttestationTypedData,
} from "../eip712";
import { attestationRegistryAbi } from "../generated/contracts";
import { type Kind, type Method, STATUS_NAMES, type Status } from "../spec";
import { type AttestationFormInput, decodeRegion, validateAttestation } from "../validation";
import type { ReadResult } from "./contracts";
import { type Core, eventArgs } from "./core";
import { GreenprintValidationError } from "./types";

/** An attestation to submit: form fields (validated with lib/validation) or the contract struct. */
export type AttestationInput = AttestationFormInput | AttestationStruct;

/** Decoded state of an attestation (the registry's `getAttestation`) with its id and status name. */
export interface AttestationState
  extends Omit<ReadResult<"AttestationRegistry", "getAttestation">, "status" | "kind"> {
  id: Hex;
  status: Status;
  statusName: (typeof STATUS_NAMES)[Status];
  kind: Kind;
}

/** Governance parameters (the registry's `getParams`, IAttestationRegistry.Params). */
export type RegistryParams = ReadResult<"AttestationRegistry", "getParams">;

/** An attestation as submitted, from its AttestationSubmitted event. */
export interface SubmittedAttestation {
  id: Hex;
  modelId: bigint;
  submitter: Address;
  attestation: AttestationStruct;
  locationEmissionsG: bigint;
  marketEmissionsG: bigint;
  totalG: bigint;
  blockNumber: bigint;
  transactionHash: Hex;
}

/** Outcome of a submission. */
export interface SubmitResult {
  id: Hex;
  attestation: AttestationStruct;
  locationEmissionsG?: bigint;
  marketEmissionsG?: bigint;
  totalG?: bigint;
}

/** Options of the signing helpers. */
export interface SignOptions {
  /** Default: the signer's current nonce on chain. */
  nonce?: bigint;
  /** Unix seconds; default: chain time + 1 hour. */
  deadline?: bigint;
}

/** Whether a value is the contract struct (region as bytes8 hex, bigints) rather than form input. */
export function isAttestationStruct(a: AttestationInput): a is AttestationStruct {
  return (
    typeof a.modelId === "bigint" && typeof a.region === "string" && /^0x[0-9a-fA-F]{16}$/.test(a.region)
  );
}

/** The contract struct as form input, to validate it like any other input. */
export function structToForm(s: AttestationStruct): AttestationFormInput {
  let region: string;
  try {
    region = decodeRegion(s.region);
  } catch {
    region = s.region;
  }
  return {
    modelId: s.modelId,
    kind: s.kind,
    method: s.method,
    energyWh: s.energyWh,
    pueMilli: s.pueMilli,
    locationIntensity: s.locationIntensity,
    renewableBps: s.renewableBps,
    acceleratorHours: s.acceleratorHours,
    workUnits: s.workUnits,
    embodiedG: s.embodiedG,
    periodStart: s.periodStart,
    periodEnd: s.periodEnd,
    region,
    evidenceHash: s.evidenceHash,
    evidenceURI: s.evidenceURI,
    rowsRoot: s.rowsRoot,
    supersedes: s.supersedes,
  };
}

function submitResult(events: Parameters<typeof eventArgs>[0]): SubmitResult {
  const a = eventArgs(events, "AttestationSubmitted");
  return {
    id: a.id as Hex,
    attestation: a.attestation as AttestationStruct,
    locationEmissionsG: a.locationEmissionsG as bigint,
    marketEmissionsG: a.marketEmissionsG as bigint,
    totalG: a.totalG as bigint,
  };
}

export function attestationsModule(core: Core) {
  const { publicClient } = core;
  const wallet = core.config.walletClient;
  let domain: TypedDataDomain | undefined;

  /** The registry's EIP-712 domain, read once from its eip712Domain(). */
  async function eip712Domain(): Promise<TypedDataDomain> {
    if (!domain) {
      const [, name, version, chainId, verifyingContract] = await core.read(
        "AttestationRegistry",
        "eip712Domain",
      );
      domain = { name, version, chainId: Number(chainId), verifyingContract };
    }
    return domain;
  }

  /** Validates input against SPEC section 4 with the chain's clock and the model's facts; throws before sending. */
  async function prepareAttestation(input: AttestationInput): Promise<AttestationStruct> {
    const form = isAttestationStruct(input) ? structToForm(input) : input;
    let modelId: bigint | null = null;
    try {
      modelId = BigInt(form.modelId);
    } catch {
      modelId = null;
    }
    const kindNumber = Number(form.kind);
    const [now, sealed, latest] = await Promise.all([
      core.chainNow(),
      modelId && modelId > 0n
        ? core
            .read("ModelRegistry", "getModel", [modelId])
            .then((m) => m.trainingSealed)
            .catch(() => undefined)
        : undefined,
      modelId && modelId > 0n && kindNumber >= 0 && kindNumber <= 2
        ? core
            .read("AttestationRegistry", "modelCursor", [modelId])
            .then(([ends]) => ends[kindNumber])
            .catch(() => undefined)
        : undefined,
    ]);
    const result = validateAttestation(form, {
      now,
      sealed,
      latestPeriodEnd: latest && latest > 0n ? latest : undefined,
    });
    if (!result.ok) throw new GreenprintValidationError(result.errors);
    return toAttestationStruct(result.value);
  }

  const submitAttestation = core.write(async (input: AttestationInput) => {
    const attestation = await prepareAttestation(input);
    return {
      contract: "AttestationRegistry" as const,
      functionName: "submit",
      args: [attestation],
      fromEvents: submitResult,
      fromSimulation: (sim): SubmitResult => ({ id: sim, attestation }),
    };
  });

  const submitAttestationWithSig = core.write(async (signed: SignedSubmission) => {
    const attestation = await prepareAttestation(signed.attestation);
    return {
      contract: "AttestationRegistry" as const,
      functionName: "submitWithSig",
      args: [attestation, signed.signer, signed.nonce, signed.deadline, signed.signature],
      fromEvents: submitResult,
      fromSimulation: (sim): SubmitResult => ({ id: sim, attestation }),
    };
  });

  const submitVerified = core.write(async (signed: SignedVerifiedAttestation) => {
    const attestation = await prepareAttestation(signed.attestation);
    return {
      contract: "AttestationRegistry" as const,
      functionName: "submitVerified",
      args: [attestation, signed.signer, signed.nonce, signed.deadline, signed.signature],
      fromEvents: (events: Parameters<typeof eventArgs>[0]) => ({
        ...submitResult(events),
        finalAt: eventArgs(events, "AttestationVerified").finalAt as bigint | undefined,
      }),
      fromSimulation: (sim) => ({
        id: sim,
        attestation,
        finalAt: undefined as bigint | undefined,
      }),
    };
  });

  const verify = core.write((input: { id: Hex }) => ({
    contract: "AttestationRegistry" as const,
    functionName: "verify",
    args: [input.id],
    fromEvents: (events: Parameters<typeof eventArgs>[0]) => ({
      finalAt: eventArgs(events, "AttestationVerified").finalAt as bigint,
    }),
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
    fromEvents: (events: Parameters<typeof eventArgs>[0]) =>
      signed.approve
        ? { finalAt: eventArgs(events, "AttestationVerified").finalAt as bigint }
        : { finalAt: undefined },
  }));

  const withdraw = core.write((input: { id: Hex }) => ({
    contract: "AttestationRegistry" as const,
    functionName: "withdraw",
    args: [input.id],
    fromEvents: () => undefined,
  }));

  const dispute = core.write(async (input: { id: Hex; reasonURI: string; bond?: bigint }) => {
    const bond = input.bond ?? (await getParams()).disputeBond;
    return {
      contract: "AttestationRegistry" as const,
      functionName: "dispute",
      args: [input.id, input.reasonURI],
      value: bond,
      fromEvents: () => ({ bond }),
    };
  });

  const upholdDispute = core.write((input: { id: Hex; rulingHash?: Hex }) => ({
    contract: "AttestationRegistry" as const,
    functionName: "upholdDispute",
    args: [input.id, input.rulingHash ?? zeroHash],
    fromEvents: () => undefined,
  }));

  const dismissDispute = core.write((input: { id: Hex; rulingHash?: Hex }) => ({
    contract: "AttestationRegistry" as const,
    functionName: "dismissDispute",
    args: [input.id, input.rulingHash ?? zeroHash],
    fromEvents: (events: Parameters<typeof eventArgs>[0]) => ({
      finalAt: eventArgs(events, "DisputeDismissed").finalAt as bigint,
    }),
  }));

  /**
   * Arbiter: invalidates, without a bond, a Verified (not yet Final) attestation whose verifier is no
   * longer accredited (SPEC 5, v1.1); the verifier's invalidated-verdict count grows by one.
   */
  const invalidateUnreviewed = core.write((input: { id: Hex; rulingHash?: Hex }) => ({
    contract: "AttestationRegistry" as const,
    functionName: "invalidateUnreviewed",
    args: [input.id, input.rulingHash ?? zeroHash],
    fromEvents: (events: Parameters<typeof eventArgs>[0]) => ({
      verifier: eventArgs(events, "AttestationInvalidatedUnreviewed").verifier as Address,
    }),
  }));

  const withdrawRefund = core.write((_input: undefined | Record<string, never> = undefined) => ({
    contract: "AttestationRegistry" as const,
    functionName: "withdrawRefund",
    args: [],
    fromEvents: (events: Parameters<typeof eventArgs>[0]) => ({
      amount: eventArgs(events, "RefundWithdrawn").amount as bigint,
    }),
  }));

  /** Claims a Final attestation's reward; given only its id, the fields are read from its event. */
  const claimReward = core.write(async (input: { id: Hex } | { attestation: AttestationStruct }) => {
    const attestation =
      "attestation" in input ? input.attestation : (await getSubmittedAttestation(input.id))?.attestation;
    if (!attestation) {
      throw new GreenprintValidationError({
        id: `no attestation ${(input as { id: Hex }).id} was submitted`,
      });
    }
    return {
      contract: "AttestationRegistry" as const,
      functionName: "claimReward",
      args: [attestation],
      fromEvents: (events: Parameters<typeof eventArgs>[0]) => {
        const e = eventArgs(events, "RewardClaimed");
        return {
          id: e.id as Hex,
          reward: e.reward as bigint,
          verifier: e.verifier as Address,
          verifierReward: e.verifierReward as bigint,
        };
      },
      fromSimulation: ([reward, verifierReward]) => {
        return { id: attestationId(attestation), reward, verifier: zeroAddress as Address, verifierReward };
      },
    };
  });

  const cancelNonce = core.write((_input: undefined | Record<string, never> = undefined) => ({
    contract: "AttestationRegistry" as const,
    functionName: "cancelNonce",
    args: [],
    fromEvents: (events: Parameters<typeof eventArgs>[0]) => ({
      nonce: eventArgs(events, "NonceCancelled").nonce as bigint,
    }),
  }));

  // ---------------------------------------------------------------- signatures

  async function signer(): Promise<{ address: Address }> {
    return { address: core.account() };
  }

  async function nonceAndDeadline(address: Address, options: SignOptions) {
    const [nonce, deadline] = await Promise.all([
      options.nonce ?? nonces(address),
      options.deadline ?? core.chainNow().then((now) => defaultDeadline(now)),
    ]);
    return { nonce, deadline };
  }

  /** Signs an attestation's fields as one of the two attestation types (same domain, nonce, deadline). */
  async function signAttestationAs<T extends "SubmitAttestation" | "VerifiedAttestation">(
    type: T,
    input: AttestationInput,
    options: SignOptions,
  ) {
    const attestation = await prepareAttestation(input);
    const { address } = await signer();
    const d = await eip712Domain();
    const { nonce, deadline } = await nonceAndDeadline(address, options);
    const fields = { domain: d, attestation, nonce, deadline };
    const account = wallet?.account ?? address;
    const w = wallet as NonNullable<typeof wallet>;
    // One call per type: viem checks the message against each primary type's fields.
    const signature =
      type === "SubmitAttestation"
        ? await w.signTypedData({ account, ...submitAttestationTypedData(fields) })
        : await w.signTypedData({ account, ...verifiedAttestationTypedData(fields) });
    return {
      type,
      chainId: Number(d.chainId),
      verifyingContract: d.verifyingContract as Address,
      signer: address,
      nonce,
      deadline,
      signature,
      attestation,
    };
  }

  /** The model owner (this wallet) signs an attestation so anyone can relay it with submitAttestationWithSig. */
  function signSubmission(input: AttestationInput, options: SignOptions = {}): Promise<SignedSubmission> {
    return signAttestationAs("SubmitAttestation", input, options);
  }

  /** A verifier (this wallet) signs an attestation's fields; the owner lands it Verified with submitVerified. */
  function signVerifiedAttestation(
    input: AttestationInput,
    options: SignOptions = {},
  ): Promise<SignedVerifiedAttestation> {
    return signAttestationAs("VerifiedAttestation", input, options);
  }

  /** A verifier (this wallet) signs a verdict that anyone can relay with relayVerdict. */
  async function signVerdict(
    input: { attestationId: Hex; approve: boolean; reasonHash?: Hex },
    options: SignOptions = {},
  ): Promise<SignedVerdict> {
    const { address } = await signer();
    const d = await eip712Domain();
    const { nonce, deadline } = await nonceAndDeadline(address, options);
    const reasonHash = input.reasonHash ?? zeroHash;
    const signature = await (wallet as NonNullable<typeof wallet>).signTypedData({
      account: wallet?.account ?? address,
      ...verdictTypedData({
        domain: d,
        attestationId: input.attestationId,
        approve: input.approve,
        reasonHash,
        nonce,
        deadline,
      }),
    });
    return {
      type: "Verdict",
      chainId: Number(d.chainId),
      verifyingContract: d.verifyingContract as Address,
      signer: address,
      nonce,
      deadline,
      signature,
      attestationId: input.attestationId,
      approve: input.approve,
      reasonHash,
    };
  }

  // ---------------------------------------------------------------- reads

  async function getAttestation(id: Hex): Promise<AttestationState> {
    const s = await core.read("AttestationRegistry", "getAttestation", [id]);
    const status = s.status as Status;
    return { id, ...s, status, kind: s.kind as Kind, statusName: STATUS_NAMES[status] };
  }

  /** Attestations as submitted (from AttestationSubmitted events), optionally of one model or id. */
  async function listSubmittedAttestations(
    filter: { modelId?: bigint; id?: Hex } = {},
  ): Promise<SubmittedAttestation[]> {
    const logs = await publicClient.getContractEvents({
      address: core.addresses.AttestationRegistry,
      abi: attestationRegistryAbi,
      eventName: "AttestationSubmitted",
      args: {
        ...(filter.id ? { id: filter.id } : {}),
        ...(filter.modelId ? { modelId: filter.modelId } : {}),
      },
      fromBlock: core.fromBlock,
      toBlock: "latest",
    });
    return logs.map((l) => {
      const a = l.args as unknown as Omit<SubmittedAttestation, "blockNumber" | "transactionHash">;
      return {
        id: a.id,
        modelId: a.modelId,
        submitter: a.submitter,
        attestation: a.attestation,
        locationEmissionsG: a.locationEmissionsG,
        marketEmissionsG: a.marketEmissionsG,
        totalG: a.totalG,
        blockNumber: l.blockNumber as bigint,
        transactionHash: l.transactionHash as Hex,
      };
    });
  }

  /** One attestation's submitted fields, or null. */
  async function getSubmittedAttestation(id: Hex): Promise<SubmittedAttestation | null> {
    const [first] = await listSubmittedAttestations({ id });
    return first ?? null;
  }

  async function getParams(): Promise<RegistryParams> {
    return core.read("AttestationRegistry", "getParams");
  }

  function nonces(account: Address): Promise<bigint> {
    return core.read("AttestationRegistry", "nonces", [account]);
  }

  return {
    submitAttestation,
    submitAttestationWithSig,
    submitVerified,
    verify,
    reject,
    relayVerdict,
    withdraw,
    dispute,
    upholdDispute,
    dismissDispute,
    invalidateUnreviewed,
    withdrawRefund,
    claimReward,
    cancelNonce,
    signSubmission,
    signVerifiedAttestation,
    signVerdict,
    prepareAttestation,
    eip712Domain,
    getAttestation,
    getSubmittedAttestation,
    listSubmittedAttestations,
    getParams,
    nonces,
    /** Effective status (Final derived). */
    effectiveStatus: async (id: Hex) =>
      (await core.read("AttestationRegistry", "effectiveStatus", [id])) as Status,
    /** The id the contract computes for the fields (the SDK's `attestationId` computes the same locally). */
    attestationIdOnChain: (attestation: AttestationStruct) =>
      core.read("AttestationRegistry", "attestationId", [attestation]),
    /** SPEC 6 reward (capped, before supersede deduction) under current parameters, LEAF wei. */
    computeReward: (input: {
      energyWh: bigint;
      locationIntensity: bigint;
      renewableBps: bigint;
      method: Method;
    }) =>
      core.read("AttestationRegistry", "computeReward", [
        input.energyWh,
        Number(input.locationIntensity),
        Number(input.renewableBps),
        input.method,
      ]),
    isVerifier: (account: Address) => core.read("AttestationRegistry", "isVerifier", [account]),
    /** A verifier's public record: active, index, verdicts later invalidated. */
    verifierRecord: async (account: Address) => {
      const [active, index, invalidatedVerdicts] = await core.read("AttestationRegistry", "verifierRecord", [
        account,
      ]);
      return { active, index, invalidatedVerdicts };
    },
    refundOf: (account: Address) => core.read("AttestationRegistry", "refundOf", [account]),
    disputeOf: async (id: Hex) => {
      const [challenger, bond] = await core.read("AttestationRegistry", "disputeOf", [id]);
      return { challenger, bond };
    },
    supersedesOf: (id: Hex) => core.read("AttestationRegistry", "supersedesOf", [id]),
    modelCursor: async (modelId: bigint) => {
      const [latestEnd, livePretraining] = await core.read("AttestationRegistry", "modelCursor", [modelId]);
      return { latestEnd, livePretraining };
    },
    paused: () => core.read("AttestationRegistry", "paused"),
    hasRole: (role: Hex, account: Address) => core.read("AttestationRegistry", "hasRole", [role, account]),
    leafBalance: (account: Address) => core.read("LeafToken", "balanceOf", [account]),
    leafTotalSupply: () => core.read("LeafToken", "totalSupply"),
  };
}

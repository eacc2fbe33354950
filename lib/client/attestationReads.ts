/** AttestationRegistry reads: attestations (state and submitted fields), parameters, nonces, verifiers, LEAF. */
import type { Address, Hex } from "viem";
import type { AttestationStruct } from "../eip712";
import { attestationRegistryAbi } from "../generated/contracts";
import { type Kind, type Method, STATUS_NAMES, type Status } from "../spec";
import type { ReadResult } from "./contracts";
import type { Core } from "./core";

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

export function attestationReadsModule(core: Core) {
  async function getAttestation(id: Hex): Promise<AttestationState> {
    const s = await core.read("AttestationRegistry", "getAttestation", [id]);
    const status = s.status as Status;
    return { id, ...s, status, kind: s.kind as Kind, statusName: STATUS_NAMES[status] };
  }

  /** Attestations as submitted (from AttestationSubmitted events), optionally of one model or id. */
  async function listSubmittedAttestations(
    filter: { modelId?: bigint; id?: Hex } = {},
  ): Promise<SubmittedAttestation[]> {
    const logs = await core.publicClient.getContractEvents({
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

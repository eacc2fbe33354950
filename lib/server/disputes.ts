import "server-only";
import type { Address, Hex } from "viem";
import { contractOf } from "../deployment";
import { attestationRegistryAbi } from "../generated/contracts";
import { Status } from "../spec";
import { currentDeployment, publicClient } from "./chain";
import { serverGreenprint } from "./greenprint";

export interface OpenDispute {
  id: Hex;
  challenger: Address;
  bond: bigint;
  remainingWindow: bigint;
  reasonURI: string;
  modelId: bigint;
  blockNumber: bigint;
}

/** Disputes not yet ruled on (the attestation is still Disputed), oldest first. */
export async function openDisputes(): Promise<OpenDispute[]> {
  const registry = contractOf(await currentDeployment(), "AttestationRegistry");
  const client = await serverGreenprint();
  const logs = await publicClient().getContractEvents({
    address: registry.address,
    abi: attestationRegistryAbi,
    eventName: "AttestationDisputed",
    fromBlock: BigInt(registry.blockNumber),
  });
  const states = await Promise.all(logs.map((l) => client.getAttestation(l.args.id as Hex)));
  return logs.flatMap((l, i) => {
    const state = states[i];
    // A dismissed dispute returns the attestation to Verified; only the latest dispute is open.
    if (!state || state.status !== Status.DISPUTED) return [];
    const later = logs.slice(i + 1).some((m) => m.args.id === l.args.id);
    if (later) return [];
    return [
      {
        id: l.args.id as Hex,
        challenger: l.args.challenger as Address,
        bond: l.args.bond as bigint,
        remainingWindow: BigInt(l.args.remainingWindow as bigint),
        reasonURI: l.args.reasonURI as string,
        modelId: state.modelId,
        blockNumber: l.blockNumber,
      },
    ];
  });
}

import "server-only";
import type { Address, Hex } from "viem";
import { contractOf } from "../deployment";
import { modelRegistryAbi } from "../generated/contracts";
import { type ModelMetadata, parseMetadata } from "../metadata";
import { evidenceStore } from "../store/evidenceStore";
import { currentDeployment, publicClient } from "./chain";

export interface ModelSummary {
  id: bigint;
  registrant: Address;
  parentId: bigint;
  parameterCount: bigint;
  metadataHash: Hex;
  metadataURI: string;
  metadata: ModelMetadata | null;
  blockNumber: bigint;
  transactionHash: Hex;
}

/**
 * Every registered model, newest first, from the ModelRegistered events. (The indexer's API
 * replaces this for large registries; this reads the chain directly.)
 */
export async function listModels(): Promise<ModelSummary[]> {
  const deployment = await currentDeployment();
  const registry = contractOf(deployment, "ModelRegistry");
  const logs = await publicClient().getContractEvents({
    address: registry.address,
    abi: modelRegistryAbi,
    eventName: "ModelRegistered",
    fromBlock: BigInt(registry.blockNumber),
    toBlock: "latest",
  });
  const models = await Promise.all(
    logs.map(async (log) => ({
      id: log.args.modelId as bigint,
      registrant: log.args.owner as Address,
      parentId: log.args.parentId as bigint,
      parameterCount: BigInt(log.args.parameterCount as bigint),
      metadataHash: log.args.metadataHash as Hex,
      metadataURI: log.args.metadataURI as string,
      metadata: await metadataFor(log.args.metadataHash as Hex),
      blockNumber: log.blockNumber,
      transactionHash: log.transactionHash,
    })),
  );
  return models.sort((a, b) => Number(b.id - a.id));
}

/** Metadata from the content-addressed store: its key is the on-chain hash, so it cannot lie. */
async function metadataFor(hash: Hex): Promise<ModelMetadata | null> {
  const bytes = await evidenceStore().get(hash.slice(2));
  return bytes ? parseMetadata(bytes) : null;
}

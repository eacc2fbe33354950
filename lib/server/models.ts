import "server-only";
import type { Address, Hex } from "viem";
import { contractOf } from "../deployment";
import { attestationRegistryAbi, modelRegistryAbi } from "../generated/contracts";
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

export interface AttestationSummary {
  id: Hex;
  kind: number;
  method: number;
  energyWh: bigint;
  pueMilli: number;
  locationIntensity: number;
  renewableBps: number;
  periodStart: bigint;
  periodEnd: bigint;
  region: Hex;
  evidenceHash: Hex;
  evidenceURI: string;
  locationEmissionsG: bigint;
  marketEmissionsG: bigint;
  totalG: bigint;
  status: number;
  submitter: Address;
  blockNumber: bigint;
}

export interface ModelDetail extends ModelSummary {
  owner: Address;
  trainingSealed: boolean;
  attestations: AttestationSummary[];
}

/** One model with its attestations and their current status, or null if it does not exist. */
export async function getModelDetail(modelId: bigint): Promise<ModelDetail | null> {
  const deployment = await currentDeployment();
  const registry = contractOf(deployment, "ModelRegistry");
  const attestations = contractOf(deployment, "AttestationRegistry");
  const client = publicClient();
  const [registered] = await client.getContractEvents({
    address: registry.address,
    abi: modelRegistryAbi,
    eventName: "ModelRegistered",
    args: { modelId },
    fromBlock: BigInt(registry.blockNumber),
  });
  if (!registered) return null;
  const [context, submitted] = await Promise.all([
    client.readContract({
      address: registry.address,
      abi: modelRegistryAbi,
      functionName: "attestationContext",
      args: [modelId],
    }),
    client.getContractEvents({
      address: attestations.address,
      abi: attestationRegistryAbi,
      eventName: "AttestationSubmitted",
      args: { modelId },
      fromBlock: BigInt(attestations.blockNumber),
    }),
  ]);
  const statuses = await Promise.all(
    submitted.map((log) =>
      client.readContract({
        address: attestations.address,
        abi: attestationRegistryAbi,
        functionName: "effectiveStatus",
        args: [log.args.id as Hex],
      }),
    ),
  );
  const hash = registered.args.metadataHash as Hex;
  return {
    id: modelId,
    registrant: registered.args.owner as Address,
    parentId: registered.args.parentId as bigint,
    parameterCount: BigInt(registered.args.parameterCount as bigint),
    metadataHash: hash,
    metadataURI: registered.args.metadataURI as string,
    metadata: await metadataFor(hash),
    blockNumber: registered.blockNumber,
    transactionHash: registered.transactionHash,
    owner: context[0],
    trainingSealed: context[1],
    attestations: submitted.map((log, i) => {
      const a = log.args.attestation as NonNullable<typeof log.args.attestation>;
      return {
        id: log.args.id as Hex,
        kind: a.kind,
        method: a.method,
        energyWh: a.energyWh,
        pueMilli: a.pueMilli,
        locationIntensity: a.locationIntensity,
        renewableBps: a.renewableBps,
        periodStart: a.periodStart,
        periodEnd: a.periodEnd,
        region: a.region,
        evidenceHash: a.evidenceHash,
        evidenceURI: a.evidenceURI,
        locationEmissionsG: log.args.locationEmissionsG as bigint,
        marketEmissionsG: log.args.marketEmissionsG as bigint,
        totalG: log.args.totalG as bigint,
        status: statuses[i] as number,
        submitter: log.args.submitter as Address,
        blockNumber: log.blockNumber,
      };
    }),
  };
}

import "server-only";
import { type Address, type Hex, hexToString } from "viem";
import { contractOf } from "../deployment";
import { attestationReward } from "../formulas/rewards";
import { certificateRegistryAbi, modelRegistryAbi } from "../generated/contracts";
import type { ModelMetadata } from "../metadata";
import { CertificateStatus, DEFAULT_PARAMS, type Method } from "../spec";
import { currentDeployment, publicClient } from "./chain";
import { serverGreenprint } from "./greenprint";
import { modelMetadata } from "./metadata";

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
  embodiedG: bigint;
  acceleratorHours: bigint;
  /** Tokens (PRETRAINING, FINETUNING) or requests (INFERENCE); 0 when not stated (SPEC 4, v1.1). */
  workUnits: bigint;
  /** Who gave the verdict (zero before it, and after the claim). */
  verifier: Address;
  /** Effective status (Final derived from the challenge window). */
  status: number;
  claimed: boolean;
  /** End of the challenge window (0 before the verdict and after the claim). */
  finalAt: bigint;
  /** LEAF wei paid to the owner, once claimed. */
  paid: bigint;
  /** What a claim pays the owner under the current parameters, before any supersede deduction. */
  expectedRewardWei: bigint;
  submitter: Address;
  blockNumber: bigint;
}

export interface ModelDetail extends ModelSummary {
  owner: Address;
  trainingSealed: boolean;
  attestations: AttestationSummary[];
}

/**
 * One model with its attestations and their current state read from the chain, or null if it
 * does not exist: for the owner's wallet pages (manage, attest), which must show the effect of
 * the owner's own transaction at once. Public pages read the indexer instead.
 */
export async function getModelDetail(modelId: bigint): Promise<ModelDetail | null> {
  const deployment = await currentDeployment();
  const registry = contractOf(deployment, "ModelRegistry");
  const client = publicClient();
  const sdk = await serverGreenprint();
  const [registered] = await client.getContractEvents({
    address: registry.address,
    abi: modelRegistryAbi,
    eventName: "ModelRegistered",
    args: { modelId },
    fromBlock: BigInt(registry.blockNumber),
  });
  if (!registered) return null;
  const [context, submitted, params] = await Promise.all([
    client.readContract({
      address: registry.address,
      abi: modelRegistryAbi,
      functionName: "attestationContext",
      args: [modelId],
    }),
    sdk.listSubmittedAttestations({ modelId }),
    sdk.getParams(),
  ]);
  const states = await Promise.all(submitted.map((s) => sdk.getAttestation(s.id)));
  const rewardParams = {
    ...DEFAULT_PARAMS,
    baselineIntensity: BigInt(params.baselineIntensity),
    methodBps: {
      0: BigInt(params.methodBps[0]),
      1: BigInt(params.methodBps[1]),
      2: BigInt(params.methodBps[2]),
    },
    maxRewardPerAttestation: BigInt(params.maxRewardPerAttestation),
  };
  const hash = registered.args.metadataHash as Hex;
  return {
    id: modelId,
    registrant: registered.args.owner as Address,
    parentId: registered.args.parentId as bigint,
    parameterCount: BigInt(registered.args.parameterCount as bigint),
    metadataHash: hash,
    metadataURI: registered.args.metadataURI as string,
    metadata: await modelMetadata(hash),
    blockNumber: registered.blockNumber,
    transactionHash: registered.transactionHash,
    owner: context[0],
    trainingSealed: context[1],
    attestations: submitted.map((s, i) => {
      const a = s.attestation;
      const state = states[i];
      return {
        id: s.id,
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
        locationEmissionsG: s.locationEmissionsG,
        marketEmissionsG: s.marketEmissionsG,
        totalG: s.totalG,
        embodiedG: a.embodiedG,
        acceleratorHours: a.acceleratorHours,
        workUnits: a.workUnits,
        verifier: state?.verifier ?? "0x0000000000000000000000000000000000000000",
        status: state?.status ?? 0,
        claimed: state?.claimed ?? false,
        finalAt: state?.finalAt ?? 0n,
        paid: state?.paid ?? 0n,
        expectedRewardWei: attestationReward(
          {
            energyWh: a.energyWh,
            locationIntensity: BigInt(a.locationIntensity),
            renewableBps: BigInt(a.renewableBps),
            method: a.method as Method,
          },
          rewardParams,
        ),
        submitter: s.submitter,
        blockNumber: s.blockNumber,
      };
    }),
  };
}

export interface CertificateSummary {
  id: Hex;
  kind: number;
  amount: bigint;
  registry: string;
  /** The serial as recorded (canonical form). */
  serial: string;
  serialHash: Hex;
  uri: string;
  /** CertificateStatus: 1 Pending, 2 Confirmed, 3 Rejected, 4 Revoked. */
  status: CertificateStatus;
}

/**
 * A model's certificates (SPEC section 8), shown apart from its footprint. Read from the chain (the owner sees
 * a record at once). An earlier record of a serial that was freed and recorded again reads None on chain: its
 * status then comes from its own rejection or revocation event.
 */
export async function getModelCertificates(modelId: bigint): Promise<CertificateSummary[]> {
  const registry = contractOf(await currentDeployment(), "CertificateRegistry");
  const sdk = await serverGreenprint();
  const client = publicClient();
  const fromBlock = BigInt(registry.blockNumber);
  const logs = await client.getContractEvents({
    address: registry.address,
    abi: certificateRegistryAbi,
    eventName: "CertificateRecorded",
    args: { modelId },
    fromBlock,
  });
  const ids = logs.map((l) => l.args.id as Hex);
  const states = await Promise.all(ids.map((id) => sdk.getCertificate(id)));
  const freed = ids.filter((_, i) => states[i]?.status === CertificateStatus.NONE);
  const revoked = new Set<string>();
  if (freed.length > 0) {
    const logs = await client.getContractEvents({
      address: registry.address,
      abi: certificateRegistryAbi,
      eventName: "CertificateRevoked",
      args: { id: freed },
      fromBlock,
    });
    for (const l of logs) revoked.add(l.args.id as Hex);
  }
  return logs.map((l, i) => {
    const id = l.args.id as Hex;
    const onChain = states[i]?.status ?? CertificateStatus.NONE;
    return {
      id,
      kind: Number(l.args.kind),
      amount: BigInt(l.args.amount as bigint),
      registry: hexToString(l.args.registry as Hex, { size: 32 }).replace(/\0+$/, ""),
      serial: l.args.serial as string,
      serialHash: l.args.serialHash as Hex,
      uri: l.args.uri as string,
      status:
        onChain !== CertificateStatus.NONE
          ? onChain
          : revoked.has(id)
            ? CertificateStatus.REVOKED
            : CertificateStatus.REJECTED,
    };
  });
}

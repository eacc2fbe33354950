/** CertificateRegistry (SPEC 8) and EfficiencyBonus (SPEC 6). */
import { type Address, encodePacked, type Hex, keccak256, stringToHex } from "viem";
import type { AttestationStruct } from "../eip712";
import { CertificateKind, Kind, Status } from "../spec";
import type { attestationsModule } from "./attestations";
import { type Core, eventArgs, ZERO_HASH } from "./core";
import { GreenprintValidationError } from "./types";

/** Issuing registry name as bytes32, left-aligned (at most 32 bytes of UTF-8). */
export function certificateRegistryName(name: string): Hex {
  const trimmed = name.trim();
  if (trimmed === "") throw new GreenprintValidationError({ registry: "registry name is empty" });
  if (new TextEncoder().encode(trimmed).length > 32) {
    throw new GreenprintValidationError({ registry: `registry name "${trimmed}" is longer than 32 bytes` });
  }
  return stringToHex(trimmed, { size: 32 });
}

/** `serialHash = keccak256(abi.encodePacked(bytes32 registry, string serial))` (SPEC 8). */
export function certificateSerialHash(registry: string, serial: string): Hex {
  if (serial.trim() === "") throw new GreenprintValidationError({ serial: "serial is empty" });
  return keccak256(encodePacked(["bytes32", "string"], [certificateRegistryName(registry), serial.trim()]));
}

/** Input of `recordCertificate`. */
export interface RecordCertificateInput {
  modelId: bigint;
  kind: CertificateKind;
  /** Wh for a REC, gCO2e retired for a carbon credit. */
  amount: bigint;
  /** Issuing registry name, e.g. "I-REC", "Verra", "Gold Standard". */
  registry: string;
  /** The certificate's serial as the registry writes it (hashed with the registry name). */
  serial: string;
  /** Where the certificate or retirement statement can be fetched. */
  uri: string;
}

/** A certificate's state. */
export interface CertificateState {
  status: number;
  kind: CertificateKind;
  modelId: bigint;
  submitter: Address;
}

export function certificatesModule(core: Core, attestations: ReturnType<typeof attestationsModule>) {
  const recordCertificate = core.write((input: RecordCertificateInput) => {
    const errors: Record<string, string> = {};
    if (input.amount <= 0n || input.amount >= 2n ** 64n) errors.amount = "amount must be from 1 to 2^64-1";
    if (input.kind !== CertificateKind.REC && input.kind !== CertificateKind.CARBON_CREDIT) {
      errors.kind = "kind must be REC (0) or CARBON_CREDIT (1)";
    }
    if (Object.keys(errors).length > 0) throw new GreenprintValidationError(errors);
    const registry = certificateRegistryName(input.registry);
    const serialHash = certificateSerialHash(input.registry, input.serial);
    return {
      contract: "CertificateRegistry" as const,
      functionName: "recordCertificate",
      args: [input.modelId, input.kind, input.amount, registry, serialHash, input.uri],
      fromEvents: (events: Parameters<typeof eventArgs>[0]) => ({
        id: eventArgs(events, "CertificateRecorded").id as Hex,
        serialHash,
      }),
      fromSimulation: (sim) => ({ id: sim, serialHash }),
    };
  });

  const confirmCertificate = core.write((input: { id: Hex }) => ({
    contract: "CertificateRegistry" as const,
    functionName: "confirmCertificate",
    args: [input.id],
    fromEvents: () => undefined,
  }));

  const rejectCertificate = core.write((input: { id: Hex; reasonHash?: Hex }) => ({
    contract: "CertificateRegistry" as const,
    functionName: "rejectCertificate",
    args: [input.id, input.reasonHash ?? ZERO_HASH],
    fromEvents: () => undefined,
  }));

  const requestEfficiencyBonus = core.write((input: { modelId: bigint }) => ({
    contract: "EfficiencyBonus" as const,
    functionName: "requestEfficiencyBonus",
    args: [input.modelId],
    fromEvents: () => undefined,
  }));

  /** Every live PRETRAINING attestation of a model, sorted by id (what approveEfficiencyBonus takes). */
  async function liveTrainingRuns(modelId: bigint): Promise<AttestationStruct[]> {
    const all = await attestations.listSubmittedAttestations({ modelId });
    const runs = all.filter((a) => a.attestation.kind === Kind.PRETRAINING);
    const states = await Promise.all(runs.map((r) => attestations.effectiveStatus(r.id)));
    const live = new Set<number>([Status.SUBMITTED, Status.VERIFIED, Status.DISPUTED, Status.FINAL]);
    return runs
      .filter((_, i) => live.has(states[i] as number))
      .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1))
      .map((r) => r.attestation);
  }

  /** Approves a requested bonus; runs default to every live PRETRAINING attestation of model and parent. */
  const approveEfficiencyBonus = core.write(
    async (input: { modelId: bigint; modelRuns?: AttestationStruct[]; parentRuns?: AttestationStruct[] }) => {
      let parentRuns = input.parentRuns;
      if (!parentRuns) {
        const model = await core.read("ModelRegistry", "getModel", [input.modelId]);
        parentRuns = await liveTrainingRuns(model.parentId);
      }
      const modelRuns = input.modelRuns ?? (await liveTrainingRuns(input.modelId));
      return {
        contract: "EfficiencyBonus" as const,
        functionName: "approveEfficiencyBonus",
        args: [input.modelId, modelRuns, parentRuns],
        fromEvents: (events: Parameters<typeof eventArgs>[0]) => {
          const e = eventArgs(events, "EfficiencyBonusPaid");
          return { bonus: e.bonus as bigint, verifierReward: e.verifierReward as bigint };
        },
      };
    },
  );

  const rejectEfficiencyBonus = core.write((input: { modelId: bigint; reasonHash?: Hex }) => ({
    contract: "EfficiencyBonus" as const,
    functionName: "rejectEfficiencyBonus",
    args: [input.modelId, input.reasonHash ?? ZERO_HASH],
    fromEvents: () => undefined,
  }));

  return {
    recordCertificate,
    confirmCertificate,
    rejectCertificate,
    getCertificate: (id: Hex) => core.read("CertificateRegistry", "getCertificate", [id]),
    /** `keccak256(abi.encode(registry, serialHash))`, read from the contract. */
    certificateId: (registry: string, serial: string) =>
      core.read("CertificateRegistry", "certificateId", [
        certificateRegistryName(registry),
        certificateSerialHash(registry, serial),
      ]),
    requestEfficiencyBonus,
    approveEfficiencyBonus,
    rejectEfficiencyBonus,
    liveTrainingRuns,
    /** 0 none, 1 requested, 2 paid. */
    bonusState: (modelId: bigint) => core.read("EfficiencyBonus", "bonusState", [modelId]),
  };
}

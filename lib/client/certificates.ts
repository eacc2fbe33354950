/** CertificateRegistry (SPEC 8) and EfficiencyBonus (SPEC 6). */
import { type Address, encodeAbiParameters, type Hex, keccak256, stringToHex, zeroHash } from "viem";
import { canonicalSerial, normaliseSerial } from "../certificateSerials";
import { CERTIFICATE_ISSUERS, CertificateKind, type CertificateStatus } from "../spec";
import { type Core, eventArgs, eventFields } from "./core";
import { GreenprintValidationError } from "./types";

const squash = (s: string) => s.toLowerCase().replace(/[\s.\-_]+/g, "");

/**
 * The canonical label of an issuing registry (SPEC 8, review finding L-1): a known spelling ("Gold standard",
 * "GS", "VCS", "irec") maps to the label the contract accepts ("Gold Standard", "Verra", "I-REC"); any other
 * name is only trimmed, and the contract accepts it only if governance added it (`setIssuer`).
 */
export function canonicalIssuer(name: string): string {
  const trimmed = name.normalize("NFKC").trim().replace(/\s+/g, " ");
  if (trimmed === "") throw new GreenprintValidationError({ registry: "registry name is empty" });
  const key = squash(trimmed);
  const known = CERTIFICATE_ISSUERS.find(
    (i) => squash(i.label) === key || i.aliases.some((a) => squash(a) === key),
  );
  return known?.label ?? trimmed;
}

/** Issuing registry label as bytes32, left-aligned (canonical label, at most 32 bytes of UTF-8). */
export function certificateRegistryName(name: string): Hex {
  const label = canonicalIssuer(name);
  if (new TextEncoder().encode(label).length > 32) {
    throw new GreenprintValidationError({ registry: `registry name "${label}" is longer than 32 bytes` });
  }
  return stringToHex(label, { size: 32 });
}

export { canonicalSerial };

/** The serial as it is recorded: normalised for its registry's format (`normaliseSerial`, lib/certificateSerials). */
export function recordedSerial(registry: string, serial: string): string {
  return normaliseSerial(canonicalIssuer(registry), serial);
}

/** `serialHash = keccak256(abi.encode(bytes32 registry, string serial))` of the recorded forms (SPEC 8 v1.1). */
export function certificateSerialHash(registry: string, serial: string): Hex {
  return keccak256(
    encodeAbiParameters(
      [{ type: "bytes32" }, { type: "string" }],
      [certificateRegistryName(registry), recordedSerial(registry, serial)],
    ),
  );
}

/** Input of `recordCertificate`. */
export interface RecordCertificateInput {
  modelId: bigint;
  kind: CertificateKind;
  /** Wh for a REC, gCO2e retired for a carbon credit. */
  amount: bigint;
  /** Issuing registry, e.g. "I-REC", "Verra", "Gold Standard" (known spellings map to the canonical label). */
  registry: string;
  /** The serial number or range as printed on the retirement statement (sent normalised: `recordedSerial`). */
  serial: string;
  /** Where the certificate or retirement statement can be fetched. */
  uri: string;
}

/** A certificate's state. */
export interface CertificateState {
  status: CertificateStatus;
  kind: CertificateKind;
  modelId: bigint;
  submitter: Address;
}

export function certificatesModule(core: Core) {
  const recordCertificate = core.write((input: RecordCertificateInput) => {
    const errors: Record<string, string> = {};
    if (input.amount <= 0n || input.amount >= 2n ** 64n) errors.amount = "amount must be from 1 to 2^64-1";
    if (input.kind !== CertificateKind.REC && input.kind !== CertificateKind.CARBON_CREDIT) {
      errors.kind = "kind must be REC (0) or CARBON_CREDIT (1)";
    }
    if (Object.keys(errors).length > 0) throw new GreenprintValidationError(errors);
    const registry = certificateRegistryName(input.registry);
    const serial = recordedSerial(input.registry, input.serial);
    const serialHash = certificateSerialHash(input.registry, serial);
    return {
      contract: "CertificateRegistry" as const,
      functionName: "recordCertificate",
      args: [input.modelId, input.kind, input.amount, registry, serial, input.uri],
      fromEvents: (events: Parameters<typeof eventArgs>[0]) => ({
        id: eventArgs(events, "CertificateRecorded").id as Hex,
        serialHash,
        serial,
      }),
      fromSimulation: (sim) => ({ id: sim, serialHash, serial }),
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
    args: [input.id, input.reasonHash ?? zeroHash],
    fromEvents: () => undefined,
  }));

  /** Arbiter: revokes a Confirmed certificate (e.g. proven double-claimed elsewhere); frees its serial. */
  const revokeCertificate = core.write((input: { id: Hex; reasonHash?: Hex }) => ({
    contract: "CertificateRegistry" as const,
    functionName: "revokeCertificate",
    args: [input.id, input.reasonHash ?? zeroHash],
    fromEvents: () => undefined,
  }));

  /** Admin: accepts (or withdraws) an issuing registry label. The label is sent as given, trimmed. */
  const setIssuer = core.write((input: { registry: string; accepted: boolean }) => {
    const label = input.registry.trim();
    if (label === "" || new TextEncoder().encode(label).length > 32) {
      throw new GreenprintValidationError({ registry: "registry label must be 1 to 32 bytes" });
    }
    return {
      contract: "CertificateRegistry" as const,
      functionName: "setIssuer",
      args: [stringToHex(label, { size: 32 }), input.accepted],
      fromEvents: () => undefined,
    };
  });

  const requestEfficiencyBonus = core.write((input: { modelId: bigint }) => ({
    contract: "EfficiencyBonus" as const,
    functionName: "requestEfficiencyBonus",
    args: [input.modelId],
    fromEvents: () => undefined,
  }));

  /**
   * Approves a requested bonus. E and Ep are the registry's training tallies of the model and its parent, which
   * must be complete: tally first (`tallyReadyRuns`, or `tallyAndApproveEfficiencyBonus` for both steps).
   */
  const approveEfficiencyBonus = core.write((input: { modelId: bigint }) => ({
    contract: "EfficiencyBonus" as const,
    functionName: "approveEfficiencyBonus",
    args: [input.modelId],
    fromEvents: (events: Parameters<typeof eventArgs>[0]) =>
      eventFields<{ bonus: bigint; verifierReward: bigint }>(events, "EfficiencyBonusPaid", [
        "bonus",
        "verifierReward",
      ]),
  }));

  const rejectEfficiencyBonus = core.write((input: { modelId: bigint; reasonHash?: Hex }) => ({
    contract: "EfficiencyBonus" as const,
    functionName: "rejectEfficiencyBonus",
    args: [input.modelId, input.reasonHash ?? zeroHash],
    fromEvents: () => undefined,
  }));

  return {
    recordCertificate,
    confirmCertificate,
    rejectCertificate,
    revokeCertificate,
    setIssuer,
    getCertificate: async (id: Hex): Promise<CertificateState> => {
      const st = await core.read("CertificateRegistry", "getCertificate", [id]);
      return {
        status: st.status as CertificateStatus,
        kind: st.kind as CertificateKind,
        modelId: st.modelId,
        submitter: st.submitter,
      };
    },
    /** Whether the contract accepts this issuing registry (after mapping known spellings to their label). */
    isIssuer: (registry: string) =>
      core.read("CertificateRegistry", "isIssuer", [certificateRegistryName(registry)]),
    /** The id of the latest record of a certificate (held if Pending or Confirmed), 0x0 if never recorded. */
    certificateOf: (registry: string, serial: string) =>
      core.read("CertificateRegistry", "certificateOf", [certificateSerialHash(registry, serial)]),
    requestEfficiencyBonus,
    approveEfficiencyBonus,
    rejectEfficiencyBonus,
    /** 0 none, 1 requested, 2 paid. */
    bonusState: (modelId: bigint) => core.read("EfficiencyBonus", "bonusState", [modelId]),
  };
}

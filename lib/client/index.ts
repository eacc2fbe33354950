/**
 * The Greenprint SDK client: one typed function per contract action and read, over viem.
 *
 * ```ts
 * const gp = createGreenprintClient({ publicClient, walletClient, deployment });
 * const { result } = await gp.registerModel({ metadataURI, metadataHash, parameterCount: 7_000_000_000n });
 * const sub = await gp.submitAttestation({ modelId: result.modelId, ... });
 * ```
 *
 * Every write validates its input (nothing is sent when it is invalid), simulates the call
 * so a revert is decoded before anything is signed (see lib/errors `explainError`), sends,
 * waits for the receipt and returns `{ hash, receipt, gasUsed, events, result }`. Each
 * write also has `.preview(input)`: simulation and gas estimate, nothing sent.
 * Browser-safe: no Node built-ins.
 */
import { adminModule } from "./admin";
import { attestationsModule } from "./attestations";
import { certificatesModule } from "./certificates";
import { createCore } from "./core";
import { modelsModule } from "./models";
import { tallyModule } from "./tally";
import type { GreenprintClientConfig } from "./types";

export { normaliseSerial, parseSerialRange, rangesOverlap, type SerialRange } from "../certificateSerials";
export { ROLES } from "./admin";
export { type AttestationInput, isAttestationStruct, structToForm } from "./attestationInput";
export type { AttestationState, RegistryParams, SubmittedAttestation } from "./attestationReads";
export type { SignOptions } from "./attestationSigning";
export type { SubmitResult } from "./attestations";
export {
  type CertificateState,
  canonicalIssuer,
  canonicalSerial,
  certificateRegistryName,
  certificateSerialHash,
  type RecordCertificateInput,
  recordedSerial,
} from "./certificates";
export { ABIS, resolveAddresses, withAllErrors } from "./core";
export { attestationInputFromEvidence } from "./fromEvidence";
export type { ModelInfo, RegisterModelInput } from "./models";
export {
  type BonusPaid,
  GreenprintTallyIncompleteError,
  TALLY_CHUNK,
  type TrainingRun,
  type TrainingTally,
} from "./tally";
export * from "./types";

/** Creates the SDK client (see the module comment). */
export function createGreenprintClient(config: GreenprintClientConfig) {
  const core = createCore(config);
  const attestations = attestationsModule(core);
  const certificates = certificatesModule(core);
  return {
    /** Chain id of the deployment (or the one given). */
    chainId: config.deployment?.chainId ?? config.chainId ?? config.publicClient.chain?.id,
    addresses: core.addresses,
    // Typed by the config's alias: inferred, it expands to viem's internal action types, which
    // the SDK package's .d.ts cannot name (TS2742).
    publicClient: config.publicClient as GreenprintClientConfig["publicClient"],
    walletClient: config.walletClient as GreenprintClientConfig["walletClient"],
    /** The wallet's address (throws without a wallet account). */
    account: core.account,
    /** Latest block timestamp. */
    chainNow: core.chainNow,
    /** Decodes the Greenprint events of any receipt's logs. */
    decodeLogs: core.decodeLogs,
    ...modelsModule(core),
    ...attestations,
    ...certificates,
    ...tallyModule(core, attestations, certificates.approveEfficiencyBonus),
    ...adminModule(core),
  };
}

/** The client returned by {@link createGreenprintClient}. */
export type GreenprintClient = ReturnType<typeof createGreenprintClient>;

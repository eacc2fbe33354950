/** ModelRegistry: register, update metadata, seal, read. */
import type { Address, Hex } from "viem";
import { type Core, eventArgs } from "./core";
import { GreenprintValidationError } from "./types";

/** Input of `registerModel`. */
export interface RegisterModelInput {
  /** Where the metadata JSON can be fetched (emitted only). */
  metadataURI: string;
  /** SHA-256 of the canonical metadata JSON (lib/metadata `metadataHash`). */
  metadataHash: Hex;
  /** Base model of a fine-tune or previous version; 0 or omitted for none. */
  parentId?: bigint;
  parameterCount: bigint;
}

/** A model as the registry stores it. */
export interface ModelInfo {
  modelId: bigint;
  owner: Address;
  parentId: bigint;
  parameterCount: bigint;
  trainingSealed: boolean;
  metadataHash: Hex;
}

const BYTES32 = /^0x[0-9a-fA-F]{64}$/;
const UINT64_MAX = 2n ** 64n - 1n;

export function modelsModule(core: Core) {
  const registerModel = core.write((input: RegisterModelInput) => {
    const errors: Record<string, string> = {};
    if (!BYTES32.test(input.metadataHash) || /^0x0{64}$/.test(input.metadataHash)) {
      errors.metadataHash = "metadataHash must be a non-zero 0x-prefixed 32-byte hex value";
    }
    if (input.parameterCount < 0n || input.parameterCount > UINT64_MAX) {
      errors.parameterCount = `parameterCount must be a whole number from 0 to ${UINT64_MAX}`;
    }
    if ((input.parentId ?? 0n) < 0n) errors.parentId = "parentId must be 0 (none) or a model id";
    if (Object.keys(errors).length > 0) throw new GreenprintValidationError(errors);
    return {
      contract: "ModelRegistry" as const,
      functionName: "registerModel",
      args: [input.metadataURI, input.metadataHash, input.parentId ?? 0n, input.parameterCount],
      fromEvents: (events) => ({ modelId: eventArgs(events, "ModelRegistered").modelId as bigint }),
      fromSimulation: (sim) => ({ modelId: sim }),
    };
  });

  const updateMetadata = core.write((input: { modelId: bigint; metadataURI: string; metadataHash: Hex }) => ({
    contract: "ModelRegistry" as const,
    functionName: "updateMetadata",
    args: [input.modelId, input.metadataURI, input.metadataHash],
    fromEvents: () => undefined,
  }));

  const sealTraining = core.write((input: { modelId: bigint }) => ({
    contract: "ModelRegistry" as const,
    functionName: "sealTraining",
    args: [input.modelId],
    fromEvents: () => undefined,
  }));

  /** A model's stored data and owner; throws ModelRegistryModelNotFound (decoded by explainError) if absent. */
  async function getModel(modelId: bigint): Promise<ModelInfo> {
    const [info, owner] = await Promise.all([
      core.read("ModelRegistry", "getModel", [modelId]),
      core.read("ModelRegistry", "ownerOf", [modelId]),
    ]);
    return { modelId, owner, ...info };
  }

  return {
    registerModel,
    updateMetadata,
    sealTraining,
    getModel,
    /** Number of models registered (the highest id). */
    totalModels: () => core.read("ModelRegistry", "totalModels"),
    /** Current holder of a model. */
    ownerOf: (modelId: bigint) => core.read("ModelRegistry", "ownerOf", [modelId]),
  };
}

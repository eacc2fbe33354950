// Model metadata (SPEC section 3): JSON kept off-chain, its SHA-256 on-chain.
import { type Hex, sha256, toBytes } from "viem";
import { canonicalize } from "./evidence/jcs";

export interface ModelMetadata {
  name: string;
  version: string;
  organization: string;
  /** e.g. text-generation, image-classification */
  task: string;
  architecture: string;
  parameterCount: number;
  trainingTokens?: number;
  license: string;
  /** e.g. a Hugging Face repo id or a paper URL */
  links: string[];
  [extra: string]: unknown;
}

/** The bytes that are stored and hashed: RFC 8785 canonical JSON, UTF-8. */
export function metadataBytes(metadata: ModelMetadata): Uint8Array {
  return toBytes(canonicalize(metadata));
}

/** metadataHash as registered on-chain: SHA-256 of the canonical bytes. */
export function metadataHash(metadata: ModelMetadata): Hex {
  return sha256(metadataBytes(metadata));
}

/** Reads metadata JSON fetched from anywhere, keeping only well-formed fields. */
export function parseMetadata(bytes: Uint8Array): ModelMetadata | null {
  try {
    const value = JSON.parse(new TextDecoder().decode(bytes)) as Partial<ModelMetadata>;
    if (typeof value !== "object" || value === null || typeof value.name !== "string") return null;
    return {
      ...value,
      name: value.name,
      version: String(value.version ?? ""),
      organization: String(value.organization ?? ""),
      task: String(value.task ?? ""),
      architecture: String(value.architecture ?? ""),
      parameterCount: Number(value.parameterCount ?? 0),
      license: String(value.license ?? ""),
      links: Array.isArray(value.links) ? value.links.map(String) : [],
    };
  } catch {
    return null;
  }
}

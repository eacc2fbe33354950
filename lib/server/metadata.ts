import "server-only";
import type { Hex } from "viem";
import { type ModelMetadata, parseMetadata } from "../metadata";
import { evidenceStore } from "../store/evidenceStore";

/** A model's metadata document from the content-addressed store: its key is the on-chain hash, so it cannot lie. */
export async function modelMetadata(hash: Hex | string): Promise<ModelMetadata | null> {
  const bytes = await evidenceStore().get(hash.slice(2));
  return bytes ? parseMetadata(bytes) : null;
}

// Model metadata (SPEC 3) from the app's content-addressed store: EVIDENCE_DIR/<sha256 hex>.
// Read synchronously from local disk (microseconds); anything missing or malformed yields
// nulls and never blocks or fails indexing. The API retries missing ones later (src/api/metadata.ts).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { evidenceDir } from "./settings";

export interface IndexedMetadata {
  name: string | null;
  version: string | null;
  organization: string | null;
  task: string | null;
  /** Provenance label, e.g. "self-reported from publications" on the demo's seeded footprints. */
  label: string | null;
}

export const NO_METADATA: IndexedMetadata = {
  name: null,
  version: null,
  organization: null,
  task: null,
  label: null,
};

function str(value: unknown): string | null {
  return typeof value === "string" && value.length > 0 ? value.slice(0, 200) : null;
}

/** Parses metadata bytes whose SHA-256 must equal `hash` (0x-prefixed). */
export function parseMetadataBytes(bytes: Uint8Array, hash: string): IndexedMetadata | null {
  if (createHash("sha256").update(bytes).digest("hex") !== hash.slice(2).toLowerCase()) return null;
  try {
    const json = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    if (typeof json !== "object" || json === null) return null;
    return {
      name: str(json.name),
      version: str(json.version),
      organization: str(json.organization),
      task: str(json.task),
      label: str(json.label),
    };
  } catch {
    return null;
  }
}

export function readLocalMetadata(hash: string): IndexedMetadata | null {
  if (!/^0x[0-9a-fA-F]{64}$/.test(hash)) return null;
  try {
    return parseMetadataBytes(readFileSync(path.join(evidenceDir(), hash.slice(2).toLowerCase())), hash);
  } catch {
    return null;
  }
}

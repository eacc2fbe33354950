// Metadata not found in EVIDENCE_DIR at index time: fetched from its metadataURI in the
// background (3 s timeout, SHA-256 checked against the on-chain hash), never blocking anything.
import { type IndexedMetadata, parseMetadataBytes } from "../lib/metadata";

const cache = new Map<string, { at: number; value: IndexedMetadata | null; pending: boolean }>();
const RETRY_MS = 60_000;

export function metadataFallback(hash: string, uri: string): IndexedMetadata | null {
  const hit = cache.get(hash);
  if (hit && (hit.value || hit.pending || Date.now() - hit.at < RETRY_MS)) return hit.value;
  if (!/^https?:\/\//.test(uri) || process.env.METADATA_FETCH === "0") return null;
  cache.set(hash, { at: Date.now(), value: null, pending: true });
  fetch(uri, { signal: AbortSignal.timeout(3000) })
    .then(async (response) =>
      response.ok ? parseMetadataBytes(new Uint8Array(await response.arrayBuffer()), hash) : null,
    )
    .catch(() => null)
    .then((value) => cache.set(hash, { at: Date.now(), value, pending: false }));
  return null;
}

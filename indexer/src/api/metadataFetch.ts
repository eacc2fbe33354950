// Metadata not found in EVIDENCE_DIR at index time: fetched from its metadataURI in the
// background (3 s timeout, SHA-256 checked against the on-chain hash), never blocking anything.
// The URI is the registrant's choice: safeFetch reaches public addresses only (FETCH_ALLOW_ORIGINS
// is the explicit dev/test exception).
import { safeFetch } from "../../../lib/net/safeFetch";
import { type IndexedMetadata, parseMetadataBytes } from "../lib/metadata";

/** Metadata documents are small; the evidence store's limit is far more than any needs. */
const MAX_METADATA_BYTES = 1024 * 1024;

const cache = new Map<string, { at: number; value: IndexedMetadata | null; pending: boolean }>();
const RETRY_MS = 60_000;

export function metadataFallback(hash: string, uri: string): IndexedMetadata | null {
  const hit = cache.get(hash);
  if (hit && (hit.value || hit.pending || Date.now() - hit.at < RETRY_MS)) return hit.value;
  if (!/^https?:\/\//.test(uri) || process.env.METADATA_FETCH === "0") return null;
  cache.set(hash, { at: Date.now(), value: null, pending: true });
  safeFetch(uri, {
    what: "metadata",
    maxBytes: MAX_METADATA_BYTES,
    timeoutMs: 3000,
    schemes: ["https:", "http:"],
  })
    .then((result) => (result.ok ? parseMetadataBytes(result.bytes, hash) : null))
    .catch(() => null)
    .then((value) => cache.set(hash, { at: Date.now(), value, pending: false }));
  return null;
}

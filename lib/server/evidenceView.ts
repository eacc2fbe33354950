// The explorer's evidence viewer, server side: find the evidence document an attestation commits
// to, re-hash it with the project's JCS + SHA-256 code (lib/evidence) and compare it with the
// on-chain hash, figures and rows root, so a visitor without JavaScript sees the verdict.
import "server-only";
import type { Hex } from "viem";
import type { EvidenceDocument } from "../evidence/document";
import { safeFetch } from "../net/safeFetch";
import { evidenceStore, MAX_EVIDENCE_BYTES } from "../store/evidenceStore";
import { formatScaled } from "../units";
import { checkEvidence, type EvidenceCheck } from "../web/evidenceCheck";

/** What the page needs from the attestation (as the indexer serves it). */
export interface AttestationFigures {
  evidenceHash: string;
  evidenceURI: string;
  rowsRoot: string;
  energyWh: string;
  pueMilli: number;
  locationIntensity: number;
  renewableBps: number;
  periodStart: string;
  periodEnd: string;
}

export type EvidenceView =
  | { found: false; reason: string }
  | {
      found: true;
      /** Where the bytes came from (this app's store or the evidence URI). */
      from: string;
      check: EvidenceCheck;
      /** The document's raw rows' Merkle root against the attestation's on-chain rowsRoot. */
      rowsRoot: { document: string | null; onChain: string; matches: boolean | null };
      /** Energy by component summed over CodeCarbon rows (kWh columns), when the rows have them. */
      components: Array<{ name: string; kWh: string }>;
      /** Raw rows' [timestamp, cumulative energy kWh] for the run's timeline, when present. */
      timeline: Array<{ at: string; kWh: number }>;
    };

const ZERO_ROOT = /^0x0{64}$/;
const STORE_URI = /\/api\/evidence\/(?:0x)?([0-9a-fA-F]{64})$/;
const FETCH_TIMEOUT_MS = 5_000;

/**
 * The evidence bytes: this app's content-addressed store under the on-chain hash first (the
 * stored bytes are the canonical ones), then the store path the URI names, then the URI itself
 * through safeFetch (https to public addresses only: the server must not become a proxy into
 * private networks for whatever URI someone wrote on chain; FETCH_ALLOW_ORIGINS is the explicit
 * dev/test exception).
 */
async function loadBytes(
  a: AttestationFigures,
): Promise<{ bytes: Uint8Array; from: string } | { reason: string }> {
  const store = evidenceStore();
  const own = await store.get(a.evidenceHash.slice(2).toLowerCase());
  if (own) return { bytes: own, from: `/api/evidence/${a.evidenceHash.slice(2).toLowerCase()}` };
  const named = STORE_URI.exec(a.evidenceURI);
  if (named?.[1]) {
    const sha = named[1].toLowerCase();
    const stored = await store.get(sha);
    if (stored) return { bytes: stored, from: `/api/evidence/${sha}` };
  }
  if (!a.evidenceURI)
    return { reason: "The evidence is not in this app's store and the attestation names no URI." };
  // Only https, only public addresses (every hop of a redirect too), bounded in size and time.
  const fetched = await safeFetch(a.evidenceURI, {
    what: "evidence",
    maxBytes: MAX_EVIDENCE_BYTES,
    timeoutMs: FETCH_TIMEOUT_MS,
    schemes: ["https:"],
  });
  if (!fetched.ok) return { reason: `The evidence is not in this app's store. ${fetched.reason}` };
  return { bytes: fetched.bytes, from: fetched.url };
}

const COMPONENTS: Array<[string, string]> = [
  ["GPU", "gpu_energy"],
  ["CPU", "cpu_energy"],
  ["RAM", "ram_energy"],
];

/** A CodeCarbon kWh cell as micro-kWh (integer), or null when it is not a plain decimal. */
function microKWh(value: unknown): bigint | null {
  if (typeof value !== "string" && typeof value !== "number") return null;
  const text = String(value).trim();
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) return null;
  const fraction = (match[2] ?? "").padEnd(6, "0").slice(0, 6);
  return BigInt(match[1] ?? "0") * 1_000_000n + BigInt(fraction || "0");
}

function rowFigures(doc: EvidenceDocument | null) {
  const items = doc?.rows?.items ?? [];
  const components: Array<{ name: string; kWh: string }> = [];
  for (const [name, column] of COMPONENTS) {
    let sum = 0n;
    let seen = false;
    for (const row of items) {
      const v = microKWh(row[column]);
      if (v !== null) {
        sum += v;
        seen = true;
      }
    }
    if (seen) components.push({ name, kWh: formatScaled(sum, 1_000_000n, 3) });
  }
  let cumulative = 0;
  const timeline: Array<{ at: string; kWh: number }> = [];
  for (const row of items) {
    const at = typeof row.timestamp === "string" ? row.timestamp : null;
    const energy = microKWh(row.energy_consumed);
    if (at === null || energy === null) continue;
    cumulative += Number(energy) / 1e6;
    timeline.push({ at, kWh: cumulative });
  }
  return { components, timeline };
}

export async function evidenceView(a: AttestationFigures): Promise<EvidenceView> {
  const loaded = await loadBytes(a);
  if ("reason" in loaded) return { found: false, reason: loaded.reason };
  const check = checkEvidence(loaded.bytes, a.evidenceHash as Hex, {
    energyWh: a.energyWh,
    pueMilli: String(a.pueMilli),
    locationIntensity: String(a.locationIntensity),
    renewableBps: String(a.renewableBps),
    periodStart: a.periodStart,
    periodEnd: a.periodEnd,
  });
  // The document's own root is recomputed from its rows by verifyEvidence; here it is compared
  // with the root committed on chain (zero on chain: the attestation committed to no rows).
  const documentRoot = check.document?.rows?.root ?? null;
  const onChainZero = ZERO_ROOT.test(a.rowsRoot);
  const matches =
    documentRoot === null ? (onChainZero ? null : false) : onChainZero ? null : documentRoot === a.rowsRoot;
  return {
    found: true,
    from: loaded.from,
    check,
    rowsRoot: { document: documentRoot, onChain: a.rowsRoot, matches },
    ...rowFigures(check.document),
  };
}

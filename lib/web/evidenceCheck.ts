// What a verifier sees before any verdict: the downloaded evidence re-hashed, and its figures
// compared with the ones on chain.
import type { Hex } from "viem";
import { type EvidenceVerification, verifyEvidence } from "../evidence/document";

export interface OnChainFigures {
  energyWh: string;
  pueMilli: string;
  locationIntensity: string;
  renewableBps: string;
  periodStart: string;
  periodEnd: string;
}

export interface EvidenceCheck extends EvidenceVerification {
  /** Figures whose evidence value differs from the chain's, as sentences. */
  differences: string[];
}

export function checkEvidence(bytes: Uint8Array, expectedHash: Hex, chain: OnChainFigures): EvidenceCheck {
  const verification = verifyEvidence(bytes, expectedHash);
  const differences: string[] = [];
  const doc = verification.document;
  if (doc) {
    const pairs: [string, string | undefined, string][] = [
      ["energyWh", doc.energyWh?.value, chain.energyWh],
      ["pueMilli", doc.pueMilli?.value, chain.pueMilli],
      ["locationIntensity", doc.locationIntensity?.value, chain.locationIntensity],
      ["renewableBps", doc.renewableBps?.value, chain.renewableBps],
      ["periodStart", doc.period?.start, chain.periodStart],
      ["periodEnd", doc.period?.end, chain.periodEnd],
    ];
    for (const [name, inDocument, onChain] of pairs) {
      if (inDocument !== onChain)
        differences.push(`${name}: evidence says ${inDocument ?? "nothing"}, chain says ${onChain}`);
    }
  }
  return { ...verification, differences };
}

/**
 * Downloads evidence from its URI. An app-served URI (…/api/evidence/<sha256>) that another
 * origin cannot reach is read from this app's own store instead: the hash names the same bytes.
 */
export async function downloadEvidence(uri: string): Promise<{ bytes: Uint8Array; from: string }> {
  const attempt = async (url: string) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  };
  let firstError: unknown;
  try {
    return { bytes: await attempt(uri), from: uri };
  } catch (error) {
    firstError = error;
  }
  const stored = /\/api\/evidence\/(0x)?([0-9a-fA-F]{64})$/.exec(uri);
  if (stored) {
    const local = `/api/evidence/${stored[2]}`;
    try {
      return { bytes: await attempt(local), from: local };
    } catch {
      // report the original failure below
    }
  }
  throw new Error(
    `Could not download the evidence from ${uri}: ${firstError instanceof Error ? firstError.message : String(firstError)}`,
  );
}

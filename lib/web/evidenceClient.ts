// Browser side of the evidence store: upload bytes, check the server hashed what we hashed.
import type { Hex } from "viem";

/** Stores bytes in the app's evidence store and returns their absolute URI. */
export async function storeEvidence(bytes: Uint8Array, expectedHash: Hex): Promise<string> {
  let response: Response;
  try {
    response = await fetch("/api/evidence", { method: "POST", body: bytes as BodyInit });
  } catch {
    throw new Error("Could not reach the evidence store. Nothing was sent to the chain; try again.");
  }
  const body = (await response.json().catch(() => ({}))) as { sha256?: string; uri?: string; error?: string };
  if (!response.ok || !body.sha256 || !body.uri) {
    throw new Error(`The evidence store refused the document: ${body.error ?? response.statusText}`);
  }
  if (`0x${body.sha256}` !== expectedHash.toLowerCase()) {
    throw new Error(
      `The evidence store hashed the document to ${body.sha256}, not ${expectedHash}; not sending.`,
    );
  }
  return new URL(body.uri, window.location.origin).toString();
}

// Publishing evidence and metadata to a running app's content-addressed store (POST
// <evidenceUrl>, the app's /api/evidence), for users whose disk is not the one the app serves:
// a training machine, a CI runner, a walkthrough in an empty directory.
import { sha256 } from "viem";
import { CliError, EXIT } from "./output";

export class HttpEvidenceStore {
  constructor(readonly base: string) {}

  /** Uploads the bytes; resolves to their SHA-256 (hex, no 0x) after checking the store's answer. */
  async put(bytes: Uint8Array): Promise<string> {
    const expected = sha256(bytes).slice(2);
    let response: Response;
    try {
      response = await fetch(this.base, {
        method: "POST",
        body: new Blob([bytes as Uint8Array<ArrayBuffer>]),
        headers: { "content-type": "application/octet-stream" },
        signal: AbortSignal.timeout(30_000),
      });
    } catch {
      throw new CliError(
        `The evidence store at ${this.base} did not answer: start the app or set evidenceUrl (greenprint config).`,
        EXIT.NETWORK,
      );
    }
    const body = (await response.json().catch(() => null)) as { sha256?: string; error?: string } | null;
    if (!response.ok) {
      throw new CliError(
        `The evidence store at ${this.base} refused the upload (HTTP ${response.status}${body?.error ? `: ${body.error}` : ""}).`,
        EXIT.NETWORK,
      );
    }
    if (body?.sha256 !== expected) {
      throw new CliError(
        `The evidence store at ${this.base} answered SHA-256 ${body?.sha256 ?? "(none)"} for bytes whose SHA-256 is ${expected}.`,
        EXIT.NETWORK,
      );
    }
    return expected;
  }
}

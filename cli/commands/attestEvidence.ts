// The evidence document of an attestation: built, hashed, and stored (with its attachments) or written to a file.
import { writeFileSync } from "node:fs";
import path from "node:path";
import {
  attachmentHash,
  buildEvidenceDocument,
  evidenceHash,
  serializeEvidence,
} from "../../lib/evidence/document";
import { type Context, str } from "../context";
import type { BuiltEvidence } from "./attestImporters";
import { storeOf } from "./model";

/**
 * Builds the evidence document, stores it and its attachments in the store (or writes it to --evidence-out), and
 * returns its hash, the URI to record and the document.
 */
export async function storeEvidence(ctx: Context, built: BuiltEvidence) {
  const v = ctx.values;
  const { store, uriOf } = storeOf(v);
  const attachments = built.files.map((f) => {
    const sha = attachmentHash(f.bytes);
    return { name: f.name, sha256: sha, uri: uriOf(sha.slice(2)), bytes: f.bytes };
  });
  built.evidence.attachments = attachments.map(({ bytes: _b, ...a }) => a);
  ctx.out.progress("building the evidence document");
  const doc = buildEvidenceDocument(built.evidence);
  const docBytes = serializeEvidence(doc);
  const hash = evidenceHash(doc);
  ctx.out.progress(`evidence sha256 ${hash}`);
  let uri = str(v, "evidence-uri");
  const out = str(v, "evidence-out");
  if (out) {
    writeFileSync(out, docBytes);
    ctx.out.progress(`evidence written to ${out}`);
    if (!uri) {
      uri = `file://${path.resolve(out)}`;
      ctx.out.warn(
        `no --evidence-uri: recording ${uri}, which verifiers cannot fetch; publish the file and pass its URL`,
      );
    }
  } else {
    uri ??= uriOf(hash.slice(2));
    if (!ctx.dryRun) {
      ctx.out.progress(`storing the evidence in ${storeOf(v).where}`);
      await store.put(docBytes);
      for (const a of attachments) await store.put(a.bytes);
    }
  }
  return { hash, uri: uri as string, doc };
}

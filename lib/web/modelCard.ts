// Server side of the model page's Hugging Face section: the public origin the absolute URLs use,
// the hardware each attestation's evidence records, and metadata links as hrefs.
import "server-only";
import { headers } from "next/headers";
import type { ModelDetail } from "@/lib/indexer/client";
import { type CardAttestation, hardwarePhrase } from "@/lib/modelCardExport";
import { Kind, Method, Status } from "@/lib/spec";
import { evidenceStore } from "@/lib/store/evidenceStore";

type Attestation = ModelDetail["attestations"][number];

/**
 * The app's public origin: PUBLIC_APP_URL when set (behind a proxy the Host header may be an
 * internal name), otherwise the origin the request came in on.
 */
export async function publicAppUrl(): Promise<string> {
  const configured = process.env.PUBLIC_APP_URL?.trim();
  if (configured) return configured;
  const h = await headers();
  // Host, not X-Forwarded-Host: a client-chosen host must not end up in a page a cache may share.
  const host = h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  return `${proto}://${host}`;
}

/**
 * The hardware an evidence document lists ("8 × A100-SXM4-80GB"), read from the content-addressed
 * store under its on-chain hash; empty when the document is not stored here or is unreadable.
 */
export async function evidenceHardware(evidenceHash: string): Promise<string[]> {
  try {
    const bytes = await evidenceStore().get(evidenceHash.slice(2).toLowerCase());
    if (!bytes) return [];
    const doc = JSON.parse(new TextDecoder().decode(bytes)) as { hardware?: unknown };
    if (!Array.isArray(doc.hardware)) return [];
    return doc.hardware
      .filter((h): h is { model: string; count?: unknown } => typeof h?.model === "string" && h.model !== "")
      .map((h) => hardwarePhrase({ model: h.model, count: Number(h.count) || undefined }));
  } catch {
    return [];
  }
}

/** An indexed attestation as the model-card export counts it. */
export function cardAttestation(a: Attestation, hardware: string[]): CardAttestation {
  return {
    kind: Kind[a.kind],
    status: Status[a.status],
    method: Method[a.method],
    totalG: BigInt(a.totalG),
    region: a.region,
    hardware,
  };
}

/** A metadata link as an href: URLs as they are, "org/name" as its Hugging Face repository; null otherwise. */
export function linkHref(link: string): string | null {
  if (/^https?:\/\/\S+$/i.test(link)) return link;
  const repo = /^(?:hf:|huggingface:)?([\w.-]+\/[\w.-]+)$/i.exec(link);
  if (repo?.[1] && !repo[1].includes("..")) return `https://huggingface.co/${repo[1]}`;
  return null;
}

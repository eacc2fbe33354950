// Typed client of GET /api/v1/certificate-overlaps (lib/api/overlaps.ts), for the verifiers' pages.
import { type CertificateOverlaps, OVERLAP_IDS_MAX } from "../api/overlaps";
import { type Options, request } from "./client";

export type { CertificateOverlaps };
export type OverlappingCertificate = CertificateOverlaps["overlaps"][number]["overlapping"][number];

/**
 * For the Pending ones of `ids`, the held certificates of the same registry and series whose ranges meet theirs,
 * by id (ids with none are absent). Asks in pages of {@link OVERLAP_IDS_MAX}.
 */
export async function certificateOverlaps(
  ids: readonly string[],
  options?: Options,
): Promise<Map<string, OverlappingCertificate[]>> {
  const out = new Map<string, OverlappingCertificate[]>();
  for (let i = 0; i < ids.length; i += OVERLAP_IDS_MAX) {
    const page = ids.slice(i, i + OVERLAP_IDS_MAX);
    const answer = await request<CertificateOverlaps>(
      `/api/v1/certificate-overlaps?ids=${page.join(",")}`,
      options,
    );
    for (const o of answer.overlaps) out.set(o.id, o.overlapping);
  }
  return out;
}

/**
 * Overlaps of the Pending ones among `certificates` (none asked when none is Pending); null when the index could
 * not be asked, so a page can say the check is missing rather than show no warning.
 */
export async function pendingOverlaps(
  certificates: readonly { id: string; status: string }[],
  options?: Options,
): Promise<Map<string, OverlappingCertificate[]> | null> {
  const pending = certificates.filter((c) => c.status === "PENDING").map((c) => c.id);
  if (pending.length === 0) return new Map();
  try {
    return await certificateOverlaps(pending, options);
  } catch {
    return null;
  }
}

// GET /api/v1/certificate-overlaps (SPEC 8): for Pending certificates, the Pending or Confirmed ones of the same
// issuing registry and series whose numbered range meets theirs. The contract's guard is one record per exact
// serial; a sub-range of a recorded range ("0001 TO 0250" inside "0001 TO 0500") is a double claim only this
// shows, so a verifier can reject it.
import * as z from "zod";
import { idsParameter } from "./idsParameter";
import { query, unknownParameter } from "./queries";
import { certificateStatusName, decimal, hex, v1 } from "./records";

/** At most this many certificates per request: one page of the verifiers' certificate queue. */
export const OVERLAP_IDS_MAX = 50;
const ID = /^0x[0-9a-fA-F]{64}$/;

/** The ids of `?ids=` (comma-separated), or the sentence saying what is wrong. */
export function parseCertificateIds(raw: string): `0x${string}`[] | string {
  const parts = raw
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "");
  if (parts.length === 0)
    return "ids is required: give certificate ids (0x and 64 hexadecimal digits) separated by commas.";
  const bad = parts.find((p) => !ID.test(p));
  if (bad !== undefined)
    return `ids must be certificate ids (0x and 64 hexadecimal digits); "${bad}" is not one.`;
  if (parts.length > OVERLAP_IDS_MAX)
    return `ids names ${parts.length} certificates; at most ${OVERLAP_IDS_MAX} at a time.`;
  return [...new Set(parts.map((p) => p.toLowerCase() as `0x${string}`))];
}

export const certificateOverlapsQuery = query(
  { ids: idsParameter(parseCertificateIds, { pattern: ID, minItems: 1, maxItems: OVERLAP_IDS_MAX }) },
  unknownParameter,
);

/** A held certificate whose range meets the asked one's. */
export const overlappingCertificate = z.object({
  id: hex,
  modelId: decimal,
  status: certificateStatusName,
  serial: z.string(),
});

export const certificateOverlaps = v1({
  overlaps: z
    .array(z.object({ id: hex, overlapping: z.array(overlappingCertificate) }))
    .describe(
      "One entry per asked certificate that is Pending and whose serial reads as a range (registry, series, first, " +
        "last): the Pending or Confirmed certificates of the same registry and series whose range meets it.",
    ),
});

export type CertificateOverlaps = z.output<typeof certificateOverlaps>;

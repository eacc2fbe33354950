// GET /api/v1/certificate-overlaps (lib/api/overlaps.ts): a Pending certificate's range checked against the held
// (Pending or Confirmed) certificates of its registry and series. Bounded: at most one page of ids, each one
// indexed query on (registry, series, rangeFirst), never a scan of every certificate.
import { db } from "ponder:api";
import schema from "ponder:schema";
import { Hono } from "hono";
import { and, asc, eq, gte, inArray, lte, ne } from "ponder";
import { type CertificateOverlaps, certificateOverlapsQuery } from "../../../lib/api/overlaps";
import { parseParams } from "../../../lib/api/queries";
import { CERTIFICATE_STATUS_NAMES, CertificateStatus } from "../../../lib/spec";
import { v1Json } from "./envelope";
import { badRequest } from "./http";
import { syncStatus } from "./sync";

/** Overlapping certificates listed per asked one (a range rarely meets more; the verifier needs one to reject). */
const PER_CERTIFICATE = 10;
const HELD = [CertificateStatus.PENDING, CertificateStatus.CONFIRMED];

const routes = new Hono();

routes.get("/api/v1/certificate-overlaps", async (c) => {
  const parsed = parseParams(certificateOverlapsQuery, new URL(c.req.url).searchParams);
  if (!parsed.ok) return badRequest(c, parsed);
  const c$ = schema.certificate;
  const [sync, asked] = await Promise.all([
    syncStatus(),
    db
      .select()
      .from(c$)
      .where(and(inArray(c$.id, parsed.value.ids), eq(c$.status, CertificateStatus.PENDING))),
  ]);
  const overlaps = await Promise.all(
    asked.map(async (a) => {
      if (a.series === null || a.rangeFirst === null || a.rangeLast === null) return null;
      const rows = await db
        .select({ id: c$.id, modelId: c$.modelId, status: c$.status, serial: c$.serial })
        .from(c$)
        .where(
          and(
            eq(c$.registry, a.registry),
            eq(c$.series, a.series),
            lte(c$.rangeFirst, a.rangeLast),
            gte(c$.rangeLast, a.rangeFirst),
            inArray(c$.status, HELD),
            ne(c$.id, a.id),
          ),
        )
        .orderBy(asc(c$.recordedBlock), asc(c$.id))
        .limit(PER_CERTIFICATE);
      if (rows.length === 0) return null;
      return {
        id: a.id,
        overlapping: rows.map((r) => ({
          id: r.id,
          modelId: r.modelId.toString(),
          status: CERTIFICATE_STATUS_NAMES[r.status as CertificateStatus],
          serial: r.serial,
        })),
      };
    }),
  );
  return v1Json<CertificateOverlaps>(c, sync, {
    overlaps: overlaps.filter((o) => o !== null),
  });
});

export default routes;

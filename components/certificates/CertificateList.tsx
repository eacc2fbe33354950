import type { CertificateView } from "@/lib/indexer/client";
import type { OverlappingCertificate } from "@/lib/indexer/overlaps";
import { certificateAmountText } from "./CertificateAmount";
import { CertificateOverlapNote } from "./CertificateOverlapNote";
import { CertificateStatusPill } from "./CertificateStatusPill";

/**
 * A model's certificate records: registry, serial as recorded, status (server component); a Pending one whose
 * range meets a held certificate's says so (`overlaps`: by id, null when it could not be checked).
 */
export function CertificateList({
  certificates,
  overlaps,
}: {
  certificates: CertificateView[];
  overlaps?: Map<string, OverlappingCertificate[]> | null;
}) {
  if (certificates.length === 0) return <p className="text-sm">No certificates recorded.</p>;
  return (
    <ul className="space-y-1 text-sm" data-testid="certificates">
      {certificates.map((c) => (
        <li key={c.id} data-testid="certificate" className="flex flex-wrap items-baseline gap-x-2">
          <span>{certificateAmountText(c.kind, c.amount)}</span>
          <span>· {c.registry}</span>
          <span>
            · serial{" "}
            <span className="font-mono text-xs" title={c.serialHash}>
              {c.serial}
            </span>
          </span>
          <span>
            · <CertificateStatusPill status={c.status} />
          </span>
          {c.uri ? (
            <span>
              ·{" "}
              <a href={c.uri} className="underline" rel="noreferrer nofollow">
                certificate
              </a>
            </span>
          ) : null}
          {c.status === "PENDING" && overlaps !== undefined ? (
            <div className="basis-full">
              <CertificateOverlapNote overlapping={overlaps === null ? null : overlaps.get(c.id)} />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

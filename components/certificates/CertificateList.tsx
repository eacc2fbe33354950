import type { CertificateView } from "@/lib/indexer/client";
import { certificateAmountText } from "./CertificateAmount";
import { CertificateStatusPill } from "./CertificateStatusPill";

/** A model's certificate records: registry, serial as printed, status (server component). */
export function CertificateList({ certificates }: { certificates: CertificateView[] }) {
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
        </li>
      ))}
    </ul>
  );
}

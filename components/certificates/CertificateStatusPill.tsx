import type { CertificateStatusName } from "@/lib/indexer/client";

const STYLE: Partial<Record<CertificateStatusName, string>> = {
  PENDING: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
  CONFIRMED: "bg-green-100 text-green-900 dark:bg-green-900 dark:text-green-100",
  REVOKED: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100",
};

/** A certificate's status (SPEC 8 v1.1): only Confirmed counts; Rejected and Revoked freed the serial. */
export function CertificateStatusPill({ status }: { status: CertificateStatusName | "NONE" }) {
  return (
    <span
      data-testid="certificate-status"
      className={`rounded px-1.5 py-0.5 text-xs font-medium ${STYLE[status as CertificateStatusName] ?? "bg-neutral-200 text-neutral-800 dark:bg-neutral-800 dark:text-neutral-200"}`}
    >
      {status.charAt(0) + status.slice(1).toLowerCase()}
    </span>
  );
}

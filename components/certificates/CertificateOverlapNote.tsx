import Link from "next/link";
import type { OverlappingCertificate } from "@/lib/indexer/overlaps";

const short = (id: string) => `${id.slice(0, 10)}…${id.slice(-4)}`;

/**
 * A Pending certificate whose numbered range meets a held one of the same registry and series (server component):
 * the contract only refuses an exactly equal serial, so a sub-range claimed twice shows here for the verifier.
 */
export function CertificateOverlapNote({
  overlapping,
}: {
  overlapping: OverlappingCertificate[] | null | undefined;
}) {
  if (overlapping === null) {
    return (
      <p className="text-xs text-neutral-600 dark:text-neutral-400">
        Overlaps with other certificates could not be checked: the index did not answer.
      </p>
    );
  }
  if (!overlapping || overlapping.length === 0) return null;
  return (
    <ul className="space-y-0.5 text-sm text-amber-800 dark:text-amber-300" data-testid="certificate-overlaps">
      {overlapping.map((o) => (
        <li key={o.id} data-testid="certificate-overlap">
          Overlaps certificate{" "}
          <span className="font-mono" title={o.id}>
            {short(o.id)}
          </span>{" "}
          ({o.status === "CONFIRMED" ? "Confirmed" : "Pending"}, serial{" "}
          <span className="font-mono">{o.serial}</span>,{" "}
          <Link href={`/models/${o.modelId}`} className="underline">
            model #{o.modelId}
          </Link>
          ): the same certificates would be claimed twice. Reject one unless the registry shows them as
          separate.
        </li>
      ))}
    </ul>
  );
}

import Link from "next/link";
import { IndexerProblem } from "@/components/IndexerProblem";
import { type CertificateList, describeIndexerError, listCertificates } from "@/lib/indexer/client";
import { pendingOverlaps } from "@/lib/indexer/overlaps";
import { shortAddress } from "@/lib/web/format";
import { certificateAmountText } from "./CertificateAmount";
import { CertificateOverlapNote } from "./CertificateOverlapNote";
import { CertificateVerdict } from "./CertificateVerdict";
import { RevokeCertificate } from "./RevokeCertificate";

const LIMIT = 50;

/**
 * Certificates from the indexer, oldest first, each with its action: the verifiers' queue (Pending: confirm or
 * reject) or the arbiter's list (Confirmed: revoke). Server component; the actions are client islands.
 */
export async function CertificateQueue({ action, model }: { action: "verdict" | "revoke"; model?: string }) {
  let list: CertificateList | null = null;
  let problem: string | null = null;
  try {
    list = await listCertificates({
      status: action === "verdict" ? "PENDING" : "CONFIRMED",
      model,
      pageSize: LIMIT,
    });
  } catch (error) {
    problem = describeIndexerError(error, "The certificates could not be loaded from the index.");
  }
  if (problem) return <IndexerProblem message={problem} />;
  // a Pending record meeting a held range (a sub-range double claim the contract cannot see), for the verdict
  const overlaps = action === "verdict" && list ? await pendingOverlaps(list.certificates) : new Map();
  if (!list || list.certificates.length === 0) {
    return (
      <p className="rounded-md border border-dashed border-neutral-300 p-4 text-center text-sm dark:border-neutral-700">
        {action === "verdict" ? "No certificate waits for a verdict." : "No confirmed certificate."}
      </p>
    );
  }
  return (
    <div className="space-y-2">
      {list.total > LIMIT ? (
        <p className="text-sm">
          The {LIMIT} oldest of {list.total}.
        </p>
      ) : null}
      <ol className="space-y-3">
        {list.certificates.map((c) => (
          <li
            key={c.id}
            data-testid={action === "verdict" ? "certificate-queue-item" : "confirmed-certificate"}
            className="space-y-2 rounded-lg border border-neutral-200 p-3 dark:border-neutral-800"
          >
            <p className="text-sm">
              <Link href={`/models/${c.modelId}`} className="font-semibold hover:underline">
                {c.modelName ?? `Model #${c.modelId}`}
              </Link>{" "}
              · {certificateAmountText(c.kind, c.amount)} · {c.registry} · serial{" "}
              <span className="font-mono">{c.serial}</span> · recorded by{" "}
              <span className="font-mono">{shortAddress(c.submitter)}</span>
              {c.uri ? (
                <>
                  {" "}
                  ·{" "}
                  <a href={c.uri} className="underline" rel="noreferrer nofollow">
                    retirement statement
                  </a>
                </>
              ) : null}
            </p>
            {action === "verdict" ? (
              <CertificateOverlapNote overlapping={overlaps?.get(c.id) ?? (overlaps ? [] : null)} />
            ) : null}
            {action === "verdict" ? (
              <CertificateVerdict id={c.id as `0x${string}`} />
            ) : (
              <RevokeCertificate id={c.id as `0x${string}`} />
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

import Link from "next/link";
import { InvalidateUnreviewed } from "@/components/arbiter/InvalidateUnreviewed";
import { IndexerProblem } from "@/components/IndexerProblem";
import { formatUtc } from "@/lib/humanize";
import {
  type AttestationList,
  describeIndexerError,
  getVerifiers,
  listAttestations,
  type VerifierProfile,
} from "@/lib/indexer/client";
import { formatEnergyWh } from "@/lib/units";
import { shortAddress } from "@/lib/web/format";

type Row = AttestationList["attestations"][number] & { verifierName: string };

/** The most a revoked verifier's queue shows (one challenge window of its verdicts). */
const PER_VERIFIER = 100;

/**
 * The arbiter's second queue (SPEC 5, v1.1): attestations still inside their challenge window whose
 * verifier has been revoked since. The arbiter may invalidate them without a bond.
 */
export async function UnreviewedVerdicts() {
  let rows: Row[] = [];
  let problem: string | null = null;
  try {
    const { verifiers } = await getVerifiers();
    const revoked = verifiers.filter((v: VerifierProfile) => !v.active);
    const lists = await Promise.all(
      revoked.map((v) =>
        listAttestations({ status: "VERIFIED", verifier: v.address, pageSize: PER_VERIFIER }),
      ),
    );
    rows = lists.flatMap((list, i) =>
      list.attestations.map((a) => ({
        ...a,
        verifierName: revoked[i]?.name || shortAddress(a.verifier ?? ""),
      })),
    );
  } catch (error) {
    problem = describeIndexerError(
      error,
      "The revoked verifiers' verdicts could not be loaded from the index.",
    );
  }
  return (
    <section className="space-y-3" aria-labelledby="unreviewed-heading">
      <div className="space-y-1">
        <h2 id="unreviewed-heading" className="text-xl font-semibold">
          Unreviewed verdicts of revoked verifiers
        </h2>
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          Revoking a verifier does not undo its verdicts, but the arbiter may invalidate, without a bond,
          those still inside their challenge window. An invalidated attestation earns nothing and its period
          can be attested again; Final ones stand.
        </p>
      </div>
      {problem ? <IndexerProblem message={problem} /> : null}
      {!problem && rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-neutral-300 p-6 text-center text-sm dark:border-neutral-700">
          No verified attestation of a revoked verifier is inside its challenge window.
        </p>
      ) : null}
      {rows.length > 0 ? (
        <ul className="space-y-4">
          {rows.map((a) => (
            <li
              key={a.id}
              className="space-y-2 rounded-lg border border-neutral-200 p-4 dark:border-neutral-800"
            >
              <p className="text-sm">
                <Link href={`/models/${a.modelId}`} className="font-medium underline">
                  {a.modelName ?? `Model #${a.modelId}`}
                </Link>{" "}
                ·{" "}
                <Link href={`/attestations/${a.id}`} className="font-mono underline">
                  {a.id.slice(0, 14)}…
                </Link>{" "}
                · {a.kind} · {formatEnergyWh(BigInt(a.energyWh))} · verified by {a.verifierName} (revoked)
                {a.finalAt ? ` · Final at ${formatUtc(a.finalAt)} unless invalidated` : null}
              </p>
              <InvalidateUnreviewed id={a.id as `0x${string}`} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

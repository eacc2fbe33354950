import type { Metadata } from "next";
import { IndexerProblem } from "@/components/IndexerProblem";
import { describeIndexerError, getVerifiers, type Verifiers } from "@/lib/indexer/client";
import { formatLeaf } from "@/lib/units";

export const metadata: Metadata = { title: "Verifiers" };
export const dynamic = "force-dynamic";

export default async function VerifiersPage() {
  let verifiers: Verifiers["verifiers"] = [];
  let problem: string | null = null;
  try {
    verifiers = (await getVerifiers()).verifiers;
  } catch (error) {
    problem = describeIndexerError(error, "The verifier list could not be loaded.");
  }
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Accredited verifiers</h1>
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        Each verifier's public record, including how many of its verdicts were later invalidated by an upheld
        dispute.
      </p>
      {problem ? (
        <IndexerProblem message={problem} />
      ) : verifiers.length === 0 ? (
        <p className="rounded-md border border-dashed border-neutral-300 p-8 text-center dark:border-neutral-700">
          No verifiers yet.
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-neutral-200 text-neutral-600 dark:border-neutral-800 dark:text-neutral-400">
              <tr>
                <th scope="col" className="py-2 pr-3">
                  Verifier
                </th>
                <th scope="col" className="py-2 pr-3">
                  Status
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  Verified
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  Rejected
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  Later invalidated
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  Certificates confirmed
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  LEAF earned
                </th>
              </tr>
            </thead>
            <tbody>
              {verifiers.map((v) => (
                <tr key={v.address} className="border-b border-neutral-100 dark:border-neutral-900">
                  <td className="py-2 pr-3">
                    {v.uri ? (
                      <a href={v.uri} className="font-medium underline" rel="noreferrer nofollow">
                        {v.name || "unnamed"}
                      </a>
                    ) : (
                      <span className="font-medium">{v.name || "unnamed"}</span>
                    )}
                    <span className="block font-mono text-xs">{v.address}</span>
                  </td>
                  <td className="py-2 pr-3">{v.active ? "accredited" : "suspended"}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{v.verdicts.verified}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{v.verdicts.rejected}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{v.verdicts.invalidated}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{v.certificates.confirmed}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{formatLeaf(BigInt(v.rewardWei))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

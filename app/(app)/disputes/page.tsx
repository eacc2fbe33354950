import type { Metadata } from "next";
import Link from "next/link";
import { formatEther } from "viem";
import { ArbiterActions } from "@/components/ArbiterActions";
import { UnreviewedVerdicts } from "@/components/arbiter/UnreviewedVerdicts";
import { IndexedAt } from "@/components/IndexedAt";
import { IndexerProblem } from "@/components/IndexerProblem";
import { Pagination } from "@/components/Pagination";
import { type DisputeList, describeIndexerError, listDisputes } from "@/lib/indexer/client";
import { shortAddress } from "@/lib/web/format";
import { firstParam, type SearchParams } from "@/lib/web/leaderboardQuery";

export const metadata: Metadata = { title: "Disputes" };
export const dynamic = "force-dynamic";

const PAGE_SIZE = 20;

/** The arbiters' queue: open disputes, oldest first, a page at a time from the indexer. */
export default async function DisputesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const page = firstParam(await searchParams, "page");
  let list: DisputeList | null = null;
  let problem: string | null = null;
  try {
    list = await listDisputes({ outcome: "open", page, pageSize: PAGE_SIZE });
  } catch (error) {
    problem = describeIndexerError(error, "The disputes could not be loaded from the index.");
  }
  return (
    <section className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Open disputes</h1>
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          Anyone may dispute a Verified attestation during its challenge window by posting the bond (on the
          model page). Upheld: the attestation is invalidated and earns nothing, the bond is returned.
          Dismissed: the bond goes to the treasury and the window resumes.
        </p>
        {list ? <IndexedAt sync={list.sync} /> : null}
      </div>
      {problem ? <IndexerProblem message={problem} /> : null}
      {list && list.disputes.length === 0 ? (
        <p className="rounded-md border border-dashed border-neutral-300 p-8 text-center dark:border-neutral-700">
          {list.page > 1 ? "No disputes on this page." : "No open disputes."}
        </p>
      ) : null}
      {list && list.disputes.length > 0 ? (
        <ul className="space-y-4">
          {list.disputes.map((d) => (
            <li
              key={`${d.attestationId}-${d.openedBlock}`}
              className="space-y-2 rounded-lg border border-neutral-200 p-4 dark:border-neutral-800"
            >
              <p className="text-sm">
                <Link href={`/models/${d.modelId}`} className="font-medium underline">
                  {d.modelName ?? `Model #${d.modelId}`}
                </Link>{" "}
                · attestation <span className="font-mono">{d.attestationId.slice(0, 14)}…</span> · challenged
                by <span className="font-mono">{shortAddress(d.challenger)}</span> with{" "}
                {formatEther(BigInt(d.bond))} bond · {d.remainingWindow} s of window left · reason:{" "}
                <a href={d.reasonURI} className="underline" rel="noreferrer nofollow">
                  {d.reasonURI}
                </a>
              </p>
              <ArbiterActions id={d.attestationId as `0x${string}`} />
            </li>
          ))}
        </ul>
      ) : null}
      {list && list.total > PAGE_SIZE ? (
        <Pagination
          basePath="/disputes"
          params={new URLSearchParams()}
          page={list.page}
          pageSize={PAGE_SIZE}
          total={list.total}
          noun={["dispute", "disputes"]}
        />
      ) : null}
      <UnreviewedVerdicts />
    </section>
  );
}

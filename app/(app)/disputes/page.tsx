import type { Metadata } from "next";
import Link from "next/link";
import { formatEther } from "viem";
import { ArbiterActions } from "@/components/ArbiterActions";
import { openDisputes } from "@/lib/server/disputes";
import { shortAddress } from "@/lib/web/format";

export const metadata: Metadata = { title: "Disputes" };
export const dynamic = "force-dynamic";

export default async function DisputesPage() {
  const disputes = await openDisputes();
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Open disputes</h1>
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          Anyone may dispute a Verified attestation during its challenge window by posting the bond (on the
          model page). Upheld: the attestation is invalidated and earns nothing, the bond is returned.
          Dismissed: the bond goes to the treasury and the window resumes.
        </p>
      </div>
      {disputes.length === 0 ? (
        <p className="rounded-md border border-dashed border-neutral-300 p-8 text-center dark:border-neutral-700">
          No open disputes.
        </p>
      ) : (
        <ul className="space-y-4">
          {disputes.map((d) => (
            <li
              key={d.id}
              className="space-y-2 rounded-lg border border-neutral-200 p-4 dark:border-neutral-800"
            >
              <p className="text-sm">
                <Link href={`/models/${d.modelId}`} className="font-medium underline">
                  Model #{d.modelId.toString()}
                </Link>{" "}
                · attestation <span className="font-mono">{d.id.slice(0, 14)}…</span> · challenged by{" "}
                <span className="font-mono">{shortAddress(d.challenger)}</span> with {formatEther(d.bond)}{" "}
                bond · {d.remainingWindow.toString()} s of window left · reason:{" "}
                <a href={d.reasonURI} className="underline" rel="noreferrer nofollow">
                  {d.reasonURI}
                </a>
              </p>
              <ArbiterActions id={d.id} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

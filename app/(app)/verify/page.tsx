import type { Metadata } from "next";
import Link from "next/link";
import { CertificateQueue } from "@/components/certificates/CertificateQueue";
import { IndexedAt } from "@/components/IndexedAt";
import { IndexerProblem } from "@/components/IndexerProblem";
import { Pagination } from "@/components/Pagination";
import { VerifierStatus } from "@/components/verify/VerifierStatus";
import { VerifyPanel } from "@/components/verify/VerifyPanel";
import { type AttestationList, describeIndexerError, listAttestations } from "@/lib/indexer/client";
import { formatEmissionsG, formatEnergyWh, formatIntensity } from "@/lib/units";
import { shortAddress } from "@/lib/web/format";
import { firstParam, type SearchParams } from "@/lib/web/leaderboardQuery";

export const metadata: Metadata = { title: "Verifier console" };
export const dynamic = "force-dynamic";

const PAGE_SIZE = 20;

/**
 * The verifiers' queue: Submitted attestations, oldest first, a page at a time from the indexer
 * (one request however long the queue is).
 */
export default async function VerifyPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = await searchParams;
  const page = firstParam(raw, "page");
  // One model's queue (a verifier engaged for a model, or a link from its page).
  const model = firstParam(raw, "model")?.trim() || undefined;
  const params = new URLSearchParams(model ? { model } : {});
  let queue: AttestationList | null = null;
  let problem: string | null = null;
  try {
    queue = await listAttestations({ status: "SUBMITTED", model, page, pageSize: PAGE_SIZE });
  } catch (error) {
    problem = describeIndexerError(error, "The queue could not be loaded from the index.");
  }
  const total = queue?.total ?? 0;
  return (
    <section className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Verifier console</h1>
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          {queue
            ? `${total} ${total === 1 ? "attestation waits" : "attestations wait"} for a verdict, oldest first. `
            : ""}
          Re-hash each evidence document before deciding. Signed verdicts can be relayed by anyone on the{" "}
          <Link href="/relay" className="underline">
            relay page
          </Link>
          .
        </p>
        <VerifierStatus />
        {queue ? <IndexedAt sync={queue.sync} /> : null}
      </div>
      <search>
        <form method="get" action="/verify" className="flex flex-wrap items-end gap-2">
          <label htmlFor="verify-model" className="text-sm font-medium">
            Model id
          </label>
          <input
            id="verify-model"
            name="model"
            inputMode="numeric"
            defaultValue={model ?? ""}
            placeholder="all"
            className="w-28 rounded-md border border-neutral-300 bg-white px-2 py-1.5 text-sm dark:border-neutral-700 dark:bg-neutral-900"
          />
          <button
            type="submit"
            className="rounded-md border border-neutral-400 px-3 py-1.5 text-sm font-medium"
          >
            Show
          </button>
          {model ? (
            <Link href="/verify" className="text-sm underline">
              Whole queue
            </Link>
          ) : null}
        </form>
      </search>
      {problem ? <IndexerProblem message={problem} /> : null}
      {queue && queue.attestations.length === 0 ? (
        <p className="rounded-md border border-dashed border-neutral-300 p-8 text-center dark:border-neutral-700">
          {queue.page > 1
            ? "No attestations on this page."
            : model
              ? `No attestation of model #${model} waits for a verdict.`
              : "The queue is empty."}
        </p>
      ) : null}
      {queue && queue.attestations.length > 0 ? (
        <ol className="space-y-4">
          {queue.attestations.map((a) => (
            <li
              key={a.id}
              data-testid="queue-item"
              className="space-y-3 rounded-lg border border-neutral-200 p-4 dark:border-neutral-800"
            >
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="font-semibold">
                  <Link href={`/models/${a.modelId}`} className="hover:underline">
                    {a.modelName ?? `Model #${a.modelId}`}
                  </Link>
                </h2>
                <span className="font-mono text-xs" title={a.id}>
                  {a.id.slice(0, 18)}…
                </span>
              </div>
              <p className="text-sm">
                {formatEnergyWh(BigInt(a.energyWh))} at {formatIntensity(BigInt(a.locationIntensity))} ={" "}
                {formatEmissionsG(BigInt(a.locationEmissionsG))} · {a.method} · {a.region || "region unknown"}{" "}
                · submitted by <span className="font-mono">{shortAddress(a.submitter)}</span>
              </p>
              <VerifyPanel
                id={a.id as `0x${string}`}
                evidenceHash={a.evidenceHash as `0x${string}`}
                evidenceURI={a.evidenceURI}
                figures={{
                  energyWh: a.energyWh,
                  pueMilli: String(a.pueMilli),
                  locationIntensity: String(a.locationIntensity),
                  renewableBps: String(a.renewableBps),
                  periodStart: a.periodStart,
                  periodEnd: a.periodEnd,
                }}
              />
            </li>
          ))}
        </ol>
      ) : null}
      {queue && total > PAGE_SIZE ? (
        <Pagination
          basePath="/verify"
          params={params}
          page={queue.page}
          pageSize={PAGE_SIZE}
          total={total}
          noun={["attestation", "attestations"]}
        />
      ) : null}
      <section aria-labelledby="certificate-queue" className="space-y-3">
        <h2 id="certificate-queue" className="text-xl font-semibold">
          Certificates waiting for a verdict
        </h2>
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          Check each against the issuing registry's retirement statement: the serial as printed, the amount
          and the beneficiary. Rejecting a record that is not the holder's frees its serial for the real
          holder.
        </p>
        <CertificateQueue action="verdict" model={model} />
      </section>
    </section>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { VerifierStatus } from "@/components/verify/VerifierStatus";
import { VerifyPanel } from "@/components/verify/VerifyPanel";
import { verificationQueue } from "@/lib/server/queue";
import { METHOD_NAMES, type Method } from "@/lib/spec";
import { formatEmissionsG, formatEnergyWh } from "@/lib/units";
import { decodeRegion } from "@/lib/validation";
import { shortAddress } from "@/lib/web/format";

export const metadata: Metadata = { title: "Verifier console" };
export const dynamic = "force-dynamic";

export default async function VerifyPage() {
  const queue = await verificationQueue();
  return (
    <section className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Verifier console</h1>
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          {queue.length} {queue.length === 1 ? "attestation waits" : "attestations wait"} for a verdict,
          oldest first. Re-hash each evidence document before deciding. Signed verdicts can be relayed by
          anyone on the{" "}
          <Link href="/relay" className="underline">
            relay page
          </Link>
          .
        </p>
        <VerifierStatus />
      </div>
      {queue.length === 0 ? (
        <p className="rounded-md border border-dashed border-neutral-300 p-8 text-center dark:border-neutral-700">
          The queue is empty.
        </p>
      ) : (
        <ol className="space-y-4">
          {queue.map((item) => {
            const a = item.attestation;
            return (
              <li
                key={item.id}
                data-testid="queue-item"
                className="space-y-3 rounded-lg border border-neutral-200 p-4 dark:border-neutral-800"
              >
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 className="font-semibold">
                    <Link href={`/models/${item.modelId}`} className="hover:underline">
                      {item.model?.metadata?.name ?? `Model #${item.modelId}`}
                    </Link>
                  </h2>
                  <span className="font-mono text-xs" title={item.id}>
                    {item.id.slice(0, 18)}…
                  </span>
                </div>
                <p className="text-sm">
                  {formatEnergyWh(a.energyWh)} at {a.locationIntensity} g/kWh ={" "}
                  {formatEmissionsG(item.locationEmissionsG)} · {METHOD_NAMES[a.method as Method]} ·{" "}
                  {decodeRegion(a.region) || "region unknown"} · submitted by{" "}
                  <span className="font-mono">{shortAddress(item.submitter)}</span>
                </p>
                <VerifyPanel
                  id={item.id}
                  evidenceHash={a.evidenceHash}
                  evidenceURI={a.evidenceURI}
                  figures={{
                    energyWh: a.energyWh.toString(),
                    pueMilli: String(a.pueMilli),
                    locationIntensity: String(a.locationIntensity),
                    renewableBps: String(a.renewableBps),
                    periodStart: a.periodStart.toString(),
                    periodEnd: a.periodEnd.toString(),
                  }}
                />
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

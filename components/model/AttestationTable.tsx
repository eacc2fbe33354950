import Link from "next/link";
import { AddressLink } from "@/components/explorer/AddressLink";
import { TxRef } from "@/components/explorer/TxRef";
import { GradeBadge } from "@/components/GradeBadge";
import { StatusPill } from "@/components/StatusPill";
import { grade } from "@/lib/formulas";
import { formatUtcDate, shortId } from "@/lib/humanize";
import type { ModelDetail } from "@/lib/indexer/client";
import { Status } from "@/lib/spec";
import { formatEmissionsG, formatEnergyWh, formatLeaf } from "@/lib/units";

type Attestation = ModelDetail["attestations"][number];

/** What an attestation has paid or can pay, in words (the actions are on the manage page). */
function rewardText(a: Attestation): string {
  if (a.claimed) return `claimed ${formatLeaf(BigInt(a.rewardWei))}`;
  if (a.status === "FINAL") {
    if (a.claimableWei === null) return "claimable (less what the superseded attestation paid)";
    return BigInt(a.claimableWei) > 0n ? `${formatLeaf(BigInt(a.claimableWei))} claimable` : "no reward";
  }
  if (a.status === "VERIFIED" && a.finalAt) return `in challenge window until ${formatUtcDate(a.finalAt)}`;
  return "—";
}

/** A model's attestations: a table on a desktop, one card per attestation below 768 px (`card-table`). */
export function AttestationTable({
  attestations,
  verifierNames,
}: {
  attestations: Attestation[];
  verifierNames: Map<string, string>;
}) {
  return (
    <div className="md:overflow-x-auto">
      <table className="card-table w-full text-left text-sm" data-testid="attestations-table">
        <thead className="border-b border-neutral-200 text-neutral-600 dark:border-neutral-800 dark:text-neutral-400">
          <tr>
            <th scope="col" className="py-2 pr-3">
              Attestation
            </th>
            <th scope="col" className="py-2 pr-3">
              Period
            </th>
            <th scope="col" className="py-2 pr-3">
              Kind
            </th>
            <th scope="col" className="py-2 pr-3 text-right">
              Energy
            </th>
            <th scope="col" className="py-2 pr-3 text-right">
              Emissions
            </th>
            <th scope="col" className="py-2 pr-3">
              Grade
            </th>
            <th scope="col" className="py-2 pr-3">
              Method
            </th>
            <th scope="col" className="py-2 pr-3">
              Region
            </th>
            <th scope="col" className="py-2 pr-3">
              Status
            </th>
            <th scope="col" className="py-2 pr-3">
              Verifier
            </th>
            <th scope="col" className="py-2 pr-3">
              Evidence
            </th>
            <th scope="col" className="py-2 pr-3">
              Reward
            </th>
          </tr>
        </thead>
        <tbody>
          {attestations.map((a) => {
            const energyWh = BigInt(a.energyWh);
            const emissionsG = BigInt(a.locationEmissionsG);
            // The attestation's own intensity as attested: never re-derived from rounded emissions.
            const g = energyWh > 0n ? grade(BigInt(a.locationIntensity)) : null;
            return (
              <tr key={a.id} className="border-b border-neutral-100 dark:border-neutral-900">
                <td data-label="Attestation" className="card-wide py-2 pr-3">
                  <Link
                    href={`/attestations/${a.id}`}
                    className="inline-flex min-h-6 items-center font-mono text-xs underline"
                    data-testid="attestation-link"
                  >
                    {shortId(a.id)}
                  </Link>
                  <span className="block">
                    <TxRef hash={a.submitted.transactionHash} block={a.submitted.block} compact />
                  </span>
                </td>
                <td data-label="Period" className="card-wide py-2 pr-3 whitespace-nowrap">
                  {formatUtcDate(a.periodStart)} – {formatUtcDate(a.periodEnd)}
                </td>
                <td data-label="Kind" className="py-2 pr-3">
                  {a.kind}
                </td>
                <td data-label="Energy" className="py-2 pr-3 text-right tabular-nums">
                  {formatEnergyWh(energyWh)}
                </td>
                <td data-label="Emissions" className="py-2 pr-3 text-right tabular-nums">
                  {formatEmissionsG(emissionsG)}
                </td>
                <td data-label="Grade" className="py-2 pr-3 max-md:order-1">
                  <GradeBadge grade={g} />
                </td>
                <td data-label="Method" className="py-2 pr-3 max-md:order-1">
                  {a.method}
                </td>
                <td data-label="Region" className="py-2 pr-3 max-md:order-1">
                  {a.region || "—"}
                </td>
                <td data-label="Status" className="py-2 pr-3">
                  <StatusPill status={Status[a.status]} />
                </td>
                <td
                  data-label="Verifier"
                  className="py-2 pr-3 max-md:order-1"
                  data-testid="attestation-verifier"
                >
                  {a.verifier ? (
                    <AddressLink address={a.verifier} name={verifierNames.get(a.verifier)} />
                  ) : (
                    "—"
                  )}
                </td>
                <td data-label="Evidence" className="py-2 pr-3 max-md:order-1">
                  <a
                    className="font-mono underline"
                    href={`/api/evidence/${a.evidenceHash.slice(2)}`}
                    data-testid="evidence-link"
                  >
                    {a.evidenceHash.slice(0, 10)}…
                  </a>
                </td>
                <td data-label="Reward" className="py-2 pr-3 max-md:order-1 text-xs">
                  {rewardText(a)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

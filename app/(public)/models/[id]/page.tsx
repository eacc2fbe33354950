import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { GradeBadge } from "@/components/GradeBadge";
import { AttestationChart } from "@/components/model/AttestationChart";
import { EnergyLabel } from "@/components/model/EnergyLabel";
import { StatusPill } from "@/components/StatusPill";
import { aggregateModel, grade, intensity } from "@/lib/formulas";
import { type AttestationSummary, getModelCertificates, getModelDetail } from "@/lib/server/models";
import { CertificateKind, KIND_NAMES, type Kind, METHOD_NAMES, type Method, Status } from "@/lib/spec";
import { formatEmissionsG, formatEnergyWh, formatLeaf } from "@/lib/units";
import { decodeRegion } from "@/lib/validation";
import { shortAddress } from "@/lib/web/format";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

async function load(id: string) {
  if (!/^\d{1,20}$/.test(id)) return null;
  return getModelDetail(BigInt(id));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const model = await load((await params).id);
  return { title: model?.metadata?.name ?? "Model" };
}

/** What an attestation has paid or can pay, in words (the actions are on the manage page). */
function rewardText(a: AttestationSummary): string {
  if (a.claimed) return `claimed ${formatLeaf(a.paid)}`;
  if (a.status === Status.FINAL)
    return a.expectedRewardWei > 0n ? `${formatLeaf(a.expectedRewardWei)} claimable` : "no reward";
  if (a.status === Status.VERIFIED) return `in challenge window until ${date(a.finalAt)}`;
  return "—";
}

const date = (seconds: bigint) => new Date(Number(seconds) * 1000).toISOString().slice(0, 10);

export default async function ModelPage({ params }: Props) {
  const { id } = await params;
  const model = await load(id);
  if (!model) notFound();
  const m = model.metadata;
  const certificates = await getModelCertificates(model.id);
  const confirmed = certificates.filter((c) => c.status === 2);
  const counted = model.attestations.map((a) => ({
    kind: a.kind as Kind,
    method: a.method as Method,
    status: a.status as Status,
    energyWh: a.energyWh,
    locationIntensity: BigInt(a.locationIntensity),
    renewableBps: BigInt(a.renewableBps),
    embodiedG: a.embodiedG,
    leafPaidWei: a.paid,
  }));
  const certificateFigures = confirmed.map((c) => ({ kind: c.kind as 0 | 1, amount: c.amount }));
  const final = aggregateModel(counted, {
    parameterCount: model.parameterCount,
    certificates: certificateFigures,
  });
  const verified = aggregateModel(counted, {
    includeVerified: true,
    parameterCount: model.parameterCount,
    certificates: certificateFigures,
  });
  const label = final.attestationCount > 0 ? final : verified.attestationCount > 0 ? verified : null;
  const leafEarned = model.attestations.reduce((sum, a) => sum + a.paid, 0n);
  const origin = process.env.PUBLIC_APP_URL ?? "";
  const badge = `[![Greenprint grade](${origin}/api/v1/badge/${id}.svg)](${origin}/models/${id})`;
  const chart = [...model.attestations]
    .sort((a, b) => Number(a.periodEnd - b.periodEnd))
    .map((a) => ({
      id: a.id,
      label: date(a.periodEnd),
      energyWh: a.energyWh,
      emissionsG: a.locationEmissionsG,
    }));
  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm text-neutral-600 dark:text-neutral-400">Model #{id}</p>
        <h1 className="text-3xl font-semibold">{m?.name ?? "Unnamed model"}</h1>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
          <dt className="text-neutral-600 dark:text-neutral-400">Organization</dt>
          <dd>{m?.organization ?? "—"}</dd>
          <dt className="text-neutral-600 dark:text-neutral-400">Task</dt>
          <dd>{m?.task ?? "—"}</dd>
          <dt className="text-neutral-600 dark:text-neutral-400">Parameters</dt>
          <dd className="tabular-nums">
            {model.parameterCount > 0n ? model.parameterCount.toLocaleString("en") : "—"}
          </dd>
          <dt className="text-neutral-600 dark:text-neutral-400">Owner</dt>
          <dd className="font-mono" title={model.owner}>
            {shortAddress(model.owner)}
          </dd>
          <dt className="text-neutral-600 dark:text-neutral-400">Training</dt>
          <dd>{model.trainingSealed ? "sealed (complete)" : "open"}</dd>
          <dt className="text-neutral-600 dark:text-neutral-400">Base model</dt>
          <dd>
            {model.parentId > 0n ? (
              <Link href={`/models/${model.parentId}`}>#{model.parentId.toString()}</Link>
            ) : (
              "—"
            )}
          </dd>
          <dt className="text-neutral-600 dark:text-neutral-400">Derived models</dt>
          <dd>
            {model.children.length === 0
              ? "—"
              : model.children.map((c, n) => (
                  <span key={c.id.toString()}>
                    {n > 0 ? ", " : ""}
                    <Link href={`/models/${c.id}`} className="underline">
                      {c.metadata?.name ?? `#${c.id}`}
                    </Link>
                  </span>
                ))}
          </dd>
          <dt className="text-neutral-600 dark:text-neutral-400">LEAF earned</dt>
          <dd className="tabular-nums">{formatLeaf(leafEarned)}</dd>
        </dl>
        {m?.label === "self-reported from publications" ? (
          <p className="text-sm text-amber-800 dark:text-amber-300">
            Figures self-reported from publications ({String(m.source ?? "")}) until a verifier verifies them.
          </p>
        ) : null}
      </header>

      <section aria-labelledby="label-title" className="grid gap-6 md:grid-cols-[auto_1fr]">
        <h2 id="label-title" className="sr-only">
          Energy label and history
        </h2>
        {label ? (
          <div className="space-y-2">
            <EnergyLabel
              name={m?.name ?? `Model #${id}`}
              aggregate={label}
              asOf={new Date().toISOString().slice(0, 10)}
            />
            {label === verified && final.attestationCount === 0 ? (
              <p className="text-xs text-neutral-600 dark:text-neutral-400">
                Includes Verified attestations still in their challenge window.
              </p>
            ) : null}
            <details className="text-xs">
              <summary className="cursor-pointer">README badge</summary>
              <code className="mt-1 block break-all rounded bg-neutral-100 p-2 dark:bg-neutral-900">
                {badge}
              </code>
            </details>
          </div>
        ) : (
          <p className="max-w-xs text-sm text-neutral-600 dark:text-neutral-400">
            No verified footprint yet: the label and grade appear once a verifier verifies an attestation.
          </p>
        )}
        <AttestationChart points={chart} />
      </section>

      <section aria-labelledby="attestations-title" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-2">
          <h2 id="attestations-title" className="text-xl font-semibold">
            Attestations
          </h2>
          <div className="flex flex-wrap gap-2">
            <Link
              href={`/models/${id}/manage`}
              prefetch={false}
              className="rounded-md border border-leaf-700 px-3 py-2 text-sm font-medium hover:bg-leaf-50 dark:hover:bg-neutral-800"
            >
              Claim, dispute, certificates
            </Link>
            <Link
              href={`/models/${id}/attest`}
              prefetch={false}
              className="rounded-md bg-leaf-700 px-3 py-2 text-sm font-medium text-white hover:bg-leaf-800"
            >
              Submit an attestation
            </Link>
          </div>
        </div>
        {model.attestations.length === 0 ? (
          <p className="rounded-md border border-dashed border-neutral-300 p-6 text-center text-sm dark:border-neutral-700">
            No attestations yet.
          </p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="attestations-table">
              <thead className="border-b border-neutral-200 text-neutral-600 dark:border-neutral-800 dark:text-neutral-400">
                <tr>
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
                    Evidence
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Reward
                  </th>
                </tr>
              </thead>
              <tbody>
                {model.attestations.map((a) => {
                  const g = a.energyWh > 0n ? grade(intensity(a.locationEmissionsG, a.energyWh)) : null;
                  return (
                    <tr key={a.id} className="border-b border-neutral-100 dark:border-neutral-900">
                      <td className="py-2 pr-3 whitespace-nowrap">
                        {date(a.periodStart)} – {date(a.periodEnd)}
                      </td>
                      <td className="py-2 pr-3">{KIND_NAMES[a.kind as Kind]}</td>
                      <td className="py-2 pr-3 text-right tabular-nums">{formatEnergyWh(a.energyWh)}</td>
                      <td className="py-2 pr-3 text-right tabular-nums">
                        {formatEmissionsG(a.locationEmissionsG)}
                      </td>
                      <td className="py-2 pr-3">
                        <GradeBadge grade={g} />
                      </td>
                      <td className="py-2 pr-3">{METHOD_NAMES[a.method as Method]}</td>
                      <td className="py-2 pr-3">{decodeRegion(a.region) || "—"}</td>
                      <td className="py-2 pr-3">
                        <StatusPill status={a.status as Status} />
                      </td>
                      <td className="py-2 pr-3">
                        <a className="font-mono underline" href={`/api/evidence/${a.evidenceHash.slice(2)}`}>
                          {a.evidenceHash.slice(0, 10)}…
                        </a>
                      </td>
                      <td className="py-2 pr-3 text-xs">{rewardText(a)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="certificates-title" className="space-y-3">
        <h2 id="certificates-title" className="text-xl font-semibold">
          Certificates (market instruments, shown apart)
        </h2>
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          Renewable energy certificates and retired carbon credits never change the grade or ranking (offsets
          cannot lower a score). Market-based net after confirmed credits:{" "}
          {formatEmissionsG(final.marketNetG)}.
        </p>
        {certificates.length === 0 ? (
          <p className="text-sm">No certificates recorded.</p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="certificates">
            {certificates.map((c) => (
              <li key={c.id}>
                {c.kind === CertificateKind.REC
                  ? `REC ${formatEnergyWh(c.amount)}`
                  : `Carbon credit ${formatEmissionsG(c.amount)} retired`}{" "}
                · {c.registry} · <span className="font-mono text-xs">{c.serialHash.slice(0, 12)}…</span> ·{" "}
                {["", "recorded", "confirmed", "rejected"][c.status] ?? "unknown"}
                {c.uri ? (
                  <>
                    {" "}
                    ·{" "}
                    <a href={c.uri} className="underline" rel="noreferrer nofollow">
                      certificate
                    </a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { AddressLink } from "@/components/explorer/AddressLink";
import { EvidencePanel } from "@/components/explorer/EvidencePanel";
import { NoSuchAttestation } from "@/components/explorer/NoSuchAttestation";
import { StatusHistory } from "@/components/explorer/StatusHistory";
import { TxRef } from "@/components/explorer/TxRef";
import { IndexedAt } from "@/components/IndexedAt";
import { IndexerProblem } from "@/components/IndexerProblem";
import { StatusPill } from "@/components/StatusPill";
import { locationEmissionsG, marketEmissionsG, totalG } from "@/lib/formulas";
import { formatDuration, formatGPerKWh, formatKgCO2e, formatKWh, formatUtc, shortId } from "@/lib/humanize";
import { describeIndexerError } from "@/lib/indexer/client";
import { type AttestationDetail, getAttestation } from "@/lib/indexer/explorer";
import { evidenceView } from "@/lib/server/evidenceView";
import { Status } from "@/lib/spec";
import { formatBps, formatLeaf, formatPue, groupDigits } from "@/lib/units";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

const ID = /^0x[0-9a-fA-F]{64}$/;

/** The indexed attestation (null: unknown or malformed id), or the sentence saying why it could not be read. */
async function load(id: string): Promise<AttestationDetail | null | { problem: string }> {
  if (!ID.test(id)) return null;
  try {
    return await getAttestation(id);
  } catch (error) {
    return { problem: describeIndexerError(error, "The attestation could not be loaded from the index.") };
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: `Attestation ${shortId(id)}` };
}

/** When the challenge window ends (or ended, or why it is not running), in words. */
function windowText(a: AttestationDetail["attestation"], now: number): string {
  const length = formatDuration(BigInt(a.challengeWindowSeconds));
  switch (a.status) {
    case "SUBMITTED":
      return `Not started: a ${length} window opens when a verifier verifies it.`;
    case "VERIFIED":
      return a.finalAt
        ? `Ends ${formatUtc(BigInt(a.finalAt))} (in ${formatDuration(BigInt(a.finalAt) - BigInt(now))}); anyone may dispute it until then.`
        : "Open.";
    case "FINAL":
      return a.finalAt ? `Ended ${formatUtc(BigInt(a.finalAt))} without an open dispute: Final.` : "Ended.";
    case "DISPUTED":
      return `Paused by the dispute with ${formatDuration(BigInt(a.remainingWindow ?? "0"))} left; it resumes if the arbiter dismisses the dispute.`;
    default:
      return "Closed: this attestation can no longer become Final.";
  }
}

function Field({ name, children, testId }: { name: string; children: React.ReactNode; testId?: string }) {
  return (
    <>
      <dt className="text-neutral-600 dark:text-neutral-400">{name}</dt>
      <dd className="break-words" data-testid={testId}>
        {children}
      </dd>
    </>
  );
}

/** One attestation as explorers show a transaction: every field decoded, its history and its evidence checked. */
export default async function AttestationPage({ params }: Props) {
  const { id } = await params;
  const detail = await load(id);
  // proxy.ts answers unknown and malformed ids with a 404 before this renders; this is the rare
  // case of an attestation missing from the index between that check and this read. Rendered in
  // place rather than through notFound(), whose dynamic-page output is an empty shell filled in by
  // JavaScript (vercel/next.js#62228).
  if (detail === null) return <NoSuchAttestation id={id} />;
  if ("problem" in detail)
    return (
      <article className="space-y-4">
        <h1 className="break-all text-2xl font-semibold">Attestation {id}</h1>
        <IndexerProblem message={detail.problem} />
      </article>
    );
  const { attestation: a, disputes } = detail;
  const energyWh = BigInt(a.energyWh);
  const intensity = BigInt(a.locationIntensity);
  const renewable = BigInt(a.renewableBps);
  // Derived figures computed here with the SPEC formulas (they equal the contract's event values).
  const location = locationEmissionsG(energyWh, intensity);
  const market = marketEmissionsG(energyWh, intensity, renewable);
  const total = totalG(location, BigInt(a.embodiedG));
  const evidence = await evidenceView(a);
  const verifier = a.verifierProfile;
  const rewardLine = a.claimed
    ? `${formatLeaf(BigInt(a.rewardWei))} paid to the owner, ${formatLeaf(BigInt(a.verifierRewardWei))} to the verifier`
    : a.projectedRewardWei !== null
      ? `${formatLeaf(BigInt(a.projectedRewardWei))} to the owner once Final (today's parameters)`
      : a.supersedes
        ? "once Final: its own reward less what the corrected attestation paid"
        : "none";
  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          Attestation of{" "}
          <Link href={`/models/${a.modelId}`} className="underline">
            {a.model.name ?? `model #${a.modelId}`}
          </Link>{" "}
          (model #{a.modelId})
        </p>
        <h1 className="break-all font-mono text-xl font-semibold" data-testid="attestation-id">
          {a.id}
        </h1>
        <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="attestation-status">
          <StatusPill status={Status[a.status]} />
          <span>
            {a.kind.toLowerCase()} · {a.method.toLowerCase()} measurement · {formatKWh(energyWh)} ·{" "}
            {formatKgCO2e(total)} total
          </span>
        </p>
        <IndexedAt sync={detail.sync} />
      </header>

      <section aria-labelledby="fields-title" className="space-y-3">
        <h2 id="fields-title" className="text-xl font-semibold">
          What was attested
        </h2>
        <dl
          className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]"
          data-testid="attestation-fields"
        >
          <Field name="Model">
            <Link href={`/models/${a.modelId}`} className="underline">
              {a.model.name ?? `#${a.modelId}`}
            </Link>
            {a.model.owner ? (
              <>
                {" "}
                owned by <AddressLink address={a.model.owner} />
              </>
            ) : null}
          </Field>
          <Field name="Kind">{a.kind}</Field>
          <Field name="Method">{a.method}</Field>
          <Field name="Period (UTC)" testId="field-period">
            {formatUtc(BigInt(a.periodStart), { seconds: true })} –{" "}
            {formatUtc(BigInt(a.periodEnd), { seconds: true })} (
            {formatDuration(BigInt(a.periodEnd) - BigInt(a.periodStart))})
          </Field>
          <Field name="Region">{a.region || "—"}</Field>
          <Field name="Energy (facility, PUE included)" testId="field-energy">
            {formatKWh(energyWh)} ({groupDigits(energyWh)} Wh)
          </Field>
          <Field name="PUE">{formatPue(BigInt(a.pueMilli))}</Field>
          <Field name="Grid intensity">{formatGPerKWh(intensity)} (location-based)</Field>
          <Field name="Renewable share">{formatBps(renewable)}</Field>
          <Field name="Accelerator hours">{groupDigits(BigInt(a.acceleratorHours))} h</Field>
          <Field name="Embodied emissions">{formatKgCO2e(BigInt(a.embodiedG))}</Field>
          <Field name="Location-based emissions" testId="field-location">
            {formatKgCO2e(location)}
          </Field>
          <Field name="Market-based emissions">{formatKgCO2e(market)}</Field>
          <Field name="Total (location + embodied)" testId="field-total">
            {formatKgCO2e(total)}
          </Field>
          <Field name="Evidence hash (SHA-256)">
            <span className="break-all font-mono text-xs">{a.evidenceHash}</span>
          </Field>
          <Field name="Evidence URI">
            {/^https?:\/\//.test(a.evidenceURI) ? (
              <a href={a.evidenceURI} className="break-all underline" rel="noreferrer nofollow">
                {a.evidenceURI}
              </a>
            ) : (
              <span className="break-all">{a.evidenceURI || "—"}</span>
            )}
          </Field>
          <Field name="Rows root">
            <span className="break-all font-mono text-xs">
              {/^0x0{64}$/.test(a.rowsRoot) ? "none committed" : a.rowsRoot}
            </span>
          </Field>
          <Field name="Corrects">
            {a.supersedes ? (
              <Link href={`/attestations/${a.supersedes}`} className="break-all font-mono text-xs underline">
                {a.supersedes}
              </Link>
            ) : (
              "—"
            )}
          </Field>
          <Field name="Superseded by">
            {a.supersededBy ? (
              <Link
                href={`/attestations/${a.supersededBy}`}
                className="break-all font-mono text-xs underline"
              >
                {a.supersededBy}
              </Link>
            ) : (
              "—"
            )}
          </Field>
          <Field name="Submitted by">
            <AddressLink address={a.submitter} name={a.actorNames[a.submitter]} />
          </Field>
          <Field name="Submission">
            <TxRef hash={a.submitted.transactionHash} block={a.submitted.block} />
          </Field>
          <Field name="Verifier" testId="field-verifier">
            {a.verifier ? (
              <>
                <AddressLink address={a.verifier} name={verifier?.name} />
                {verifier
                  ? ` · ${verifier.active ? "accredited" : "no longer accredited"}, ${verifier.verdicts.verified} verified, ${verifier.verdicts.rejected} rejected, ${verifier.verdicts.invalidated} later invalidated`
                  : null}
              </>
            ) : (
              "not yet verified"
            )}
          </Field>
          <Field name="Challenge window" testId="field-window">
            {windowText(a, detail.sync.finalityClock)}
          </Field>
          <Field name="LEAF reward">{rewardLine}</Field>
        </dl>
      </section>

      <section aria-labelledby="history-title" className="space-y-3">
        <h2 id="history-title" className="text-xl font-semibold">
          Status history
        </h2>
        <StatusHistory attestation={a} />
        {disputes.length > 0 ? (
          <ul className="space-y-1 text-sm" data-testid="disputes">
            {disputes.map((d) => (
              <li key={d.openedBlock}>
                Dispute opened {formatUtc(BigInt(d.openedAt))} by <AddressLink address={d.challenger} />:{" "}
                {d.outcome === "open"
                  ? "awaiting the arbiter"
                  : `${d.outcome} ${d.resolvedAt ? formatUtc(BigInt(d.resolvedAt)) : ""}`}
                {d.arbiter ? (
                  <>
                    {" "}
                    by <AddressLink address={d.arbiter} />
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="evidence-title" className="space-y-3">
        <h2 id="evidence-title" className="text-xl font-semibold">
          Evidence
        </h2>
        <EvidencePanel view={evidence} evidenceHash={a.evidenceHash} />
      </section>
    </article>
  );
}

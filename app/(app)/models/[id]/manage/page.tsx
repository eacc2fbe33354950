import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AttestationActions } from "@/components/AttestationActions";
import { CertificateStatusPill } from "@/components/certificates/CertificateStatusPill";
import { EfficiencyBonusPanel } from "@/components/EfficiencyBonusPanel";
import { RecordCertificateForm } from "@/components/RecordCertificateForm";
import { SealTrainingButton } from "@/components/SealTrainingButton";
import { StatusPill } from "@/components/StatusPill";
import { formatUtcDate } from "@/lib/humanize";
import { serverGreenprint } from "@/lib/server/greenprint";
import { getModelCertificates, getModelDetail } from "@/lib/server/models";
import { getTrainingTallies } from "@/lib/server/trainingTally";
import { CERTIFICATE_STATUS_NAMES, CertificateKind, KIND_NAMES, type Kind, type Status } from "@/lib/spec";
import { formatEmissionsG, formatEnergyWh } from "@/lib/units";

export const metadata: Metadata = { title: "Manage a model" };
export const dynamic = "force-dynamic";

/** Claim rewards, dispute, withdraw, record certificates: what a wallet can do for one model. */
export default async function ManageModelPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,20}$/.test(id)) notFound();
  const model = await getModelDetail(BigInt(id));
  if (!model) notFound();
  const [certificates, bonusState, tallies] = await Promise.all([
    getModelCertificates(model.id),
    serverGreenprint().then((c) => c.bonusState(model.id)),
    getTrainingTallies(model.id, model.parentId),
  ]);
  const name = model.metadata?.name ?? `Model #${id}`;
  return (
    <section className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Manage {name}</h1>
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          The owner claims LEAF for Final attestations and records certificates; anyone may dispute a Verified
          attestation during its challenge window by posting the bond.{" "}
          <Link href={`/models/${id}`} className="underline">
            Public page
          </Link>
        </p>
      </div>
      <SealTrainingButton modelId={id} owner={model.owner} sealed={model.trainingSealed} />
      <section aria-labelledby="manage-attestations" className="space-y-3">
        <h2 id="manage-attestations" className="text-xl font-semibold">
          Attestations
        </h2>
        {model.attestations.length === 0 ? (
          <p className="text-sm">No attestations yet.</p>
        ) : (
          <ul
            className="divide-y divide-neutral-200 dark:divide-neutral-800"
            data-testid="manage-attestations"
          >
            {model.attestations.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 py-3 text-sm">
                <span className="whitespace-nowrap">
                  {formatUtcDate(a.periodStart)} – {formatUtcDate(a.periodEnd)}
                </span>
                <span>{KIND_NAMES[a.kind as Kind]}</span>
                <span className="tabular-nums">{formatEnergyWh(a.energyWh)}</span>
                <span className="tabular-nums">{formatEmissionsG(a.locationEmissionsG)}</span>
                <StatusPill status={a.status as Status} />
                <AttestationActions
                  id={a.id}
                  status={a.status}
                  claimed={a.claimed}
                  owner={model.owner}
                  expectedRewardWei={a.expectedRewardWei.toString()}
                  paidWei={a.paid.toString()}
                  finalAt={a.finalAt.toString()}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="manage-bonus" className="space-y-3">
        <h2 id="manage-bonus" className="text-xl font-semibold">
          Efficiency bonus
        </h2>
        <EfficiencyBonusPanel
          modelId={id}
          owner={model.owner}
          state={Number(bonusState)}
          hasParent={model.parentId > 0n}
          tallies={tallies}
        />
      </section>
      <section aria-labelledby="manage-certificates" className="space-y-3">
        <h2 id="manage-certificates" className="text-xl font-semibold">
          Certificates
        </h2>
        <ul className="space-y-1 text-sm">
          {certificates.map((c) => (
            <li key={c.id}>
              {c.kind === CertificateKind.REC
                ? `REC ${formatEnergyWh(c.amount)}`
                : `Carbon credit ${formatEmissionsG(c.amount)}`}{" "}
              · {c.registry} · serial <span className="font-mono">{c.serial}</span> ·{" "}
              <CertificateStatusPill status={CERTIFICATE_STATUS_NAMES[c.status]} />
            </li>
          ))}
        </ul>
        <RecordCertificateForm modelId={id} owner={model.owner} />
      </section>
    </section>
  );
}

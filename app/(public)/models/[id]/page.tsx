import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CopyButton } from "@/components/CopyButton";
import { CertificateList } from "@/components/certificates/CertificateList";
import { IndexedAt } from "@/components/IndexedAt";
import { IndexerProblem } from "@/components/IndexerProblem";
import { AttestationTable } from "@/components/model/AttestationTable";
import { EfficiencyFigure } from "@/components/model/EfficiencyFigure";
import { EnergyLabel } from "@/components/model/EnergyLabel";
import { ModelCharts } from "@/components/model/ModelCharts";
import { ModelCompareForm } from "@/components/model/ModelCompareForm";
import { formatUtcDate } from "@/lib/humanize";
import { describeIndexerError, getModel, getVerifiers, type ModelDetail } from "@/lib/indexer/client";
import { pendingOverlaps } from "@/lib/indexer/overlaps";
import { buildModelCardExport, type ModelCardExport } from "@/lib/modelCardExport";
import { modelMetadata } from "@/lib/server/metadata";
import { formatEmissionsG, formatLeaf } from "@/lib/units";
import { shortAddress } from "@/lib/web/format";
import { cardAttestation, evidenceHardware, linkHref, publicAppUrl } from "@/lib/web/modelCard";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };
/** The indexed model (null: no such model), or the sentence saying why it could not be read. */
async function load(id: string): Promise<ModelDetail | null | { problem: string }> {
  if (!/^[1-9]\d{0,19}$/.test(id)) return null;
  try {
    return await getModel(id);
  } catch (error) {
    return { problem: describeIndexerError(error, "The model could not be loaded from the index.") };
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const detail = await load((await params).id);
  return { title: detail && "model" in detail ? (detail.model.name ?? "Model") : "Model" };
}

/** A model's public page, read from the indexer: one request, whatever the size of the registry. */
export default async function ModelPage({ params }: Props) {
  const { id } = await params;
  const detail = await load(id);
  if (detail === null) notFound();
  if ("problem" in detail)
    return (
      <article className="space-y-4">
        <h1 className="text-3xl font-semibold">Model #{id}</h1>
        <IndexerProblem message={detail.problem} />
      </article>
    );
  const { model, lineage, attestations, certificates } = detail;
  // The whole metadata document (its source, links) from the content-addressed store: the index
  // keeps only the fields it ranks and searches by.
  // The hardware is not in the index: each evidence document records it (same store, by hash).
  const [document, appUrl, hardwareByAttestation, verifierNames] = await Promise.all([
    modelMetadata(model.metadataHash),
    publicAppUrl(),
    Promise.all(attestations.map((a) => evidenceHardware(a.evidenceHash))),
    // Verifiers by their registry name; without the list the page still shows their addresses.
    getVerifiers()
      .then((r) => new Map(r.verifiers.map((v) => [v.address, v.name])))
      .catch(() => new Map<string, string>()),
  ]);
  const hardware = [...new Set(hardwareByAttestation.flat())];
  const { final, verified } = model.aggregates;
  const label = final.attestations > 0 ? final : verified.attestations > 0 ? verified : null;
  let card: ModelCardExport | { problem: string };
  try {
    card = buildModelCardExport({
      modelId: BigInt(id),
      appUrl,
      attestations: attestations.map((a, n) => cardAttestation(a, hardwareByAttestation[n] ?? [])),
    });
  } catch (error) {
    card = { problem: `The snippet needs the app's public address: ${(error as Error).message}.` };
  }
  const parentId = model.parentId;
  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm text-neutral-600 dark:text-neutral-400">Model #{id}</p>
        <h1 className="text-3xl font-semibold">{model.name ?? "Unnamed model"}</h1>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
          <dt className="text-neutral-600 dark:text-neutral-400">Organization</dt>
          <dd>{model.organization ?? "—"}</dd>
          <dt className="text-neutral-600 dark:text-neutral-400">Task</dt>
          <dd>{model.task ?? "—"}</dd>
          <dt className="text-neutral-600 dark:text-neutral-400">Parameters</dt>
          <dd className="tabular-nums">
            {model.parameterCount !== "0" ? BigInt(model.parameterCount).toLocaleString("en") : "—"}
          </dd>
          <dt className="text-neutral-600 dark:text-neutral-400">Owner</dt>
          <dd className="font-mono" title={model.owner}>
            <Link href={`/address/${model.owner}`} className="underline">
              {shortAddress(model.owner)}
            </Link>
          </dd>
          <dt className="text-neutral-600 dark:text-neutral-400">Training</dt>
          <dd>{model.trainingSealed ? "sealed (complete)" : "open"}</dd>
          <dt className="text-neutral-600 dark:text-neutral-400">Base model</dt>
          <dd>
            {parentId ? (
              <Link href={`/models/${parentId}`} className="underline">
                {lineage.ancestors[0]?.name ?? `#${parentId}`}
              </Link>
            ) : (
              "—"
            )}
          </dd>
          <dt className="text-neutral-600 dark:text-neutral-400">Derived models</dt>
          <dd>
            {lineage.children.length === 0
              ? "—"
              : lineage.children.map((c, n) => (
                  <span key={c.id}>
                    {n > 0 ? ", " : ""}
                    <Link href={`/models/${c.id}`} className="underline">
                      {c.name ?? `#${c.id}`}
                    </Link>
                  </span>
                ))}
          </dd>
          <dt className="text-neutral-600 dark:text-neutral-400">LEAF earned</dt>
          <dd className="tabular-nums">{formatLeaf(BigInt(model.rewardsWei))}</dd>
          <EfficiencyFigure figures={model.figures} />
          <dt className="text-neutral-600 dark:text-neutral-400">Licence</dt>
          <dd>{document?.license || "—"}</dd>
          <dt className="text-neutral-600 dark:text-neutral-400">Training tokens</dt>
          <dd className="tabular-nums">
            {document?.trainingTokens ? Number(document.trainingTokens).toLocaleString("en") : "—"}
          </dd>
          <dt className="text-neutral-600 dark:text-neutral-400">Hardware</dt>
          <dd data-testid="model-hardware">{hardware.length > 0 ? hardware.join(", ") : "—"}</dd>
          <dt className="text-neutral-600 dark:text-neutral-400">Links</dt>
          <dd className="break-all" data-testid="model-links">
            {document && document.links.length > 0
              ? document.links.map((link, n) => {
                  const href = linkHref(link);
                  return (
                    <span key={link}>
                      {n > 0 ? ", " : ""}
                      {href ? (
                        <a href={href} className="underline" rel="noreferrer nofollow">
                          {link}
                        </a>
                      ) : (
                        link
                      )}
                    </span>
                  );
                })
              : "—"}
          </dd>
        </dl>
        {model.label === "self-reported from publications" ? (
          <p className="text-sm text-amber-800 dark:text-amber-300">
            Figures self-reported from publications ({String(document?.source ?? "")}) until a verifier
            verifies them.
          </p>
        ) : null}
        <IndexedAt sync={detail.sync} />
      </header>

      <section aria-labelledby="label-title" className="grid gap-6 md:grid-cols-[auto_1fr]">
        <h2 id="label-title" className="sr-only">
          Energy label and history
        </h2>
        {label ? (
          <div className="space-y-2">
            <EnergyLabel
              name={model.name ?? `Model #${id}`}
              aggregate={label}
              asOf={formatUtcDate(Math.floor(Date.now() / 1000))}
            />
            {label === verified ? (
              <p className="text-xs text-neutral-600 dark:text-neutral-400">
                Includes Verified attestations still in their challenge window.
              </p>
            ) : null}
          </div>
        ) : (
          <p className="max-w-xs text-sm text-neutral-600 dark:text-neutral-400">
            No verified footprint yet: the label and grade appear once a verifier verifies an attestation.
          </p>
        )}
        <ModelCharts attestations={attestations} />
      </section>
      <ModelCompareForm
        id={id}
        related={[
          ...lineage.ancestors.slice(0, 1).map((m) => ({ id: m.id, name: m.name, relation: "base model" })),
          ...lineage.children.slice(0, 3).map((m) => ({ id: m.id, name: m.name, relation: "derived" })),
        ]}
      />

      <section aria-labelledby="model-card-title" className="space-y-3" data-testid="model-card">
        <h2 id="model-card-title" className="text-xl font-semibold">
          Add to your Hugging Face model card
        </h2>
        {"problem" in card ? (
          <p className="text-sm text-red-700 dark:text-red-400">{card.problem}</p>
        ) : (
          <>
            <p className="text-sm text-neutral-600 dark:text-neutral-400">
              Paste the block into the YAML front matter of the model's README.md and the badge anywhere in
              its text.{" "}
              {card.counted === 0
                ? "No Submitted, Verified or Final training attestation yet: the emissions read 0."
                : `Counts ${card.counted} training attestation${card.counted === 1 ? "" : "s"}.`}
            </p>
            {[
              { name: "co2_eq_emissions", text: card.yaml, testId: "model-card-yaml" },
              { name: "README badge", text: card.badgeMarkdown, testId: "model-card-badge" },
            ].map((snippet) => (
              <div key={snippet.testId} className="space-y-1">
                <div className="flex items-center justify-between gap-2">
                  <h3 className="text-sm font-medium">{snippet.name}</h3>
                  <CopyButton text={snippet.text} label={`Copy ${snippet.name}`} />
                </div>
                <pre
                  data-testid={snippet.testId}
                  className="overflow-x-auto whitespace-pre-wrap break-all rounded bg-neutral-100 p-2 text-xs dark:bg-neutral-900"
                >
                  {snippet.text}
                </pre>
              </div>
            ))}
          </>
        )}
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
        {attestations.length === 0 ? (
          <p className="rounded-md border border-dashed border-neutral-300 p-6 text-center text-sm dark:border-neutral-700">
            No attestations yet.
          </p>
        ) : (
          <AttestationTable attestations={attestations} verifierNames={verifierNames} />
        )}
      </section>
      <section aria-labelledby="certificates-title" className="space-y-3">
        <h2 id="certificates-title" className="text-xl font-semibold">
          Certificates (market instruments, shown apart)
        </h2>
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          Renewable energy certificates and retired carbon credits never change the grade or ranking (offsets
          cannot lower a score). Market-based net after confirmed credits:{" "}
          {formatEmissionsG(BigInt(final.marketNetG))}.
        </p>
        <CertificateList certificates={certificates} overlaps={await pendingOverlaps(certificates)} />
      </section>
    </article>
  );
}

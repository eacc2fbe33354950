import type { Metadata } from "next";
import Link from "next/link";
import type { Address } from "viem";
import { TxRef } from "@/components/explorer/TxRef";
import { IndexedAt } from "@/components/IndexedAt";
import { IndexerProblem } from "@/components/IndexerProblem";
import { StatusPill } from "@/components/StatusPill";
import { formatKgCO2e, formatKWh, formatUtc, shortId } from "@/lib/humanize";
import { describeIndexerError } from "@/lib/indexer/client";
import { type AddressActivity, getAddressActivity } from "@/lib/indexer/explorer";
import { serverGreenprint } from "@/lib/server/greenprint";
import { Status } from "@/lib/spec";
import { formatEmissionsG, formatEnergyWh, formatLeaf } from "@/lib/units";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ address: string }> };

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { address } = await params;
  return {
    title: ADDRESS.test(address) ? `Address ${address.slice(0, 6)}…${address.slice(-4)}` : "Not an address",
  };
}

/** LEAF held now, read from the token contract (null when the chain cannot be reached). */
async function leafHeld(address: string): Promise<bigint | null> {
  try {
    return await (await serverGreenprint()).leafBalance(address as Address);
  } catch {
    return null;
  }
}

function Section({ title, id, children }: { title: string; id: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-2" data-testid={id}>
      <h2 id={`${id}-title`} className="text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

const empty = (what: string) => <p className="text-sm text-neutral-600 dark:text-neutral-400">{what}</p>;
const more = (shown: number, total: number) =>
  total > shown ? (
    <p className="text-xs text-neutral-600 dark:text-neutral-400">
      Newest {shown} of {total}.
    </p>
  ) : null;

/** What one account did in the registry: models, attestations, verdicts, disputes, certificates, LEAF. */
export default async function AddressPage({ params }: Props) {
  const { address } = await params;
  if (!ADDRESS.test(address))
    return (
      <article className="space-y-4" data-testid="bad-address">
        <h1 className="text-3xl font-semibold">Not an address</h1>
        <p className="max-w-prose text-sm text-neutral-700 dark:text-neutral-300">
          “{address}” is not an account address. An address is 0x followed by 40 hexadecimal digits, e.g.{" "}
          <code className="break-all">0x70997970C51812dc3A010C7d01b50e0d17dc79C8</code>.
        </p>
        <Link href="/models" className="text-sm underline">
          Every registered model
        </Link>
      </article>
    );
  let data: AddressActivity;
  try {
    data = await getAddressActivity(address);
  } catch (error) {
    return (
      <article className="space-y-4">
        <h1 className="break-all font-mono text-xl font-semibold">{address}</h1>
        <IndexerProblem
          message={describeIndexerError(error, "The address could not be loaded from the index.")}
        />
      </article>
    );
  }
  const held = await leafHeld(data.address);
  const v = data.verifier;
  const idle =
    data.models.length === 0 &&
    data.attestations.total === 0 &&
    data.verdicts.total === 0 &&
    data.disputesOpened.length === 0 &&
    data.rulings.length === 0 &&
    data.certificates.length === 0 &&
    !v;
  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          {v ? `Verifier${v.active ? "" : " (no longer accredited)"}` : "Address"}
        </p>
        <h1 className="text-2xl font-semibold" data-testid="address-title">
          {v?.name ? <span className="block">{v.name}</span> : null}
          <span className="break-all font-mono text-base">{data.address}</span>
        </h1>
        {v?.uri ? (
          <a href={v.uri} className="text-sm underline" rel="noreferrer nofollow">
            {v.uri}
          </a>
        ) : null}
        <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4" data-testid="address-leaf">
          <dt className="text-neutral-600 dark:text-neutral-400">LEAF held</dt>
          <dd className="tabular-nums">{held === null ? "— (chain unreachable)" : formatLeaf(held)}</dd>
          <dt className="text-neutral-600 dark:text-neutral-400">LEAF earned</dt>
          <dd className="tabular-nums">
            {formatLeaf(BigInt(data.leaf.earnedWei))}
            {data.leaf.asVerifierWei !== "0"
              ? ` (${formatLeaf(BigInt(data.leaf.asOwnerWei))} as owner, ${formatLeaf(BigInt(data.leaf.asVerifierWei))} as verifier)`
              : ""}
          </dd>
        </dl>
        <IndexedAt sync={data.sync} />
      </header>

      {idle
        ? empty(
            "This address has not acted in the registry yet (no models, attestations, verdicts or disputes).",
          )
        : null}

      {data.models.length > 0 ? (
        <Section title="Models owned" id="address-models">
          <ul className="space-y-1 text-sm">
            {data.models.map((m) => (
              <li key={m.id}>
                <Link href={`/models/${m.id}`} className="underline">
                  {m.name ?? `Model #${m.id}`}
                </Link>{" "}
                (#{m.id}
                {m.organization ? `, ${m.organization}` : ""}) · {m.attestationCount} attestation
                {m.attestationCount === 1 ? "" : "s"}
                {m.trainingSealed ? " · training sealed" : ""}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {data.attestations.total > 0 ? (
        <Section title="Attestations submitted" id="address-attestations">
          <ul className="space-y-1 text-sm">
            {data.attestations.list.map((a) => (
              <li key={a.id}>
                <Link href={`/attestations/${a.id}`} className="font-mono text-xs underline">
                  {shortId(a.id)}
                </Link>{" "}
                <StatusPill status={Status[a.status]} /> {a.kind.toLowerCase()} of{" "}
                <Link href={`/models/${a.modelId}`} className="underline">
                  {a.modelName ?? `model #${a.modelId}`}
                </Link>{" "}
                · {formatKWh(BigInt(a.energyWh))} · {formatKgCO2e(BigInt(a.totalG))} · submitted{" "}
                {formatUtc(BigInt(a.submitted.timestamp))}
              </li>
            ))}
          </ul>
          {more(data.attestations.list.length, data.attestations.total)}
        </Section>
      ) : null}

      {v || data.verdicts.total > 0 ? (
        <Section title="Verdicts given" id="address-verdicts">
          {v ? (
            <p className="text-sm">
              {v.verdicts.verified} verified, {v.verdicts.rejected} rejected,{" "}
              <strong>{v.verdicts.invalidated} later invalidated</strong> by an upheld dispute;{" "}
              {v.certificates.confirmed} certificates confirmed, {v.efficiencyBonusesApproved} efficiency
              bonuses approved; accredited since {formatUtc(BigInt(v.accreditedAt))}.
            </p>
          ) : null}
          {data.verdicts.list.length === 0 ? (
            empty("No attestation verdicts yet.")
          ) : (
            <ul className="space-y-1 text-sm">
              {data.verdicts.list.map((d) => (
                <li key={d.attestationId}>
                  {d.verdict} ·{" "}
                  <Link href={`/attestations/${d.attestationId}`} className="font-mono text-xs underline">
                    {shortId(d.attestationId)}
                  </Link>{" "}
                  of{" "}
                  <Link href={`/models/${d.modelId}`} className="underline">
                    {d.modelName ?? `model #${d.modelId}`}
                  </Link>{" "}
                  · now <StatusPill status={Status[d.status]} />
                  {d.invalidated ? <strong> later invalidated</strong> : null}
                  {d.timestamp ? ` · ${formatUtc(BigInt(d.timestamp))}` : null}
                  {d.transactionHash ? (
                    <span className="block pl-4">
                      <TxRef hash={d.transactionHash} block={d.block} />
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {more(data.verdicts.list.length, data.verdicts.total)}
        </Section>
      ) : null}

      {data.disputesOpened.length > 0 ? (
        <Section title="Disputes opened" id="address-disputes">
          <ul className="space-y-1 text-sm">
            {data.disputesOpened.map((d) => (
              <li key={`${d.attestationId}-${d.openedBlock}`}>
                <Link href={`/attestations/${d.attestationId}`} className="font-mono text-xs underline">
                  {shortId(d.attestationId)}
                </Link>{" "}
                of {d.modelName ?? `model #${d.modelId}`} · opened {formatUtc(BigInt(d.openedAt))} ·{" "}
                {d.outcome}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {data.rulings.length > 0 ? (
        <Section title="Disputes ruled on (arbiter)" id="address-rulings">
          <ul className="space-y-1 text-sm">
            {data.rulings.map((d) => (
              <li key={`${d.attestationId}-${d.openedBlock}`}>
                <Link href={`/attestations/${d.attestationId}`} className="font-mono text-xs underline">
                  {shortId(d.attestationId)}
                </Link>{" "}
                of {d.modelName ?? `model #${d.modelId}`} · {d.outcome}
                {d.resolvedAt ? ` ${formatUtc(BigInt(d.resolvedAt))}` : ""}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {data.certificates.length > 0 ? (
        <Section title="Certificates recorded" id="address-certificates">
          <ul className="space-y-1 text-sm">
            {data.certificates.map((c) => (
              <li key={c.id}>
                {c.kind === "REC"
                  ? `REC ${formatEnergyWh(BigInt(c.amount))}`
                  : `Carbon credit ${formatEmissionsG(BigInt(c.amount))}`}{" "}
                · {c.registry} · {c.status.toLowerCase()} ·{" "}
                <Link href={`/models/${c.modelId}`} className="underline">
                  {c.modelName ?? `model #${c.modelId}`}
                </Link>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {data.leaf.payments.length > 0 ? (
        <Section title="LEAF payments" id="address-payments">
          <ul className="space-y-1 text-sm">
            {data.leaf.payments.map((r) => (
              <li key={`${r.transactionHash}-${r.kind}`}>
                {r.owner === data.address
                  ? `${formatLeaf(BigInt(r.amountWei))} as owner`
                  : `${formatLeaf(BigInt(r.verifierAmountWei))} as verifier`}{" "}
                · {r.kind === "attestation" ? "attestation reward" : "efficiency bonus"}
                {r.attestationId ? (
                  <>
                    {" "}
                    <Link href={`/attestations/${r.attestationId}`} className="font-mono text-xs underline">
                      {shortId(r.attestationId)}
                    </Link>
                  </>
                ) : null}{" "}
                · {formatUtc(BigInt(r.timestamp))}
                <span className="block pl-4">
                  <TxRef hash={r.transactionHash} block={r.block} />
                </span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </article>
  );
}

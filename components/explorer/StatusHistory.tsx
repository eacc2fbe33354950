import Link from "next/link";
import { formatEther } from "viem";
import { AddressLink } from "@/components/explorer/AddressLink";
import { TxRef } from "@/components/explorer/TxRef";
import { StatusPill } from "@/components/StatusPill";
import { formatUtc } from "@/lib/humanize";
import type { AttestationDetail } from "@/lib/indexer/explorer";
import { Status } from "@/lib/spec";
import { formatLeaf } from "@/lib/units";

type Entry = AttestationDetail["attestation"]["history"][number];

const LABELS: Record<string, string> = {
  AttestationSubmitted: "Submitted",
  AttestationVerified: "Verified",
  AttestationRejected: "Rejected",
  AttestationWithdrawn: "Withdrawn by the owner",
  AttestationSuperseded: "Superseded by a correction",
  AttestationDisputed: "Disputed",
  DisputeUpheld: "Dispute upheld: invalidated",
  DisputeDismissed: "Dispute dismissed: back to Verified",
  AttestationInvalidatedUnreviewed: "Invalidated by the arbiter: its verifier was revoked",
  RewardClaimed: "Reward claimed",
};

const text = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : null);

/** The event's own facts in words: bond, reason, new window end, LEAF paid, the correction. */
function Detail({ entry }: { entry: Entry }) {
  const d = entry.detail ?? {};
  const parts: React.ReactNode[] = [];
  const bond = text(d.bond);
  if (bond) parts.push(`bond ${formatEther(BigInt(bond))} ETH`);
  const reason = text(d.reasonURI);
  if (reason)
    parts.push(
      /^https?:\/\//.test(reason) ? (
        <a key="reason" href={reason} className="underline" rel="noreferrer nofollow">
          reason
        </a>
      ) : (
        `reason ${reason}`
      ),
    );
  const finalAt = text(d.finalAt);
  if (finalAt) parts.push(`challenge window ends ${formatUtc(Number(finalAt))}`);
  const reward = text(d.reward);
  if (reward) parts.push(`${formatLeaf(BigInt(reward))} to the owner`);
  const verifierReward = text(d.verifierReward);
  if (verifierReward && verifierReward !== "0")
    parts.push(`${formatLeaf(BigInt(verifierReward))} to the verifier`);
  for (const key of ["supersededBy", "supersedes"] as const) {
    const id = text(d[key]);
    if (id)
      parts.push(
        <span key={key}>
          {key === "supersededBy" ? "by " : "corrects "}
          <Link href={`/attestations/${id}`} className="font-mono text-xs underline">
            {id.slice(0, 10)}…
          </Link>
        </span>,
      );
  }
  if (parts.length === 0) return null;
  return (
    <>
      {parts.map((p, n) => (
        <span key={typeof p === "string" ? p : n}>
          {n > 0 ? " · " : ""}
          {p}
        </span>
      ))}
    </>
  );
}

function Row({ entry: h, name }: { entry: Entry; name: string | undefined }) {
  return (
    <tr className="border-b border-neutral-100 align-top dark:border-neutral-900" data-testid="history-row">
      <td className="py-2 pr-3">{LABELS[h.event] ?? h.event}</td>
      <td className="py-2 pr-3 whitespace-nowrap">
        {h.event === "RewardClaimed" ? (
          // Stored as Verified → Verified; a claim only ever happens once Final.
          <StatusPill status={Status.FINAL} />
        ) : h.from === "NONE" ? null : (
          <>
            <StatusPill status={Status[h.from]} /> →{" "}
          </>
        )}
        {h.event === "RewardClaimed" ? null : <StatusPill status={Status[h.to]} />}
      </td>
      <td className="py-2 pr-3">
        {h.actor ? <AddressLink address={h.actor} name={name} /> : "the contract"}
      </td>
      <td className="py-2 pr-3 whitespace-nowrap">{formatUtc(Number(h.timestamp), { seconds: true })}</td>
      <td className="py-2 pr-3">
        <TxRef hash={h.transactionHash} block={h.block} />
      </td>
      <td className="py-2 pr-3 text-xs">
        <Detail entry={h} />
      </td>
    </tr>
  );
}

/**
 * Every status transition, oldest first, with who acted and the transaction that did it. Final is
 * no transaction: it is shown as the moment the challenge window ended.
 */
export function StatusHistory({ attestation }: { attestation: AttestationDetail["attestation"] }) {
  const { history, actorNames } = attestation;
  const finalAt =
    attestation.status === "FINAL" && attestation.finalAt !== null ? BigInt(attestation.finalAt) : null;
  // The Final moment sits in time order (a claim comes after it).
  const cut = finalAt === null ? history.length : history.filter((h) => BigInt(h.timestamp) < finalAt).length;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="status-history">
        <thead className="border-b border-neutral-200 text-neutral-600 dark:border-neutral-800 dark:text-neutral-400">
          <tr>
            <th scope="col" className="py-2 pr-3">
              Event
            </th>
            <th scope="col" className="py-2 pr-3">
              Status
            </th>
            <th scope="col" className="py-2 pr-3">
              By
            </th>
            <th scope="col" className="py-2 pr-3">
              Time (UTC)
            </th>
            <th scope="col" className="py-2 pr-3">
              Transaction
            </th>
            <th scope="col" className="py-2 pr-3">
              Details
            </th>
          </tr>
        </thead>
        <tbody>
          {history.slice(0, cut).map((h) => (
            <Row
              key={`${h.transactionHash}-${h.event}`}
              entry={h}
              name={h.actor ? actorNames[h.actor] : undefined}
            />
          ))}
          {finalAt !== null ? (
            <tr
              className="border-b border-neutral-100 align-top dark:border-neutral-900"
              data-testid="history-row"
            >
              <td className="py-2 pr-3">Final: challenge window passed</td>
              <td className="py-2 pr-3 whitespace-nowrap">
                <StatusPill status={Status.VERIFIED} /> → <StatusPill status={Status.FINAL} />
              </td>
              <td className="py-2 pr-3">—</td>
              <td className="py-2 pr-3 whitespace-nowrap">{formatUtc(Number(finalAt), { seconds: true })}</td>
              <td className="py-2 pr-3 text-xs">no transaction: time alone makes it Final</td>
              <td className="py-2 pr-3" />
            </tr>
          ) : null}
          {history.slice(cut).map((h) => (
            <Row
              key={`${h.transactionHash}-${h.event}`}
              entry={h}
              name={h.actor ? actorNames[h.actor] : undefined}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Hex } from "viem";
import { useConnection } from "wagmi";
import { TxStatus } from "@/components/TxStatus";
import { useGreenprint, useTx } from "@/components/wallet/useGreenprint";
import { formatUtc } from "@/lib/humanize";
import { Status } from "@/lib/spec";
import { formatLeaf } from "@/lib/units";

export interface AttestationActionsProps {
  id: Hex;
  status: number;
  claimed: boolean;
  owner: string;
  /** LEAF wei, decimal string. */
  expectedRewardWei: string;
  paidWei: string;
  finalAt: string;
}

/** What the connected account can do with one attestation: claim, dispute or withdraw. */
export function AttestationActions(props: AttestationActionsProps) {
  const { address } = useConnection();
  const client = useGreenprint();
  const tx = useTx();
  const router = useRouter();
  const [reasonURI, setReasonURI] = useState("");
  const [disputing, setDisputing] = useState(false);
  const isOwner = address !== undefined && address.toLowerCase() === props.owner.toLowerCase();
  const expected = BigInt(props.expectedRewardWei);
  const done = () => router.refresh();
  const missing = () => tx.fail("Connect a wallet on the app's network first.");
  const button = "rounded-md px-2.5 py-1 text-xs font-medium disabled:cursor-not-allowed disabled:opacity-50";

  let action: React.ReactNode = null;
  if (props.status === Status.FINAL && props.claimed) {
    action = <span className="text-xs">Claimed {formatLeaf(BigInt(props.paidWei))}</span>;
  } else if (props.status === Status.FINAL && isOwner) {
    action = (
      <button
        type="button"
        disabled={tx.busy}
        className={`${button} bg-leaf-700 text-white`}
        onClick={async () => {
          if (!client) return missing();
          const result = await tx.run(
            "Confirm the claim in your wallet…",
            (o) => client.claimReward({ id: props.id }, o),
            (r) =>
              `Claimed ${formatLeaf(r.result.reward)} (and ${formatLeaf(r.result.verifierReward)} to the verifier).`,
          );
          if (result) done();
        }}
      >
        {expected > 0n ? `Claim ${formatLeaf(expected)}` : "Close (no reward)"}
      </button>
    );
  } else if (props.status === Status.FINAL) {
    action = (
      <span className="text-xs">
        {expected > 0n ? `${formatLeaf(expected)} claimable by the owner` : "no reward"}
      </span>
    );
  } else if (props.status === Status.VERIFIED) {
    action = disputing ? (
      <span className="flex flex-wrap items-center gap-1">
        <label className="sr-only" htmlFor={`reason-${props.id}`}>
          Where your reason is published
        </label>
        <input
          id={`reason-${props.id}`}
          value={reasonURI}
          onChange={(e) => setReasonURI(e.target.value)}
          placeholder="https://… reason"
          className="w-40 rounded border border-neutral-300 px-1 py-0.5 text-xs dark:border-neutral-700 dark:bg-neutral-900"
        />
        <button
          type="button"
          disabled={tx.busy}
          className={`${button} bg-purple-700 text-white`}
          onClick={async () => {
            if (!client) return missing();
            if (!reasonURI.trim()) return tx.fail("Say where your reason is published (a URI).");
            const result = await tx.run(
              "Confirm the dispute and its bond in your wallet…",
              (o) => client.dispute({ id: props.id, reasonURI: reasonURI.trim() }, o),
              () => "Dispute opened; an arbiter will rule.",
            );
            if (result) done();
          }}
        >
          Post bond
        </button>
      </span>
    ) : (
      <span className="flex flex-wrap items-center gap-2 text-xs">
        final after {formatUtc(props.finalAt)}
        <button
          type="button"
          className={`${button} border border-purple-700`}
          onClick={() => setDisputing(true)}
        >
          Dispute
        </button>
      </span>
    );
  } else if (props.status === Status.SUBMITTED && isOwner) {
    action = (
      <button
        type="button"
        disabled={tx.busy}
        className={`${button} border border-neutral-400`}
        onClick={async () => {
          if (!client) return missing();
          const result = await tx.run(
            "Confirm the withdrawal in your wallet…",
            (o) => client.withdraw({ id: props.id }, o),
            () => "Withdrawn.",
          );
          if (result) done();
        }}
      >
        Withdraw
      </button>
    );
  }
  return (
    <div className="space-y-1">
      {action}
      <TxStatus state={tx.state} />
    </div>
  );
}

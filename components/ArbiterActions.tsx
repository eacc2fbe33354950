"use client";

import { useState } from "react";
import { type Hex, sha256, toBytes } from "viem";
import { useConnection } from "wagmi";
import { TxStatus } from "@/components/TxStatus";
import { useGreenprint, useTx } from "@/components/wallet/useGreenprint";
import { useRefreshWhenIndexed } from "@/components/wallet/useRefreshWhenIndexed";
import { ROLES } from "@/lib/client";
import { useReadAttestationRegistryHasRole } from "@/lib/generated/hooks";
import { storeEvidence } from "@/lib/web/evidenceClient";

/** An arbiter upholds (attestation invalidated, bond returned) or dismisses (bond to treasury). */
export function ArbiterActions({ id }: { id: Hex }) {
  const { address } = useConnection();
  const client = useGreenprint();
  const tx = useTx();
  // The disputes page reads the indexer: refresh once it has the ruling's block.
  const refreshWhenIndexed = useRefreshWhenIndexed();
  const [ruling, setRuling] = useState("");
  const { data: isArbiter } = useReadAttestationRegistryHasRole({
    args: address ? [ROLES.ARBITER_ROLE, address] : undefined,
    query: { enabled: Boolean(address) },
  });
  if (!isArbiter)
    return <p className="text-xs text-neutral-600 dark:text-neutral-400">Only an arbiter can rule.</p>;

  async function rule(uphold: boolean) {
    if (!client) return tx.fail("Greenprint is not deployed on this network.");
    if (!ruling.trim()) return tx.fail("Write the ruling; it is stored and its hash goes on chain.");
    const bytes = toBytes(
      JSON.stringify({ schema: "greenprint.ruling/v1", attestationId: id, uphold, ruling: ruling.trim() }),
    );
    const rulingHash = sha256(bytes);
    try {
      await storeEvidence(bytes, rulingHash);
    } catch (error) {
      return tx.fail(error instanceof Error ? error.message : String(error));
    }
    const result = await tx.run(
      "Confirm the ruling in your wallet…",
      (o) =>
        uphold ? client.upholdDispute({ id, rulingHash }, o) : client.dismissDispute({ id, rulingHash }, o),
      () =>
        uphold
          ? "Upheld: the attestation is invalidated and the bond returned."
          : "Dismissed: the bond goes to the treasury.",
    );
    if (result) await refreshWhenIndexed(result.receipt.blockNumber);
  }

  return (
    <div className="space-y-2">
      <label className="block text-sm">
        <span className="font-medium">Ruling</span>
        <textarea
          value={ruling}
          onChange={(e) => setRuling(e.target.value)}
          rows={2}
          className="mt-1 w-full rounded-md border border-neutral-300 bg-white px-2 py-1 dark:border-neutral-700 dark:bg-neutral-900"
        />
      </label>
      <div className="flex gap-2">
        <button
          type="button"
          disabled={tx.busy}
          onClick={() => rule(true)}
          className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
        >
          Uphold
        </button>
        <button
          type="button"
          disabled={tx.busy}
          onClick={() => rule(false)}
          className="rounded-md border border-neutral-400 px-3 py-1.5 text-sm font-medium disabled:opacity-50"
        >
          Dismiss
        </button>
      </div>
      <TxStatus state={tx.state} />
    </div>
  );
}

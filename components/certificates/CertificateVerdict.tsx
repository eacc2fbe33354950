"use client";

import { useState } from "react";
import { type Hex, sha256, toBytes } from "viem";
import { TxStatus } from "@/components/TxStatus";
import { useGreenprint, useTx } from "@/components/wallet/useGreenprint";
import { useRefreshWhenIndexed } from "@/components/wallet/useRefreshWhenIndexed";

/**
 * A verifier confirms a Pending certificate after checking the registry's retirement statement (registry,
 * serial, amount, beneficiary), or rejects it, which frees its serial for the real holder.
 */
export function CertificateVerdict({ id }: { id: Hex }) {
  const client = useGreenprint();
  const tx = useTx();
  const refreshWhenIndexed = useRefreshWhenIndexed();
  const [reason, setReason] = useState("");

  async function decide(confirm: boolean) {
    if (!client) return tx.fail("Greenprint is not deployed on this network.");
    if (!confirm && !reason.trim()) return tx.fail("Say why it is rejected; its hash goes on chain.");
    const result = await tx.run(
      "Confirm in your wallet…",
      (o) =>
        confirm
          ? client.confirmCertificate({ id }, o)
          : client.rejectCertificate({ id, reasonHash: sha256(toBytes(reason.trim())) }, o),
      () =>
        confirm ? "Confirmed: it now counts in the market-based net." : "Rejected: its serial is free again.",
    );
    if (result) await refreshWhenIndexed(result.receipt.blockNumber);
  }

  return (
    <div className="space-y-2">
      <label className="block text-sm">
        <span className="font-medium">Reason (for a rejection)</span>
        <input
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          className="mt-1 w-full rounded-md border border-neutral-300 bg-white px-2 py-1 dark:border-neutral-700 dark:bg-neutral-900"
        />
      </label>
      <div className="flex gap-2">
        <button
          type="button"
          disabled={tx.busy}
          onClick={() => decide(true)}
          className="rounded-md bg-leaf-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
        >
          Confirm certificate
        </button>
        <button
          type="button"
          disabled={tx.busy}
          onClick={() => decide(false)}
          className="rounded-md border border-neutral-400 px-3 py-1.5 text-sm font-medium disabled:opacity-50"
        >
          Reject certificate
        </button>
      </div>
      <TxStatus state={tx.state} />
    </div>
  );
}

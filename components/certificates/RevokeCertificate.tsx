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

/** The arbiter revokes a Confirmed certificate proven double-claimed elsewhere; this frees its serial. */
export function RevokeCertificate({ id }: { id: Hex }) {
  const { address } = useConnection();
  const client = useGreenprint();
  const tx = useTx();
  const refreshWhenIndexed = useRefreshWhenIndexed();
  const [ruling, setRuling] = useState("");
  const { data: isArbiter } = useReadAttestationRegistryHasRole({
    args: address ? [ROLES.ARBITER_ROLE, address] : undefined,
    query: { enabled: Boolean(address) },
  });
  if (!isArbiter)
    return <p className="text-xs text-neutral-600 dark:text-neutral-400">Only an arbiter can revoke.</p>;

  async function revoke() {
    if (!client) return tx.fail("Greenprint is not deployed on this network.");
    if (!ruling.trim())
      return tx.fail("Write the ruling (e.g. where else it was claimed); its hash goes on chain.");
    const bytes = toBytes(
      JSON.stringify({
        schema: "greenprint.certificate-ruling/v1",
        certificateId: id,
        ruling: ruling.trim(),
      }),
    );
    const reasonHash = sha256(bytes);
    try {
      await storeEvidence(bytes, reasonHash);
    } catch (error) {
      return tx.fail(error instanceof Error ? error.message : String(error));
    }
    const result = await tx.run(
      "Confirm the revocation in your wallet…",
      (o) => client.revokeCertificate({ id, reasonHash }, o),
      () => "Revoked: it no longer counts, and its serial is free again.",
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
      <button
        type="button"
        disabled={tx.busy}
        onClick={revoke}
        className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
      >
        Revoke certificate
      </button>
      <TxStatus state={tx.state} />
    </div>
  );
}

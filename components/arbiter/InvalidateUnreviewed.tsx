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

/**
 * The arbiter invalidates, without a bond, a Verified attestation of a revoked verifier before it is Final
 * (SPEC 5, v1.1). A refusal (verifier accredited again, window over, disputed meanwhile, paused) is shown as
 * the contract's reason in plain words; the ruling stays in the form.
 */
export function InvalidateUnreviewed({ id }: { id: Hex }) {
  const { address } = useConnection();
  const client = useGreenprint();
  const tx = useTx();
  // The page reads the indexer: refresh once it has the invalidation's block.
  const refreshWhenIndexed = useRefreshWhenIndexed();
  const [ruling, setRuling] = useState("");
  const { data: isArbiter } = useReadAttestationRegistryHasRole({
    args: address ? [ROLES.ARBITER_ROLE, address] : undefined,
    query: { enabled: Boolean(address) },
  });
  if (!isArbiter)
    return <p className="text-xs text-neutral-600 dark:text-neutral-400">Only an arbiter can invalidate.</p>;

  async function invalidate() {
    if (!client) return tx.fail("Greenprint is not deployed on this network.");
    if (!ruling.trim()) return tx.fail("Write the ruling; it is stored and its hash goes on chain.");
    const bytes = toBytes(
      JSON.stringify({
        schema: "greenprint.ruling/v1",
        attestationId: id,
        invalidateUnreviewed: true,
        ruling: ruling.trim(),
      }),
    );
    const rulingHash = sha256(bytes);
    try {
      await storeEvidence(bytes, rulingHash);
    } catch (error) {
      return tx.fail(error instanceof Error ? error.message : String(error));
    }
    const result = await tx.run(
      "Confirm the invalidation in your wallet…",
      (o) => client.invalidateUnreviewed({ id, rulingHash }, o),
      () =>
        "Invalidated: the attestation earns nothing, its period can be attested again, and the verifier's record counts the invalidated verdict.",
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
        onClick={invalidate}
        className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
      >
        Invalidate unreviewed
      </button>
      <TxStatus state={tx.state} />
    </div>
  );
}

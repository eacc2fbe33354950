"use client";

import { useState } from "react";
import { type Hex, sha256, toBytes } from "viem";
import { useConnection } from "wagmi";
import { TxStatus } from "@/components/TxStatus";
import { type TxProgress, useGreenprint, useTx } from "@/components/wallet/useGreenprint";
import { useRefreshWhenIndexed } from "@/components/wallet/useRefreshWhenIndexed";
import { type GreenprintClient, ROLES, type WriteResult } from "@/lib/client";
import { useReadAttestationRegistryHasRole } from "@/lib/generated/hooks";
import { storeEvidence } from "@/lib/web/evidenceClient";

/** One button of an arbiter's ruling: what it sends with the stored ruling's hash, and what it says. */
export interface RulingAction {
  label: string;
  /** The red, consequential action (the others are outlined). */
  primary?: boolean;
  /** The ruling document stored for this action (its SHA-256 goes on chain). */
  document: (ruling: string) => Record<string, unknown>;
  confirm: string;
  send: (client: GreenprintClient, hash: Hex, progress: TxProgress) => Promise<WriteResult<unknown>>;
  done: string;
}

/**
 * An arbiter's ruling (disputes, certificate revocations, unreviewed verdicts): the ruling is written,
 * stored in the evidence store, and its hash sent with the chosen action. A refusal is shown as the
 * contract's reason in plain words and the ruling stays in the form. The page reads the indexer, so it
 * refreshes once the indexer has the ruling's block.
 */
export function ArbiterRuling({
  verb,
  emptyRuling = "Write the ruling; it is stored and its hash goes on chain.",
  actions,
}: {
  /** What an arbiter does here, for "Only an arbiter can …". */
  verb: string;
  emptyRuling?: string;
  actions: RulingAction[];
}) {
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
    return <p className="text-xs text-neutral-600 dark:text-neutral-400">Only an arbiter can {verb}.</p>;

  async function act(action: RulingAction) {
    if (!client) return tx.fail("Greenprint is not deployed on this network.");
    if (!ruling.trim()) return tx.fail(emptyRuling);
    const bytes = toBytes(JSON.stringify(action.document(ruling.trim())));
    const hash = sha256(bytes);
    try {
      await storeEvidence(bytes, hash);
    } catch (error) {
      return tx.fail(error instanceof Error ? error.message : String(error));
    }
    const result = await tx.run(
      action.confirm,
      (o) => action.send(client, hash, o),
      () => action.done,
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
        {actions.map((action) => (
          <button
            key={action.label}
            type="button"
            disabled={tx.busy}
            onClick={() => act(action)}
            className={
              action.primary
                ? "rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
                : "rounded-md border border-neutral-400 px-3 py-1.5 text-sm font-medium disabled:opacity-50"
            }
          >
            {action.label}
          </button>
        ))}
      </div>
      <TxStatus state={tx.state} />
    </div>
  );
}

"use client";

import type { Hash, TransactionReceipt } from "viem";
import { useChainSettings } from "./wallet/useChainSettings";

export type TxState =
  | { phase: "idle" }
  | { phase: "preparing"; label: string }
  | { phase: "pending"; hash: Hash }
  | { phase: "confirmed"; receipt: TransactionReceipt; message: string }
  | { phase: "failed"; message: string };

/** One line on a transaction's progress: pending, confirmed with gas used and a link, or failed. */
export function TxStatus({ state }: { state: TxState }) {
  const { explorerUrl } = useChainSettings();
  const link = (hash: Hash) =>
    explorerUrl ? (
      <a className="font-mono underline" href={`${explorerUrl}/tx/${hash}`} target="_blank" rel="noreferrer">
        {hash.slice(0, 10)}…
      </a>
    ) : (
      <span className="font-mono" title={hash}>
        {hash.slice(0, 10)}…
      </span>
    );
  switch (state.phase) {
    case "idle":
      return null;
    case "preparing":
      return (
        <p role="status" className="text-sm text-neutral-700 dark:text-neutral-300">
          {state.label}
        </p>
      );
    case "pending":
      return (
        <p role="status" className="text-sm text-neutral-700 dark:text-neutral-300">
          Transaction {link(state.hash)} sent; waiting for confirmation…
        </p>
      );
    case "confirmed":
      return (
        <p role="status" data-testid="tx-confirmed" className="text-sm text-leaf-800 dark:text-leaf-100">
          {state.message} Confirmed in block {state.receipt.blockNumber.toString()}, gas used{" "}
          {state.receipt.gasUsed.toLocaleString("en")} ({link(state.receipt.transactionHash)}).
        </p>
      );
    case "failed":
      return (
        <p role="alert" data-testid="tx-failed" className="text-sm text-red-700 dark:text-red-400">
          {state.message}
        </p>
      );
  }
}

"use client";

import { useCallback, useMemo, useState } from "react";
import { useChainId, usePublicClient, useWalletClient } from "wagmi";
import type { TxState } from "@/components/TxStatus";
import { createGreenprintClient, type GreenprintClient, type WriteResult } from "@/lib/client";
import { describeTxError } from "@/lib/web/txError";

/** The SDK client over the connected wallet (the same code the CLI uses). */
export function useGreenprint(): GreenprintClient | null {
  const publicClient = usePublicClient();
  const { data: walletClient } = useWalletClient();
  const chainId = useChainId();
  return useMemo(() => {
    if (!publicClient) return null;
    try {
      return createGreenprintClient({ publicClient, walletClient: walletClient ?? undefined, chainId });
    } catch {
      return null; // not deployed on this chain: callers say so
    }
  }, [publicClient, walletClient, chainId]);
}

/** What `useTx().run` hands the write: the SDK's hash callback, and a way to name a preparing step. */
export interface TxProgress {
  onHash: (hash: `0x${string}`) => void;
  /** Shows another preparing step (e.g. "Confirm the transaction in your wallet…"). */
  step: (label: string) => void;
}

/**
 * Runs one SDK write and tracks it: preparing (one or more steps), pending (hash), confirmed (gas
 * used) or failed (plain-English reason). Never touches the caller's form state.
 */
export function useTx() {
  const [state, setState] = useState<TxState>({ phase: "idle" });
  const run = useCallback(
    async <T>(
      label: string,
      send: (progress: TxProgress) => Promise<WriteResult<T>>,
      success: (result: WriteResult<T>) => string,
    ): Promise<WriteResult<T> | null> => {
      setState({ phase: "preparing", label });
      try {
        const result = await send({
          onHash: (hash) => setState({ phase: "pending", hash }),
          step: (next) => setState({ phase: "preparing", label: next }),
        });
        setState({ phase: "confirmed", receipt: result.receipt, message: success(result) });
        return result;
      } catch (error) {
        setState({ phase: "failed", message: describeTxError(error) });
        return null;
      }
    },
    [],
  );
  const fail = useCallback((message: string) => setState({ phase: "failed", message }), []);
  /** A failed read or check before any write: the same plain-English sentence as a failed write. */
  const failWith = useCallback(
    (error: unknown) => setState({ phase: "failed", message: describeTxError(error) }),
    [],
  );
  /** A preparing step before `run` (e.g. reading the chain state a form is checked against). */
  const step = useCallback((label: string) => setState({ phase: "preparing", label }), []);
  const reset = useCallback(() => setState({ phase: "idle" }), []);
  return {
    state,
    run,
    fail,
    failWith,
    step,
    reset,
    busy: state.phase === "preparing" || state.phase === "pending",
  };
}

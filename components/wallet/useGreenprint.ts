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

/**
 * Runs one SDK write and tracks it: preparing, pending (hash), confirmed (gas used) or failed
 * (plain-English reason). Never touches the caller's form state.
 */
export function useTx() {
  const [state, setState] = useState<TxState>({ phase: "idle" });
  const run = useCallback(
    async <T>(
      label: string,
      send: (options: { onHash: (hash: `0x${string}`) => void }) => Promise<WriteResult<T>>,
      success: (result: WriteResult<T>) => string,
    ): Promise<WriteResult<T> | null> => {
      setState({ phase: "preparing", label });
      try {
        const result = await send({ onHash: (hash) => setState({ phase: "pending", hash }) });
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
  return { state, run, fail, busy: state.phase === "preparing" || state.phase === "pending" };
}

"use client";

import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { getStatus } from "@/lib/indexer/client";

const WAIT_MS = 15_000;
const POLL_MS = 250;

/**
 * For pages that read the indexer: after a transaction, re-render the page once the index has
 * reached the transaction's block, so the page shows its effect instead of the state before it.
 * Gives up waiting after 15 s (the page then refreshes anyway; the index line says how far it is).
 */
export function useRefreshWhenIndexed() {
  const router = useRouter();
  return useCallback(
    async (blockNumber: bigint) => {
      const deadline = Date.now() + WAIT_MS;
      while (Date.now() < deadline) {
        try {
          // Same origin: the app forwards /api/v1/* to the indexer.
          const { sync } = await getStatus({ baseUrl: "" });
          if (BigInt(sync.block.number) >= blockNumber) break;
        } catch {
          // The indexer is briefly unreachable: keep trying until the deadline.
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
      router.refresh();
    },
    [router],
  );
}

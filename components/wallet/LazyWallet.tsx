"use client";

import { type ComponentType, useCallback, useEffect, useState } from "react";
import type { ChainSettings } from "@/lib/web/chain";
import { useHydrated } from "./useHydrated";

type Runtime = ComponentType<{ settings: ChainSettings; openOnMount: boolean }>;

/** True when wagmi's cookie remembers a connection, so the address should show without a click. */
function rememberedConnection(): boolean {
  return (
    /(?:^|;\s*)wagmi\.store=[^;]*connections/.test(document.cookie) &&
    /wagmi\.recentConnectorId=/.test(document.cookie)
  );
}

/**
 * The header's wallet button on public pages: a plain button until the visitor clicks it (or
 * has connected before), then the wallet runtime (wagmi, viem, connectors) loads on demand.
 */
export function LazyWallet({ settings }: { settings: ChainSettings }) {
  const hydrated = useHydrated();
  const [Loaded, setLoaded] = useState<{ Runtime: Runtime; open: boolean } | null>(null);
  const load = useCallback(
    (open: boolean) =>
      import("./WalletRuntime").then(({ WalletRuntime }) => setLoaded({ Runtime: WalletRuntime, open })),
    [],
  );
  useEffect(() => {
    if (rememberedConnection()) void load(false);
  }, [load]);
  if (Loaded) return <Loaded.Runtime settings={settings} openOnMount={Loaded.open} />;
  return (
    <button
      type="button"
      className="rounded-md bg-leaf-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-leaf-800"
      onClick={() => void load(true)}
      disabled={!hydrated}
    >
      Connect wallet
    </button>
  );
}

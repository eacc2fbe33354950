"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { type State, WagmiProvider } from "wagmi";
import type { ChainSettings } from "@/lib/web/chain";
import { getConfig } from "@/lib/web/wagmi";
import { ChainSettingsContext } from "./useChainSettings";

export function Providers(props: { children: ReactNode; settings: ChainSettings; initialState?: State }) {
  const [config] = useState(() => getConfig(props.settings));
  const [queryClient] = useState(() => new QueryClient());
  return (
    <ChainSettingsContext.Provider value={props.settings}>
      <WagmiProvider config={config} initialState={props.initialState}>
        <QueryClientProvider client={queryClient}>{props.children}</QueryClientProvider>
      </WagmiProvider>
    </ChainSettingsContext.Provider>
  );
}

"use client";

import type { ChainSettings } from "@/lib/web/chain";
import { Providers } from "./Providers";
import { WalletButton } from "./WalletButton";

/** Loaded on demand by LazyWallet: its own providers around the wallet button. */
export function WalletRuntime({ settings, openOnMount }: { settings: ChainSettings; openOnMount: boolean }) {
  return (
    <Providers settings={settings}>
      <WalletButton openOnMount={openOnMount} />
    </Providers>
  );
}

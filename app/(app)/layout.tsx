import { headers } from "next/headers";
import type { ReactNode } from "react";
import { cookieToInitialState } from "wagmi";
import { SiteHeader } from "@/components/SiteHeader";
import { Providers } from "@/components/wallet/Providers";
import { WalletButton } from "@/components/wallet/WalletButton";
import { chainSettings } from "@/lib/server/settings";
import { getConfig } from "@/lib/web/wagmi";

/** Pages that sign or send: the wallet is there from the first render (cookie state, no flash). */
export default async function WalletLayout({ children }: { children: ReactNode }) {
  const settings = chainSettings();
  const initialState = cookieToInitialState(getConfig(settings), (await headers()).get("cookie"));
  return (
    <Providers settings={settings} initialState={initialState}>
      <SiteHeader wallet={<WalletButton />} />
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </Providers>
  );
}

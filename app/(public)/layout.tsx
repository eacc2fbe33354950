import type { ReactNode } from "react";
import { SiteHeader } from "@/components/SiteHeader";
import { LazyWallet } from "@/components/wallet/LazyWallet";
import { chainSettings } from "@/lib/server/settings";

/** Public pages: server-rendered, no wallet code until the visitor asks for it. */
export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader wallet={<LazyWallet settings={chainSettings()} />} />
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </>
  );
}

import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import type { ReactNode } from "react";
import { cookieToInitialState } from "wagmi";
import { THEME_SCRIPT, ThemeToggle } from "@/components/ThemeToggle";
import { WalletButton } from "@/components/wallet/WalletButton";
import { chainSettings } from "@/lib/server/settings";
import { getConfig } from "@/lib/web/wagmi";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Greenprint", template: "%s · Greenprint" },
  description: "The on-chain registry of AI models' verified training and inference energy.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const settings = chainSettings();
  const initialState = cookieToInitialState(getConfig(settings), (await headers()).get("cookie"));
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script, needed before first paint */}
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen bg-white text-neutral-900 antialiased dark:bg-neutral-950 dark:text-neutral-100">
        <Providers settings={settings} initialState={initialState}>
          <header className="border-b border-neutral-200 dark:border-neutral-800">
            <nav
              aria-label="Main"
              className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3"
            >
              <Link href="/" className="text-lg font-semibold text-leaf-700 dark:text-leaf-100">
                Greenprint
              </Link>
              <Link href="/leaderboard" className="hover:underline">
                Leaderboard
              </Link>
              <Link href="/models" className="hover:underline">
                Models
              </Link>
              <Link href="/models/new" className="hover:underline">
                Register a model
              </Link>
              <Link href="/verify" className="hover:underline">
                Verify
              </Link>
              <Link href="/verifiers" className="hover:underline">
                Verifiers
              </Link>
              <Link href="/disputes" className="hover:underline">
                Disputes
              </Link>
              <Link href="/admin" className="hover:underline">
                Governance
              </Link>
              <div className="ml-auto flex items-center gap-2">
                <ThemeToggle />
                <WalletButton />
              </div>
            </nav>
          </header>
          <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
        </Providers>
      </body>
    </html>
  );
}

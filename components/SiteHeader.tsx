import Link from "next/link";
import type { ReactNode } from "react";
import { ThemeToggle } from "./ThemeToggle";

/** [href, label, is a wallet page]: wallet pages are not prefetched, so public pages stay light. */
const LINKS: [string, string, boolean][] = [
  ["/leaderboard", "Leaderboard", false],
  ["/models", "Models", false],
  ["/models/new", "Register a model", true],
  ["/verify", "Verify", true],
  ["/verifiers", "Verifiers", false],
  ["/disputes", "Disputes", true],
  ["/admin", "Governance", true],
];

/** The site's header; `wallet` is the full wallet button on wallet pages, a lazy one elsewhere. */
export function SiteHeader({ wallet }: { wallet: ReactNode }) {
  return (
    <header className="border-b border-neutral-200 dark:border-neutral-800">
      <nav
        aria-label="Main"
        className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3"
      >
        <Link href="/" className="text-lg font-semibold text-leaf-700 dark:text-leaf-100">
          Greenprint
        </Link>
        {LINKS.map(([href, label, wallet]) => (
          <Link key={href} href={href} prefetch={wallet ? false : undefined} className="hover:underline">
            {label}
          </Link>
        ))}
        <div className="ml-auto flex items-center gap-2">
          <ThemeToggle />
          {wallet}
        </div>
      </nav>
    </header>
  );
}

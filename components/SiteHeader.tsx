import Link from "next/link";
import type { ReactNode } from "react";
import { ThemeToggle } from "./ThemeToggle";

const LINKS: [string, string][] = [
  ["/leaderboard", "Leaderboard"],
  ["/models", "Models"],
  ["/models/new", "Register a model"],
  ["/verify", "Verify"],
  ["/verifiers", "Verifiers"],
  ["/disputes", "Disputes"],
  ["/admin", "Governance"],
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
        {LINKS.map(([href, label]) => (
          <Link key={href} href={href} className="hover:underline">
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

import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { chainSettings } from "@/lib/server/settings";
import { MISSING_HEADER, missingText, parseMissing } from "@/lib/web/missingDetail";
import PublicLayout from "./(public)/layout";

export const metadata: Metadata = { title: "Not found" };

/**
 * Every 404: an unmatched URL, and a detail page whose model, attestation, address or transaction
 * does not exist (proxy.ts decides that before rendering and names it in a request header). Server-
 * rendered inside the public layout, so it reads without JavaScript.
 */
export default async function NotFound() {
  const missing = parseMissing((await headers()).get(MISSING_HEADER));
  const { chainName, chainId } = chainSettings();
  const text = missingText(missing, `${chainName} (chain ${chainId})`);
  return (
    <PublicLayout>
      <article className="space-y-4" data-testid={text.testId} data-not-found="">
        <h1 className="text-3xl font-semibold">{text.heading}</h1>
        <p className="max-w-prose break-words text-sm text-neutral-700 dark:text-neutral-300">
          {text.sentence}
        </p>
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <Link href={text.link.href} className="underline">
            {text.link.label}
          </Link>
          {text.link.href !== "/leaderboard" && (
            <Link href="/leaderboard" className="underline">
              The leaderboard
            </Link>
          )}
        </p>
      </article>
    </PublicLayout>
  );
}

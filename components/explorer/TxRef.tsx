import { chainSettings } from "@/lib/server/settings";

/**
 * A transaction as explorers show it: its full hash and block, linked to the chain's block
 * explorer when EXPLORER_URL is set, otherwise to this app's own transaction page (/tx/{hash}).
 */
export function TxRef({ hash, block, compact }: { hash: string; block?: string | null; compact?: boolean }) {
  const { explorerUrl } = chainSettings();
  const base = explorerUrl?.replace(/\/$/, "");
  // Compact (in tables): shortened, the full hash in the tooltip and the link. At least 24 px tall
  // (WCAG 2.5.8 target size): in a table's phone cards it sits right under the attestation's link.
  const text = compact ? `${hash.slice(0, 10)}…${hash.slice(-6)}` : hash;
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-2">
      <a
        href={base ? `${base}/tx/${hash}` : `/tx/${hash}`}
        className="inline-flex min-h-6 items-center break-all font-mono text-xs underline"
        rel={base ? "noreferrer nofollow" : undefined}
        data-testid="tx-link"
        title={hash}
      >
        {text}
      </a>
      {block ? <span className="text-xs text-neutral-600 dark:text-neutral-400">block {block}</span> : null}
    </span>
  );
}

"use client";

/** A page whose data could not be loaded (chain or indexer unreachable): say so, offer a retry. */
export function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div
      role="alert"
      className="space-y-3 rounded-md border border-red-300 bg-red-50 p-6 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <h1 className="text-xl font-semibold">This page could not be loaded</h1>
      <p className="text-sm">{error.message || "The chain or the indexer did not answer."}</p>
      <button type="button" onClick={reset} className="rounded-md border border-current px-3 py-1.5 text-sm">
        Try again
      </button>
    </div>
  );
}

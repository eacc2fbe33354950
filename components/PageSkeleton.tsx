/**
 * Shown while a wallet page streams in: same outline as the pages, so nothing jumps. Public pages
 * have none: streamed content is swapped in by script, and they must work without JavaScript.
 */
export function PageSkeleton() {
  return (
    <div role="status" aria-label="Loading" className="animate-pulse space-y-4">
      <div className="h-8 w-64 rounded bg-neutral-200 dark:bg-neutral-800" />
      <div className="h-4 w-96 max-w-full rounded bg-neutral-200 dark:bg-neutral-800" />
      <div className="space-y-2 pt-4">
        {["a", "b", "c", "d", "e", "f"].map((k) => (
          <div key={k} className="h-9 rounded bg-neutral-100 dark:bg-neutral-900" />
        ))}
      </div>
    </div>
  );
}

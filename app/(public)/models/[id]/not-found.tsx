import Link from "next/link";

/** An id the index does not know: either no such model, or one registered seconds ago. */
export default function ModelNotFound() {
  return (
    <article className="space-y-4">
      <h1 className="text-3xl font-semibold">No such model</h1>
      <p className="max-w-prose text-sm text-neutral-700 dark:text-neutral-300">
        The registry has no model with this id. A model registered in the last few seconds shows here once the
        index has its block: refresh in a moment.
      </p>
      <Link href="/models" className="text-sm underline">
        Every registered model
      </Link>
    </article>
  );
}

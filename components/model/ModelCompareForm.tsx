import Link from "next/link";
import { compareHref } from "@/lib/web/compareQuery";

/**
 * "Compare" from a model page: links to this model beside its relatives, and a plain GET form for
 * any other ids (works without JavaScript; the resulting /compare URL can be shared).
 */
export function ModelCompareForm({
  id,
  related,
}: {
  id: string;
  related: Array<{ id: string; name: string | null; relation: string }>;
}) {
  return (
    <section aria-labelledby="compare-title" className="space-y-2">
      <h2 id="compare-title" className="text-xl font-semibold">
        Compare
      </h2>
      {related.length > 0 ? (
        <ul className="flex flex-wrap gap-x-4 text-sm">
          {related.map((r) => (
            <li key={r.id}>
              <Link href={compareHref([id, r.id])} className="underline">
                with {r.name ?? `#${r.id}`} ({r.relation})
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <form method="get" action="/compare" className="flex flex-wrap items-end gap-2 text-sm">
        <input type="hidden" name="ids" value={id} />
        <label>
          <span className="block font-medium">With models (ids, comma-separated)</span>
          <input
            name="ids"
            required
            inputMode="numeric"
            pattern="\s*[1-9][0-9]*(\s*,\s*[1-9][0-9]*){0,2}\s*"
            placeholder="2, 3"
            className="w-40 rounded-md border border-neutral-300 bg-white px-2 py-1.5 dark:border-neutral-700 dark:bg-neutral-900"
          />
        </label>
        <button
          type="submit"
          className="rounded-md border border-leaf-700 px-3 py-1.5 font-medium hover:bg-leaf-50 dark:hover:bg-neutral-800"
        >
          Compare
        </button>
        <Link href="/models" className="underline">
          or pick them from the models list
        </Link>
      </form>
    </section>
  );
}

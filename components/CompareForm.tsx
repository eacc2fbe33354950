/**
 * The compare form: rows elsewhere on the page put checkboxes (`name="ids"`, `form={id}`) in it,
 * and the button opens /compare?ids=…&ids=…: a plain GET form, so it works without JavaScript and
 * the resulting URL can be shared.
 */
export function CompareForm({ id, note }: { id: string; note?: string }) {
  return (
    <form id={id} method="get" action="/compare" className="flex flex-wrap items-center gap-2 text-sm">
      <button
        type="submit"
        className="rounded-md border border-leaf-700 px-3 py-1.5 font-medium hover:bg-leaf-50 dark:hover:bg-neutral-800"
      >
        Compare selected
      </button>
      <span className="text-neutral-600 dark:text-neutral-400">{note ?? "Tick 2 to 4 models."}</span>
    </form>
  );
}

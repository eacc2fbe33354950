import { SIZE_CLASSES } from "@/lib/spec";
import { TASKS } from "@/lib/web/modelForm";

const select =
  "rounded-md border border-neutral-300 bg-white px-2 py-1.5 text-sm dark:border-neutral-700 dark:bg-neutral-900";

const FILTERS = ["q", "task", "kind", "size", "region", "trust", "basis", "include"] as const;

/**
 * A plain GET form: filtering works with no JavaScript, and the URL keeps the state. It folds away
 * (details/summary) so a phone's first screen shows the ranking; it opens when a filter is set.
 */
export function LeaderboardFilters({ params }: { params: URLSearchParams }) {
  const v = (key: string) => params.get(key) ?? "";
  const active = FILTERS.filter((key) => params.has(key));
  return (
    <details
      className="rounded-md border border-neutral-200 p-3 dark:border-neutral-800"
      open={active.length > 0}
    >
      <summary className="cursor-pointer text-sm font-medium">
        Filters and counting{active.length > 0 ? ` (${active.length} set)` : ""}
      </summary>
      <form
        method="get"
        action="/leaderboard"
        className="mt-3 flex flex-wrap items-end gap-3"
        aria-label="Filter the leaderboard"
      >
        {params.get("sort") ? <input type="hidden" name="sort" value={v("sort")} /> : null}
        {params.get("order") ? <input type="hidden" name="order" value={v("order")} /> : null}
        <label className="text-sm">
          <span className="block font-medium">Search</span>
          <input name="q" defaultValue={v("q")} className={select} placeholder="model or organization" />
        </label>
        <label className="text-sm">
          <span className="block font-medium">Task</span>
          <select name="task" defaultValue={v("task")} className={select}>
            <option value="">any</option>
            {TASKS.map((t) => (
              <option key={t}>{t}</option>
            ))}
            <option value="neural-architecture-search">neural-architecture-search</option>
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium">Kind</span>
          <select name="kind" defaultValue={v("kind")} className={select}>
            <option value="">any</option>
            <option value="PRETRAINING">pre-training</option>
            <option value="FINETUNING">fine-tuning</option>
            <option value="INFERENCE">inference</option>
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium">Size</span>
          <select name="size" defaultValue={v("size")} className={select}>
            <option value="">any</option>
            {SIZE_CLASSES.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium">Region</span>
          <input
            name="region"
            defaultValue={v("region")}
            className={`${select} w-24`}
            placeholder="FR, US-CA"
          />
        </label>
        <label className="text-sm">
          <span className="block font-medium">Trust</span>
          <select name="trust" defaultValue={v("trust")} className={select}>
            <option value="">any</option>
            <option value="METER">METER</option>
            <option value="SOFTWARE">SOFTWARE</option>
            <option value="ESTIMATE">ESTIMATE</option>
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium">Emissions basis</span>
          <select name="basis" defaultValue={v("basis") || "location"} className={select}>
            <option value="location">location-based</option>
            <option value="market">market-based</option>
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium">Counting</span>
          <select name="include" defaultValue={v("include") || "final"} className={select}>
            <option value="final">Final only</option>
            <option value="verified">Final + Verified (marked)</option>
            <option value="self-reported">Self-reported only (not verified)</option>
          </select>
        </label>
        <button
          type="submit"
          className="rounded-md bg-leaf-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-leaf-800"
        >
          Apply
        </button>
      </form>
    </details>
  );
}

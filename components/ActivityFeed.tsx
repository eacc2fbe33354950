// Recent protocol events as a list (server component: plain links, no wallet, no JavaScript).
// Links are at least 24 px tall (WCAG 2.5.8 target size): on a phone an item wraps and its links stack.
import Link from "next/link";
import { describeActivity } from "@/lib/activity";
import { formatUtc } from "@/lib/humanize";
import type { ActivityItem } from "@/lib/indexer/client";
import { shortAddress } from "@/lib/web/format";

/** `names`: accredited verifiers' names by lower-cased address (an actor is named when it has one). */
export function ActivityFeed({
  items,
  names = new Map(),
}: {
  items: ActivityItem[];
  names?: ReadonlyMap<string, string>;
}) {
  return (
    <ul className="divide-y divide-neutral-200 rounded-lg border border-neutral-200 dark:divide-neutral-800 dark:border-neutral-800">
      {items.map((item) => {
        const { verb, amount } = describeActivity(item);
        return (
          <li key={item.id} className="flex flex-wrap items-baseline gap-x-1.5 p-3 text-sm">
            {item.actor ? (
              <Link
                href={`/address/${item.actor}`}
                title={item.actor}
                className={`${names.has(item.actor.toLowerCase()) ? "font-medium" : "font-mono text-xs"} inline-flex min-h-6 items-center text-neutral-700 hover:underline dark:text-neutral-300`}
              >
                {names.get(item.actor.toLowerCase()) ?? shortAddress(item.actor)}
              </Link>
            ) : (
              <span className="text-xs text-neutral-600 dark:text-neutral-400">protocol</span>
            )}{" "}
            <span>{verb}</span>{" "}
            <Link
              href={`/models/${item.modelId}`}
              className="inline-flex min-h-6 items-center font-medium hover:underline"
            >
              {item.modelName ?? `Model #${item.modelId}`}
            </Link>{" "}
            {amount ? <span className="tabular-nums">({amount})</span> : null}{" "}
            <time
              dateTime={new Date(Number(item.timestamp) * 1000).toISOString()}
              className="ml-auto tabular-nums text-neutral-600 dark:text-neutral-400"
            >
              {formatUtc(item.timestamp)}
            </time>
          </li>
        );
      })}
    </ul>
  );
}

import { STATUS_NAMES, type Status } from "@/lib/spec";

const STYLE: Partial<Record<Status, string>> = {
  1: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
  2: "bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100",
  3: "bg-purple-100 text-purple-900 dark:bg-purple-900 dark:text-purple-100",
  8: "bg-green-100 text-green-900 dark:bg-green-900 dark:text-green-100",
};

/** An attestation's status (SPEC section 5); "Submitted" is self-reported until verified. */
export function StatusPill({ status }: { status: Status }) {
  const name = STATUS_NAMES[status] ?? "UNKNOWN";
  return (
    <span
      className={`rounded px-1.5 py-0.5 text-xs font-medium ${STYLE[status] ?? "bg-neutral-200 text-neutral-800 dark:bg-neutral-800 dark:text-neutral-200"}`}
    >
      {name.charAt(0) + name.slice(1).toLowerCase()}
    </span>
  );
}

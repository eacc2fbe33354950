import type { Counting } from "@/lib/indexer/client";
import { type MarkTone, trustMark } from "@/lib/web/trustMark";

const TONES: Record<MarkTone, string> = {
  "self-reported": "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
  unfinal: "bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100",
  final: "bg-green-100 text-green-900 dark:bg-green-900 dark:text-green-100",
};

/** Whether a verifier has checked a row's figures, in words (never colour alone). */
export function TrustMark(props: {
  counting: Counting | null;
  verifiers: readonly string[];
  names: ReadonlyMap<string, string>;
  includesUnfinal?: boolean;
}) {
  const mark = trustMark(props.counting, props.verifiers, props.names, props.includesUnfinal);
  if (!mark) return null;
  return (
    <span
      data-testid="trust-mark"
      className={`inline-block rounded px-1.5 py-0.5 text-xs ${TONES[mark.tone]}`}
    >
      {mark.text}
    </span>
  );
}

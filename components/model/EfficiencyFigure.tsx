import type { ModelFigures } from "@/lib/indexer/client";
import { formatMWhPerRequest, formatWhPerPflop } from "@/lib/units";

const COUNTED: Record<string, string> = {
  final: "final",
  verified: "verified, window open",
  "self-reported": "self-reported",
};

/**
 * A model's efficiency (SPEC 9, v1.1) for the model page's facts list: Wh/PFLOP and mWh/request
 * with their ratings among the same task's models, on the strongest counting the model has (named).
 * The grid grade is shown elsewhere as the grid's; this is the model's own.
 */
export function EfficiencyFigure({ figures }: { figures: ModelFigures | undefined }) {
  const e = figures?.efficiency ?? null;
  const counted = figures?.counting ? ` (${COUNTED[figures.counting]})` : "";
  return (
    <>
      <dt className="text-neutral-600 dark:text-neutral-400">Training efficiency</dt>
      <dd className="tabular-nums" data-testid="model-efficiency">
        {e?.mWhPerPflop
          ? `${formatWhPerPflop(BigInt(e.mWhPerPflop))}, rating ${e.rating ?? "—"}${counted}`
          : "not attested yet"}
      </dd>
      {e?.mWhPerRequest ? (
        <>
          <dt className="text-neutral-600 dark:text-neutral-400">Inference efficiency</dt>
          <dd className="tabular-nums" data-testid="model-request-efficiency">
            {`${formatMWhPerRequest(BigInt(e.mWhPerRequest))}, rating ${e.requestRating ?? "—"}${counted}`}
          </dd>
        </>
      ) : null}
    </>
  );
}

import { GridGrade } from "@/components/GridGrade";
import type { ModelAggregate } from "@/lib/indexer/client";
import { formatBps, formatEmissionsG, formatEnergyWh, formatIntensity } from "@/lib/units";

/** A shareable energy label: grade, energy, emissions, intensity, trust and date. */
export function EnergyLabel({
  name,
  aggregate,
  asOf,
}: {
  name: string;
  aggregate: ModelAggregate;
  asOf: string;
}) {
  const trust = Object.entries(aggregate.methods)
    .filter(([, count]) => count > 0)
    .map(([method, count]) => `${method} ×${count}`)
    .join(", ");
  return (
    <figure
      aria-label={`Energy label of ${name}`}
      data-testid="energy-label"
      className="w-full max-w-xs rounded-xl border-2 border-neutral-900 p-4 dark:border-neutral-100"
    >
      <figcaption className="mb-2 flex items-center justify-between border-b border-neutral-300 pb-2 dark:border-neutral-700">
        <span className="font-semibold">Greenprint energy label</span>
        <GridGrade grade={aggregate.grade} intensity={aggregate.intensity} />
      </figcaption>
      <dl className="grid grid-cols-2 gap-y-1 text-sm">
        <dt>Energy</dt>
        <dd className="text-right tabular-nums">{formatEnergyWh(BigInt(aggregate.energyWh))}</dd>
        <dt>Emissions (SCI)</dt>
        <dd className="text-right tabular-nums">{formatEmissionsG(BigInt(aggregate.totalG))}</dd>
        <dt>Grid intensity</dt>
        <dd className="text-right tabular-nums">{formatIntensity(BigInt(aggregate.intensity))}</dd>
        <dt>Renewable</dt>
        <dd className="text-right tabular-nums">{formatBps(BigInt(aggregate.renewableBps))}</dd>
        <dt>Trust</dt>
        <dd className="text-right">{trust || "—"}</dd>
        <dt>As of</dt>
        <dd className="text-right">{asOf}</dd>
      </dl>
    </figure>
  );
}

import { GradeBadge } from "@/components/GradeBadge";
import type { ModelAggregate } from "@/lib/formulas";
import { METHOD_NAMES, type Method } from "@/lib/spec";
import { formatBps, formatEmissionsG, formatEnergyWh } from "@/lib/units";

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
  const trust = (Object.entries(aggregate.methods) as [string, number][])
    .filter(([, count]) => count > 0)
    .map(([method, count]) => `${METHOD_NAMES[Number(method) as Method]} ×${count}`)
    .join(", ");
  return (
    <figure
      aria-label={`Energy label of ${name}`}
      data-testid="energy-label"
      className="w-full max-w-xs rounded-xl border-2 border-neutral-900 p-4 dark:border-neutral-100"
    >
      <figcaption className="mb-2 flex items-center justify-between border-b border-neutral-300 pb-2 dark:border-neutral-700">
        <span className="font-semibold">Greenprint energy label</span>
        <GradeBadge grade={aggregate.grade} />
      </figcaption>
      <dl className="grid grid-cols-2 gap-y-1 text-sm">
        <dt>Energy</dt>
        <dd className="text-right tabular-nums">{formatEnergyWh(aggregate.energyWh)}</dd>
        <dt>Emissions (SCI)</dt>
        <dd className="text-right tabular-nums">{formatEmissionsG(aggregate.totalG)}</dd>
        <dt>Intensity</dt>
        <dd className="text-right tabular-nums">{aggregate.intensity.toString()} g/kWh</dd>
        <dt>Renewable</dt>
        <dd className="text-right tabular-nums">{formatBps(aggregate.renewableBps)}</dd>
        <dt>Trust</dt>
        <dd className="text-right">{trust || "—"}</dd>
        <dt>As of</dt>
        <dd className="text-right">{asOf}</dd>
      </dl>
    </figure>
  );
}

import { BarChart } from "@/components/charts/BarChart";
import { formatUtcDate } from "@/lib/humanize";
import type { ModelDetail } from "@/lib/indexer/client";
import { formatEmissionsG, formatEnergyWh } from "@/lib/units";

type Attestation = ModelDetail["attestations"][number];

const KIND_SHORT = { PRETRAINING: "training", FINETUNING: "fine-tune", INFERENCE: "inference" } as const;

/**
 * A model's attestations oldest first: energy on one axis, emissions (location- and market-based
 * on one shared scale) on another, each from 0 with its unit, so bars compare across attestations.
 */
export function ModelCharts({ attestations }: { attestations: Attestation[] }) {
  if (attestations.length === 0) return null;
  const ordered = [...attestations].sort((a, b) => Number(BigInt(a.periodEnd) - BigInt(b.periodEnd)));
  // Short enough for the chart's label column; the attestations table below has the details.
  const label = (a: Attestation) => `${formatUtcDate(a.periodEnd)} ${KIND_SHORT[a.kind]}`;
  return (
    <div className="min-w-0 space-y-4">
      <BarChart
        id="model-energy"
        title="Energy per attestation, oldest first"
        axisLabel="energy (facility, PUE included)"
        series={[{ name: "energy", fill: "fill-sky-600", swatch: "bg-sky-600" }]}
        rows={ordered.map((a) => ({ key: a.id, label: label(a), values: [BigInt(a.energyWh)] }))}
        format={(wh) => formatEnergyWh(wh)}
      />
      <BarChart
        id="model-emissions"
        title="Emissions per attestation, oldest first"
        axisLabel="emissions, gCO2e"
        series={[
          { name: "location-based", fill: "fill-amber-600", swatch: "bg-amber-600" },
          { name: "market-based", fill: "fill-teal-600", swatch: "bg-teal-600" },
        ]}
        rows={ordered.map((a) => ({
          key: a.id,
          label: label(a),
          values: [BigInt(a.locationEmissionsG), BigInt(a.marketEmissionsG)],
        }))}
        format={(g) => formatEmissionsG(g)}
      />
    </div>
  );
}

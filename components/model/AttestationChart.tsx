import { formatEmissionsG, formatEnergyWh } from "@/lib/units";

export interface ChartPoint {
  id: string;
  label: string;
  energyWh: bigint;
  emissionsG: bigint;
}

/**
 * Energy and emissions per attestation over time, as a server-rendered SVG (no chart library,
 * no JavaScript): two bars per attestation, each scaled to its own maximum.
 */
export function AttestationChart({ points }: { points: ChartPoint[] }) {
  if (points.length === 0) return null;
  const width = 640;
  const height = 180;
  const band = width / points.length;
  const bar = Math.min(28, band / 3);
  // biome-ignore lint/complexity/useMathMinMax: bigint values; Math.max takes numbers only
  const maxEnergy = points.reduce((m, p) => (p.energyWh > m ? p.energyWh : m), 1n);
  // biome-ignore lint/complexity/useMathMinMax: bigint values; Math.max takes numbers only
  const maxEmissions = points.reduce((m, p) => (p.emissionsG > m ? p.emissionsG : m), 1n);
  const scale = (v: bigint, max: bigint) => Number((v * 1000n) / max) / 1000;
  return (
    <figure className="space-y-1">
      <svg
        viewBox={`0 0 ${width} ${height + 20}`}
        role="img"
        aria-labelledby="chart-title"
        className="w-full max-w-2xl"
      >
        <title id="chart-title">Energy and emissions per attestation, oldest first</title>
        {points.map((p, i) => {
          const x = i * band + band / 2;
          const e = scale(p.energyWh, maxEnergy) * height;
          const g = scale(p.emissionsG, maxEmissions) * height;
          return (
            <g key={p.id}>
              <rect x={x - bar - 1} y={height - e} width={bar} height={e} className="fill-sky-600">
                <title>{`${p.label}: ${formatEnergyWh(p.energyWh)}`}</title>
              </rect>
              <rect x={x + 1} y={height - g} width={bar} height={g} className="fill-amber-600">
                <title>{`${p.label}: ${formatEmissionsG(p.emissionsG)}`}</title>
              </rect>
              <text x={x} y={height + 14} textAnchor="middle" className="fill-current text-[10px]">
                {p.label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="text-xs text-neutral-600 dark:text-neutral-400">
        <span className="mr-1 inline-block h-2 w-2 bg-sky-600" /> energy (max {formatEnergyWh(maxEnergy)}){" "}
        <span className="mr-1 ml-3 inline-block h-2 w-2 bg-amber-600" /> location-based emissions (max{" "}
        {formatEmissionsG(maxEmissions)})
      </figcaption>
    </figure>
  );
}

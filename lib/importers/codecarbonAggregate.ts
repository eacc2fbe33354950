/** Sums chosen CodeCarbon runs into attestation fields. */
import { Method } from "../spec";
import { addRational, mulRational, parseDecimal, type Rational, scaleRational } from "../units";
import { impliedIntensity } from "./codecarbonRun";
import type { CodeCarbonRun } from "./codecarbonTypes";

/** Attestation fields derived from chosen runs (see {@link aggregateRuns}). */
export interface CodeCarbonAggregate {
  runIds: string[];
  /** Sum of the runs' energy (exact kWh summed, then rounded down to Wh). */
  energyWh: bigint;
  emissionsG: bigint;
  /** Energy-weighted grid intensity = total emissions / total energy, nearest g/kWh. */
  locationIntensity: bigint;
  periodStart: bigint;
  periodEnd: bigint;
  /** floor(Σ gpu_count × duration / 3600); 0 when unknown. */
  acceleratorHours: bigint;
  acceleratorHoursKnown: boolean;
  method: typeof Method.SOFTWARE;
  /** The file's PUE × 1000 (energy-weighted if runs differ), 1000 when absent. */
  pueMilli: bigint;
  /** Region of the largest share of energy. */
  region: string | null;
  /** CodeCarbon records no renewable supply: always 0, to be set by the submitter. */
  renewableBps: bigint;
  warnings: string[];
}

/**
 * Sums chosen runs into attestation fields. CodeCarbon's energy already includes
 * PUE, so pueMilli only records what was applied; it is never multiplied in again.
 */
export function aggregateRuns(runs: ReadonlyArray<CodeCarbonRun>): CodeCarbonAggregate {
  if (runs.length === 0) throw new RangeError("aggregateRuns needs at least one run");
  let energy: Rational = { num: 0n, den: 1n };
  let emissions: Rational = { num: 0n, den: 1n };
  let gpuSeconds: Rational = { num: 0n, den: 1n };
  let pueWeighted: Rational = { num: 0n, den: 1n };
  let known = true;
  const energyByRegion = new Map<string | null, Rational>();
  const pues = new Set<string>();
  for (const r of runs) {
    const e = parseDecimal(r.energyKWh);
    energy = addRational(energy, e);
    emissions = addRational(emissions, parseDecimal(r.emissionsKg));
    const pue = parseDecimal(r.pue ?? "1");
    pues.add(r.pue ?? "1");
    pueWeighted = addRational(pueWeighted, mulRational(e, pue));
    if (r.hardware.gpuCount === null) known = false;
    else
      gpuSeconds = addRational(
        gpuSeconds,
        mulRational(parseDecimal(String(r.hardware.gpuCount)), parseDecimal(r.duration)),
      );
    energyByRegion.set(r.region, addRational(energyByRegion.get(r.region) ?? { num: 0n, den: 1n }, e));
  }
  const warnings: string[] = [];
  const energyWh = scaleRational(energy, 1000n);
  if (energyWh === 0n) warnings.push("total energy is below 1 Wh; an attestation needs energyWh > 0");
  const intensity = energy.num === 0n ? 0n : (impliedIntensity(emissions, energy) ?? 0n);
  // Σ(kWh × pue) × 1000 / Σ kWh, rounded down
  const pueMilli =
    energy.num === 0n ? 1000n : (pueWeighted.num * energy.den * 1000n) / (pueWeighted.den * energy.num);
  if (pues.size > 1)
    warnings.push(
      `runs use different PUE values (${[...pues].join(", ")}); pueMilli is their energy-weighted mean`,
    );
  let region: string | null = null;
  let best: Rational | null = null;
  for (const [reg, e] of energyByRegion) {
    if (best === null || e.num * best.den > best.num * e.den) {
      best = e;
      region = reg;
    }
  }
  if (energyByRegion.size > 1) {
    warnings.push(
      `runs span several regions (${[...energyByRegion.keys()].map((k) => k ?? "unknown").join(", ")}); region is the one with the most energy`,
    );
  }
  if (!known) warnings.push("GPU count unknown for some runs (1.x layout): acceleratorHours left at 0");
  return {
    runIds: runs.map((r) => r.runId),
    energyWh,
    emissionsG: scaleRational(emissions, 1000n),
    locationIntensity: intensity,
    periodStart: BigInt(Math.min(...runs.map((r) => r.start))),
    periodEnd: BigInt(Math.max(...runs.map((r) => r.end))),
    acceleratorHours: known ? scaleRational(gpuSeconds, 1n) / 3600n : 0n, // floor(floor(x)/3600) = floor(x/3600)
    acceleratorHoursKnown: known,
    method: Method.SOFTWARE,
    pueMilli,
    region,
    renewableBps: 0n,
    warnings,
  };
}

"use client";

import { useState } from "react";
import { ACCELERATORS, estimateEnergy, GRID_REGIONS } from "@/lib/estimator";
import type { EvidenceHardware } from "@/lib/evidence/document";
import { pueToMilli } from "@/lib/units";

export interface EstimateApplied {
  energyWh: bigint;
  acceleratorHours: bigint;
  pue: string;
  intensity: number;
  region: string;
  hardware: EvidenceHardware;
  hours: string;
  gridSource: string;
}

/** ESTIMATE: accelerator TDP x count x hours x PUE, with a cited grid intensity. */
export function Estimator({ onApply }: { onApply: (applied: EstimateApplied) => void }) {
  const [acceleratorId, setAcceleratorId] = useState(ACCELERATORS[0]?.id ?? "");
  const [count, setCount] = useState("8");
  const [hours, setHours] = useState("");
  const [pue, setPue] = useState("1.1");
  const [gridId, setGridId] = useState("world");
  const [error, setError] = useState<string | null>(null);
  const accelerator = ACCELERATORS.find((a) => a.id === acceleratorId);
  const grid = GRID_REGIONS.find((g) => g.id === gridId);
  const select =
    "w-full rounded-md border border-neutral-300 bg-white px-2 py-1.5 dark:border-neutral-700 dark:bg-neutral-900";

  function apply() {
    setError(null);
    if (!accelerator || !grid) return;
    try {
      const pueMilli = Number(pueToMilli(pue.trim()));
      const estimate = estimateEnergy({
        tdpW: accelerator.tdpW,
        count: Number(count),
        hours: Number(hours),
        pueMilli,
      });
      onApply({
        ...estimate,
        pue,
        intensity: grid.intensity,
        region: grid.region,
        hardware: {
          type: accelerator.id.startsWith("tpu") ? "TPU" : "GPU",
          model: accelerator.name,
          count: Number(count),
          tdpW: accelerator.tdpW,
        },
        hours,
        gridSource: `${grid.name}: ${grid.source}`,
      });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <div className="grid gap-3 text-sm sm:grid-cols-2">
      <label className="space-y-1">
        <span className="block font-medium">Accelerator</span>
        <select value={acceleratorId} onChange={(e) => setAcceleratorId(e.target.value)} className={select}>
          {ACCELERATORS.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name} ({a.tdpW} W)
            </option>
          ))}
        </select>
        <span className="block text-xs text-neutral-600 dark:text-neutral-400">{accelerator?.source}</span>
      </label>
      <label className="space-y-1">
        <span className="block font-medium">Devices</span>
        <input
          value={count}
          onChange={(e) => setCount(e.target.value)}
          inputMode="numeric"
          className={select}
        />
      </label>
      <label className="space-y-1">
        <span className="block font-medium">Hours (wall-clock)</span>
        <input
          value={hours}
          onChange={(e) => setHours(e.target.value)}
          inputMode="decimal"
          className={select}
        />
      </label>
      <label className="space-y-1">
        <span className="block font-medium">PUE</span>
        <input value={pue} onChange={(e) => setPue(e.target.value)} inputMode="decimal" className={select} />
      </label>
      <label className="space-y-1 sm:col-span-2">
        <span className="block font-medium">Grid</span>
        <select value={gridId} onChange={(e) => setGridId(e.target.value)} className={select}>
          {GRID_REGIONS.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}: {g.intensity} g/kWh
            </option>
          ))}
        </select>
        <span className="block text-xs text-neutral-600 dark:text-neutral-400">{grid?.source}</span>
      </label>
      {error ? (
        <p role="alert" className="text-red-700 sm:col-span-2 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <div className="sm:col-span-2">
        <button
          type="button"
          onClick={apply}
          className="rounded-md border border-leaf-700 px-3 py-1.5 font-medium text-leaf-800 hover:bg-leaf-50 dark:text-leaf-100 dark:hover:bg-neutral-800"
        >
          Use this estimate
        </button>
      </div>
    </div>
  );
}

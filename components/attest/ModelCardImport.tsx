"use client";

import { useState } from "react";
import { GRID_REGIONS } from "@/lib/estimator";
import { type ModelCardImport as Imported, parseModelCard } from "@/lib/importers/modelCard";
import { formatEmissionsG } from "@/lib/units";

export interface ModelCardApplied {
  imported: Imported;
  fileName: string;
  /** Energy derived from the card's grams and the chosen grid intensity, rounded down. */
  energyWh: bigint;
  intensity: number;
  region: string;
  derivation: string;
}

/** Reads a Hugging Face model card's `co2_eq_emissions` (grams) and derives the energy. */
export function ModelCardImport({ onApply }: { onApply: (applied: ModelCardApplied) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [card, setCard] = useState<{ name: string; imported: Imported } | null>(null);
  const [gridId, setGridId] = useState("world");

  async function read(file: File | undefined) {
    setError(null);
    if (!file) return;
    if (file.size > 1024 * 1024) {
      setError(`${file.name} is larger than 1 MB; a model card's front matter is far smaller.`);
      return;
    }
    try {
      setCard({ name: file.name, imported: parseModelCard(await file.text()) });
    } catch (e) {
      setError(`${file.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  function apply() {
    const grid = GRID_REGIONS.find((g) => g.id === gridId);
    if (!card || !grid) return;
    const grams = card.imported.emissionsG;
    if (grams === null || grams <= 0n) {
      setError("The card gives no usable emissions figure in grams; enter the energy by hand instead.");
      return;
    }
    const energyWh = (grams * 1000n) / BigInt(grid.intensity);
    onApply({
      imported: card.imported,
      fileName: card.name,
      energyWh,
      intensity: grid.intensity,
      region: card.imported.country ?? grid.region,
      derivation: `energy derived: ${grams} g / ${grid.intensity} gCO2e/kWh (${grid.name}; ${grid.source}) = ${energyWh} Wh, rounded down`,
    });
  }

  return (
    <div className="space-y-3 text-sm">
      <label htmlFor="modelcard-file" className="block font-medium">
        Model card (README.md or its YAML front matter)
      </label>
      <input
        id="modelcard-file"
        type="file"
        accept=".md,.yaml,.yml,text/*"
        onChange={(e) => read(e.target.files?.[0])}
      />
      {error ? (
        <p role="alert" data-testid="import-error" className="text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      {card ? (
        <div className="space-y-2">
          <p>
            co2_eq_emissions ({card.imported.form}):{" "}
            {card.imported.emissionsG !== null ? formatEmissionsG(card.imported.emissionsG, 3) : "no number"}
            {card.imported.trainingType ? `, ${card.imported.trainingType}` : ""}
            {card.imported.geographicalLocation ? `, ${card.imported.geographicalLocation}` : ""}
            {card.imported.hardwareUsed ? `, ${card.imported.hardwareUsed}` : ""}.
          </p>
          {card.imported.warnings.length > 0 ? (
            <ul className="list-disc pl-5 text-xs text-amber-800 dark:text-amber-300">
              {card.imported.warnings.map((w) => (
                <li key={w.code + w.message}>{w.message}</li>
              ))}
            </ul>
          ) : null}
          <label htmlFor="modelcard-grid" className="block font-medium">
            Grid intensity to derive the energy from
          </label>
          <select
            id="modelcard-grid"
            value={gridId}
            onChange={(e) => setGridId(e.target.value)}
            className="rounded-md border border-neutral-300 bg-white px-2 py-1 dark:border-neutral-700 dark:bg-neutral-900"
          >
            {GRID_REGIONS.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}: {g.intensity} g/kWh
              </option>
            ))}
          </select>
          <button
            type="button"
            onClick={apply}
            className="ml-2 rounded-md border border-leaf-700 px-3 py-1.5 font-medium text-leaf-800 hover:bg-leaf-50 dark:text-leaf-100 dark:hover:bg-neutral-800"
          >
            Use these figures
          </button>
        </div>
      ) : null}
    </div>
  );
}

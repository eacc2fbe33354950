"use client";

import { useState } from "react";
import { sha256 } from "viem";
import {
  aggregateRuns,
  type CodeCarbonImport as Imported,
  MAX_CODECARBON_FILE_BYTES,
  parseCodeCarbonCsv,
} from "@/lib/importers/codecarbon";
import { formatEnergyWh } from "@/lib/units";
import type { FigureSource } from "@/lib/web/attestForm";

export interface CodeCarbonApplied {
  aggregate: ReturnType<typeof aggregateRuns>;
  source: Extract<FigureSource, { type: "codecarbon" }>;
}

/** Reads a CodeCarbon emissions.csv (every layout 1.x to 3.x), lets the user choose runs. */
export function CodeCarbonImport({ onApply }: { onApply: (applied: CodeCarbonApplied) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [file, setFile] = useState<{ name: string; sha256: `0x${string}`; imported: Imported } | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);

  async function read(selected: File | undefined) {
    setError(null);
    if (!selected) return;
    if (selected.size > MAX_CODECARBON_FILE_BYTES) {
      // Refused before reading: a 20 MB+ file is not a CodeCarbon log we can attest.
      setError(
        `${selected.name} is ${(selected.size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_CODECARBON_FILE_BYTES / 1024 / 1024} MB.`,
      );
      return;
    }
    try {
      const bytes = new Uint8Array(await selected.arrayBuffer());
      const imported = parseCodeCarbonCsv(new TextDecoder().decode(bytes), bytes.byteLength);
      setFile({ name: selected.name, sha256: sha256(bytes), imported });
      setChosen(imported.runs.map((r) => r.runId));
    } catch (e) {
      // The previous import, if any, stays as it was.
      setError(`${selected.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  function apply() {
    if (!file) return;
    const runs = file.imported.runs.filter((r) => chosen.includes(r.runId));
    if (runs.length === 0) {
      setError("Choose at least one run.");
      return;
    }
    onApply({
      aggregate: aggregateRuns(runs),
      source: {
        type: "codecarbon",
        fileName: file.name,
        fileSha256: file.sha256,
        imported: file.imported,
        runIds: chosen,
      },
    });
  }

  const warningsByCode = new Map<string, { count: number; message: string }>();
  for (const w of file?.imported.warnings ?? []) {
    const seen = warningsByCode.get(w.code);
    warningsByCode.set(w.code, { count: (seen?.count ?? 0) + 1, message: seen?.message ?? w.message });
  }

  return (
    <div className="space-y-3">
      <label htmlFor="codecarbon-file" className="block text-sm font-medium">
        CodeCarbon emissions.csv
      </label>
      <input
        id="codecarbon-file"
        type="file"
        accept=".csv,text/csv"
        onChange={(e) => read(e.target.files?.[0])}
        className="block text-sm"
      />
      {error ? (
        <p role="alert" data-testid="import-error" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      {file ? (
        <div className="space-y-2 text-sm">
          <p>
            {file.name}: CodeCarbon {file.imported.layout} layout, {file.imported.rows.length} rows in{" "}
            {file.imported.runs.length} {file.imported.runs.length === 1 ? "run" : "runs"}.
          </p>
          <fieldset className="max-h-56 overflow-auto rounded border border-neutral-200 p-2 dark:border-neutral-800">
            <legend className="px-1 text-xs text-neutral-600 dark:text-neutral-400">Runs to attest</legend>
            {file.imported.runs.map((run) => (
              <label key={run.runId} className="flex items-center gap-2 py-0.5">
                <input
                  type="checkbox"
                  checked={chosen.includes(run.runId)}
                  onChange={(e) =>
                    setChosen((c) =>
                      e.target.checked ? [...c, run.runId] : c.filter((id) => id !== run.runId),
                    )
                  }
                />
                <span className="font-mono text-xs">{run.runId.slice(0, 36)}</span>
                <span className="tabular-nums">{formatEnergyWh(run.energyWh)}</span>
                <span>{run.region ?? run.countryName ?? "region unknown"}</span>
              </label>
            ))}
          </fieldset>
          {warningsByCode.size > 0 ? (
            <ul className="list-disc pl-5 text-xs text-amber-800 dark:text-amber-300">
              {[...warningsByCode].map(([code, w]) => (
                <li key={code}>
                  {w.message}
                  {w.count > 1 ? ` (and ${w.count - 1} more like it)` : ""}
                </li>
              ))}
            </ul>
          ) : null}
          <button
            type="button"
            onClick={apply}
            className="rounded-md border border-leaf-700 px-3 py-1.5 font-medium text-leaf-800 hover:bg-leaf-50 dark:text-leaf-100 dark:hover:bg-neutral-800"
          >
            Use {chosen.length} selected {chosen.length === 1 ? "run" : "runs"}
          </button>
        </div>
      ) : null}
    </div>
  );
}

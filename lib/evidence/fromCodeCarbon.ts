/**
 * Evidence input from a CodeCarbon import: the chosen runs' aggregate as attestation
 * figures, every row of those runs as raw rows, and the tool named with its version.
 */
import { aggregateRuns, type CodeCarbonImport, type CodeCarbonRun } from "../importers/codecarbon";
import { type Kind, Method } from "../spec";
import type { Attachment, EvidenceHardware, EvidenceInput } from "./document";

/** Facts a CodeCarbon file does not hold, supplied by the submitter. */
export interface CodeCarbonEvidenceContext {
  model: EvidenceInput["model"];
  kind: Kind;
  /** Renewable share with its source (PPA, on-site); defaults to 0 bps, "none declared". */
  renewable?: { value: bigint; source: string };
  embodiedG?: bigint;
  /**
   * Tokens processed (PRETRAINING, FINETUNING) or requests served (INFERENCE) with how they were
   * counted (SPEC 4, v1.1): CodeCarbon files carry no such count, so only the submitter can state it.
   */
  workUnits?: { value: bigint; source: string };
  /** TDP per GPU model name, watts, if known. */
  tdpW?: Readonly<Record<string, number>>;
  attachments?: Attachment[];
}

function hardwareOf(
  runs: ReadonlyArray<CodeCarbonRun>,
  tdpW: Readonly<Record<string, number>>,
): EvidenceHardware[] {
  const out = new Map<string, EvidenceHardware>();
  for (const r of runs) {
    const h = r.hardware;
    if (h.gpuModel) {
      // "8 x NVIDIA H20" → model "NVIDIA H20", count 8 (installed); else the tracked count
      const model = h.gpuModel.replace(/^\d+\s*x\s+/i, "");
      const count = h.gpusInstalled ?? h.gpuCount ?? 1;
      const prev = out.get(`GPU:${model}`);
      if (!prev || prev.count < count)
        out.set(`GPU:${model}`, { type: "GPU", model, count, tdpW: tdpW[model] });
    } else if (h.cpuModel) {
      out.set(`CPU:${h.cpuModel}`, { type: "CPU", model: h.cpuModel, count: 1, tdpW: tdpW[h.cpuModel] });
    }
  }
  return [...out.values()];
}

/** Builds {@link EvidenceInput} for the chosen runs of a CodeCarbon import. */
export function evidenceInputFromCodeCarbon(
  imp: CodeCarbonImport,
  runs: ReadonlyArray<CodeCarbonRun>,
  ctx: CodeCarbonEvidenceContext,
): EvidenceInput {
  const agg = aggregateRuns(runs);
  const first = runs[0];
  const versions = [...new Set(runs.map((r) => r.codecarbonVersion).filter((v): v is string => v !== null))];
  const anyPue = runs.some((r) => r.pue !== null);
  return {
    model: ctx.model,
    run: { ids: agg.runIds, project: first?.projectName ?? undefined },
    kind: ctx.kind,
    period: { start: agg.periodStart, end: agg.periodEnd },
    region: agg.region ?? "",
    cloud: first?.cloudProvider
      ? { provider: first.cloudProvider, region: first.cloudRegion ?? "" }
      : undefined,
    hardware: hardwareOf(runs, ctx.tdpW ?? {}),
    method: Method.SOFTWARE,
    tool: "CodeCarbon",
    // 1.x-2.1 files do not record the version; their column layout narrows it down
    toolVersion: versions.length > 0 ? versions.join(", ") : `layout ${imp.layout}`,
    energyWh: {
      value: agg.energyWh,
      source: "CodeCarbon energy_consumed (kWh, PUE included), last row of each run, summed",
    },
    pueMilli: {
      value: agg.pueMilli,
      source: anyPue
        ? "CodeCarbon pue column (energy-weighted)"
        : "CodeCarbon layout without pue: 1.0 assumed",
    },
    locationIntensity: {
      value: agg.locationIntensity,
      source: "CodeCarbon emissions / energy_consumed (energy-weighted, nearest g/kWh)",
    },
    renewableBps: ctx.renewable ?? { value: 0n, source: "none declared" },
    acceleratorHours: agg.acceleratorHours,
    workUnits: ctx.workUnits,
    embodiedG: ctx.embodiedG ?? 0n,
    rows: {
      format: "codecarbon-emissions-csv",
      items: runs.flatMap((r) => r.rows.map((row) => ({ ...row.values }))),
    },
    attachments: ctx.attachments,
  };
}

import "server-only";
import type { TrainingRun } from "../client";
import { serverGreenprint } from "./greenprint";

/** Where a model's training tally stands (SPEC 6, v1.1), for the efficiency bonus panel. */
export interface TallySummary {
  modelId: string;
  /** Sum of the tallied runs' energy (Wh, decimal string). */
  energyWh: string;
  runs: number;
  liveRuns: number;
  complete: boolean;
  /** Final METER/SOFTWARE runs not yet tallied: one click away. */
  ready: number;
  /** Live runs still in their challenge window (or disputed): they must become Final first. */
  notFinal: number;
  /** Live ESTIMATE runs: never counted, so the tally can never complete. */
  estimates: number;
}

/** The tallies of a model and (if any) its parent, read from the chain: the approval reads exactly these. */
export async function getTrainingTallies(modelId: bigint, parentId: bigint): Promise<TallySummary[]> {
  const client = await serverGreenprint();
  const ids = parentId > 0n ? [modelId, parentId] : [modelId];
  return Promise.all(
    ids.map(async (id) => {
      const [t, runs] = await Promise.all([client.trainingTally(id), client.trainingRuns(id)]);
      const n = (k: TrainingRun["tally"]) => runs.filter((r) => r.tally === k).length;
      return {
        modelId: id.toString(),
        energyWh: t.energyWh.toString(),
        runs: Number(t.runs),
        liveRuns: Number(t.liveRuns),
        complete: t.complete,
        ready: n("ready"),
        notFinal: n("notFinal"),
        estimates: n("estimate"),
      };
    }),
  );
}

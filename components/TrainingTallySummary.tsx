import type { TallySummary } from "@/lib/server/trainingTally";
import { formatEnergyWh } from "@/lib/units";

/**
 * The training tallies an efficiency bonus approval reads (SPEC 6, v1.1): per model, how many of its live
 * PRETRAINING runs are tallied and what keeps the others out.
 */
export function TrainingTallySummary({ tallies }: { tallies: TallySummary[] }) {
  return (
    <ul className="space-y-1" data-testid="training-tally">
      {tallies.map((t, i) => (
        <li key={t.modelId} data-testid={`training-tally-${t.modelId}`}>
          <span className="font-medium">{i === 0 ? "This model" : `Parent #${t.modelId}`}:</span> {t.runs} of{" "}
          {t.liveRuns} training runs tallied ({formatEnergyWh(BigInt(t.energyWh))})
          {t.complete ? " — complete." : "."}
          {t.ready > 0 ? ` ${t.ready} Final run(s) ready to tally.` : ""}
          {t.notFinal > 0 ? ` ${t.notFinal} run(s) not Final yet: wait for the challenge window.` : ""}
          {t.estimates > 0 ? ` ${t.estimates} ESTIMATE run(s): estimates never count, so no bonus.` : ""}
        </li>
      ))}
    </ul>
  );
}

import type { GreenprintClient } from "../../lib/client";
import { formatLeaf } from "../../lib/units";
import { type Context, str, uint } from "../context";
import { usageError } from "../output";
import { modelIdArg } from "./args";
import type { Command } from "./types";

export const bonusRequest: Command = {
  name: "bonus request",
  summary: "request the efficiency bonus of a sealed model more efficient than its parent",
  usage: "<modelId>",
  help: [],
  options: {},
  async run(ctx) {
    const modelId = modelIdArg(ctx, "bonus request");
    const gp = await ctx.client({ signer: true });
    await ctx.send(
      `Efficiency bonus requested for model ${modelId}`,
      gp.requestEfficiencyBonus,
      { modelId },
      () => [],
    );
  },
};

const CHUNK_HELP = "--chunk <n>   runs per tallyTraining transaction (default 50)";

function chunkSize(ctx: Context): number | undefined {
  const raw = str(ctx.values, "chunk");
  if (raw === undefined) return undefined;
  const n = Number(uint(raw, "--chunk"));
  if (n < 1) throw usageError("--chunk must be at least 1.");
  return n;
}

/**
 * Sends one tallyTraining transaction per chunk of the model's Final, untallied runs (with --dry-run, previews
 * them), then says where the tally stands. Returns whether it is complete (never after a dry run that had
 * something to tally: nothing was tallied).
 */
async function tallyModel(ctx: Context, gp: GreenprintClient, modelId: bigint, chunk: number | undefined) {
  const runs = await gp.trainingRuns(modelId);
  const ready = runs.filter((r) => r.tally === "ready").map((r) => r.attestation);
  const size = chunk ?? 50;
  for (let i = 0; i < ready.length; i += size) {
    const part = ready.slice(i, i + size);
    await ctx.send(
      `${part.length} run(s) of model ${modelId} tallied`,
      gp.tallyTraining,
      { modelId, runs: part },
      (r) => [`${r.energyWh} Wh added to the training tally`],
    );
  }
  const t = await gp.trainingTally(modelId);
  const waiting = runs.filter((r) => r.tally === "notFinal").length;
  const estimates = runs.filter((r) => r.tally === "estimate").length;
  ctx.out.progress(
    `model ${modelId}: ${t.runs} of ${t.liveRuns} live PRETRAINING runs tallied, ${t.energyWh} Wh` +
      (waiting > 0 ? `; ${waiting} not Final yet` : "") +
      (estimates > 0 ? `; ${estimates} ESTIMATE run(s), never counted: no bonus` : ""),
  );
  return t.complete;
}

export const bonusTally: Command = {
  name: "bonus tally",
  summary: "add a model's Final METER/SOFTWARE PRETRAINING runs to its training tally (anyone)",
  usage: "<modelId> [--chunk <n>]",
  help: [
    CHUNK_HELP,
    "The runs are collected from the registry's events; only Final runs not yet tallied are sent.",
  ],
  options: { chunk: { type: "string" } },
  async run(ctx) {
    const modelId = modelIdArg(ctx, "bonus tally");
    const gp = await ctx.client({ signer: true });
    await tallyModel(ctx, gp, modelId, chunkSize(ctx));
  },
};

export const bonusApprove: Command = {
  name: "bonus approve",
  summary: "tally the runs of a model and its parent, then approve and pay its requested bonus (verifier)",
  usage: "<modelId> [--chunk <n>]",
  help: [
    CHUNK_HELP,
    "First tallies what is Final and untallied of the model and of its parent (as `bonus tally`), then",
    "approves: the approval's gas does not depend on the number of runs.",
  ],
  options: { chunk: { type: "string" } },
  async run(ctx) {
    const modelId = modelIdArg(ctx, "bonus approve");
    const chunk = chunkSize(ctx);
    const gp = await ctx.client({ signer: true });
    const { parentId } = await gp.getModel(modelId);
    if (parentId === 0n) throw usageError(`Model ${modelId} has no parent model to be compared with.`);
    const complete = [await tallyModel(ctx, gp, modelId, chunk), await tallyModel(ctx, gp, parentId, chunk)];
    if (ctx.dryRun && !complete.every(Boolean)) {
      ctx.out.warn("the approval cannot be simulated before these tallies are sent; run without --dry-run");
      return;
    }
    // an incomplete tally is refused on chain too: the simulation then explains it (EfficiencyBonusTallyIncomplete)
    await ctx.send(
      `Efficiency bonus of model ${modelId} paid`,
      gp.approveEfficiencyBonus,
      { modelId },
      (r) => [`bonus ${formatLeaf(r.bonus)}, verifier ${formatLeaf(r.verifierReward)}`],
    );
  },
};

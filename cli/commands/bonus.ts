import { formatLeaf } from "../../lib/units";
import { uint } from "../context";
import { usageError } from "../output";
import type { Command } from "./types";

export const bonusRequest: Command = {
  name: "bonus request",
  summary: "request the efficiency bonus of a sealed model more efficient than its parent",
  usage: "<modelId>",
  help: [],
  options: {},
  async run(ctx) {
    const id = ctx.positionals[0];
    if (!id) throw usageError("bonus request needs a model id.");
    const modelId = uint(id, "modelId");
    const gp = await ctx.client({ signer: true });
    await ctx.send(
      `Efficiency bonus requested for model ${modelId}`,
      gp.requestEfficiencyBonus,
      { modelId },
      () => [],
    );
  },
};

export const bonusApprove: Command = {
  name: "bonus approve",
  summary: "approve and pay a requested efficiency bonus (accredited verifier)",
  usage: "<modelId>",
  help: ["The runs of the model and its parent are collected from the registry's events."],
  options: {},
  async run(ctx) {
    const id = ctx.positionals[0];
    if (!id) throw usageError("bonus approve needs a model id.");
    const modelId = uint(id, "modelId");
    const gp = await ctx.client({ signer: true });
    await ctx.send(
      `Efficiency bonus of model ${modelId} paid`,
      gp.approveEfficiencyBonus,
      { modelId },
      (r) => [`bonus ${formatLeaf(r.bonus)}, verifier ${formatLeaf(r.verifierReward)}`],
    );
  },
};

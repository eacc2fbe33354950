import { formatLeaf } from "../../lib/units";
import { requireStr } from "../context";
import { idArg, textHashFlag } from "./args";
import type { Command } from "./types";

export const withdraw: Command = {
  name: "withdraw",
  summary: "withdraw a Submitted attestation of your model",
  usage: "<attestationId>",
  help: [],
  options: {},
  async run(ctx) {
    const id = idArg(ctx, "withdraw");
    const gp = await ctx.client({ signer: true });
    await ctx.send(`Attestation ${id} withdrawn`, gp.withdraw, { id }, () => []);
  },
};

export const dispute: Command = {
  name: "dispute",
  summary: "dispute a Verified attestation inside its challenge window, posting the bond",
  usage: "<attestationId> --reason-uri URI",
  help: ["--reason-uri URI          where your reason is published (the bond is read from the registry)"],
  options: { "reason-uri": { type: "string" } },
  async run(ctx) {
    const id = idArg(ctx, "dispute");
    const reasonURI = requireStr(ctx.values, "reason-uri", "where the reason for the dispute is published");
    const gp = await ctx.client({ signer: true });
    await ctx.send(`Attestation ${id} disputed`, gp.dispute, { id, reasonURI }, (r) => [
      `bond ${r.bond} wei`,
    ]);
  },
};

export const invalidateUnreviewed: Command = {
  name: "invalidate-unreviewed",
  summary: "invalidate a Verified, not yet Final attestation of a revoked verifier, without a bond (arbiter)",
  usage: "<attestationId> [--ruling TEXT]",
  help: ["--ruling TEXT             the ruling (its SHA-256 is recorded)"],
  options: { ruling: { type: "string" } },
  async run(ctx) {
    const id = idArg(ctx, "invalidate-unreviewed");
    const gp = await ctx.client({ signer: true });
    await ctx.send(
      `Attestation ${id} invalidated`,
      gp.invalidateUnreviewed,
      { id, rulingHash: textHashFlag(ctx, "ruling") },
      (r) => [`verdict of revoked verifier ${r.verifier} invalidated`],
    );
  },
};

export const claim: Command = {
  name: "claim",
  summary: "claim the LEAF reward of a Final attestation (model owner)",
  usage: "<attestationId>",
  help: [],
  options: {},
  async run(ctx) {
    const id = idArg(ctx, "claim");
    const gp = await ctx.client({ signer: true });
    await ctx.send(`Reward of ${id} claimed`, gp.claimReward, { id }, (r) => [
      `reward ${formatLeaf(r.reward)} to the owner, ${formatLeaf(r.verifierReward)} to the verifier`,
    ]);
  },
};

export const withdrawRefund: Command = {
  name: "withdraw-refund",
  summary:
    "withdraw native currency credited to you (an upheld dispute's bond; the treasury's dismissed bonds)",
  usage: "",
  help: [],
  options: {},
  async run(ctx) {
    const gp = await ctx.client({ signer: true });
    await ctx.send("Refund withdrawn", gp.withdrawRefund, undefined, (r) => [`${r.amount} wei`]);
  },
};

export const cancelNonce: Command = {
  name: "cancel-nonce",
  summary: "cancel your current signature nonce (invalidates a signed, unrelayed payload)",
  usage: "",
  help: [],
  options: {},
  async run(ctx) {
    const gp = await ctx.client({ signer: true });
    await ctx.send("Nonce cancelled", gp.cancelNonce, undefined, (r) => [`cancelled nonce ${r.nonce}`]);
  },
};

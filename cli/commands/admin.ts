import { isAddress } from "viem";
import { Method } from "../../lib/spec";
import { type Context, requireStr, str, uint } from "../context";
import { usageError } from "../output";
import type { Command } from "./types";

function address(ctx: Context, what: string): `0x${string}` {
  const a = ctx.positionals[0];
  if (!a || !isAddress(a)) throw usageError(`${what} needs an address, got "${a ?? ""}".`);
  return a;
}

export const adminAccredit: Command = {
  name: "admin accredit",
  summary: "accredit a verifier and set its public profile (admin)",
  usage: "<address> --name NAME [--uri URI]",
  help: ["--name NAME               the verifier's display name", "--uri URI                 its profile"],
  options: { name: { type: "string" }, uri: { type: "string" } },
  async run(ctx) {
    const account = address(ctx, "admin accredit");
    const name = requireStr(ctx.values, "name", "the verifier's display name");
    const gp = await ctx.client({ signer: true });
    await ctx.send(
      `${account} accredited as verifier "${name}"`,
      gp.accreditVerifier,
      { account, name, uri: str(ctx.values, "uri") ?? "" },
      () => [],
    );
  },
};

export const adminPause: Command = {
  name: "admin pause",
  summary: "pause every state-changing entry point (pauser)",
  usage: "",
  help: [],
  options: {},
  async run(ctx) {
    const gp = await ctx.client({ signer: true });
    await ctx.send("Registries paused", gp.pause, undefined, () => []);
  },
};

export const adminUnpause: Command = {
  name: "admin unpause",
  summary: "unpause (pauser)",
  usage: "",
  help: [],
  options: {},
  async run(ctx) {
    const gp = await ctx.client({ signer: true });
    await ctx.send("Registries unpaused", gp.unpause, undefined, () => []);
  },
};

export const adminIssuer: Command = {
  name: "admin issuer",
  summary: "accept an issuing registry's label for certificates, or withdraw it (admin)",
  usage: "<label> [--withdraw]",
  help: [
    '<label>                   the registry\'s name as certificates will carry it (1 to 32 bytes), e.g. "EKOenergy"',
    "--withdraw                refuse new certificates under this label (recorded ones stay)",
  ],
  options: { withdraw: { type: "boolean" } },
  async run(ctx) {
    const registry = ctx.positionals[0]?.trim();
    if (!registry) throw usageError("admin issuer needs the registry's label, e.g. admin issuer EKOenergy");
    const accepted = ctx.values.withdraw !== true;
    const gp = await ctx.client({ signer: true });
    await ctx.send(
      `Issuing registry "${registry}" ${accepted ? "accepted" : "withdrawn"}`,
      gp.setIssuer,
      { registry, accepted },
      () => [],
    );
  },
};

const PARAMETERS = [
  "challenge-window",
  "dispute-bond",
  "baseline-intensity",
  "method-bps.meter",
  "method-bps.software",
  "method-bps.estimate",
  "verifier-bps",
  "efficiency-bps",
  "max-reward",
  "treasury",
] as const;

export const adminSet: Command = {
  name: "admin set",
  summary: "set a governance parameter (admin)",
  usage: `<${PARAMETERS.join("|")}> <value>`,
  help: [
    "challenge-window (seconds), dispute-bond (wei), baseline-intensity (gCO2e/kWh),",
    "method-bps.meter|software|estimate, verifier-bps, efficiency-bps (bps), max-reward (LEAF wei),",
    "treasury (address). Bounds are checked by the contract; a refusal is explained.",
  ],
  options: {},
  async run(ctx) {
    const [name, value] = ctx.positionals;
    if (!name || !(PARAMETERS as readonly string[]).includes(name) || value === undefined) {
      throw usageError(`admin set needs a parameter (${PARAMETERS.join(", ")}) and a value.`);
    }
    const gp = await ctx.client({ signer: true });
    const n = () => uint(value, name);
    const label = `${name} set to ${value}`;
    switch (name as (typeof PARAMETERS)[number]) {
      case "challenge-window":
        return ctx.send(label, gp.setChallengeWindow, { seconds: Number(n()) }, () => []);
      case "dispute-bond":
        return ctx.send(label, gp.setDisputeBond, { wei: n() }, () => []);
      case "baseline-intensity":
        return ctx.send(label, gp.setBaselineIntensity, { value: Number(n()) }, () => []);
      case "method-bps.meter":
        return ctx.send(label, gp.setMethodBps, { method: Method.METER, bps: Number(n()) }, () => []);
      case "method-bps.software":
        return ctx.send(label, gp.setMethodBps, { method: Method.SOFTWARE, bps: Number(n()) }, () => []);
      case "method-bps.estimate":
        return ctx.send(label, gp.setMethodBps, { method: Method.ESTIMATE, bps: Number(n()) }, () => []);
      case "verifier-bps":
        return ctx.send(label, gp.setVerifierBps, { bps: Number(n()) }, () => []);
      case "efficiency-bps":
        return ctx.send(label, gp.setEfficiencyBps, { bps: Number(n()) }, () => []);
      case "max-reward":
        return ctx.send(label, gp.setMaxRewardPerAttestation, { wei: n() }, () => []);
      case "treasury":
        if (!isAddress(value)) throw usageError(`treasury must be an address, got "${value}".`);
        return ctx.send(label, gp.setTreasury, { treasury: value }, () => []);
    }
  },
};

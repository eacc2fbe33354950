import { CertificateKind } from "../../lib/spec";
import { requireStr, str, uint } from "../context";
import { usageError } from "../output";
import { idArg, textHashFlag } from "./args";
import type { Command } from "./types";

export const certificateRecord: Command = {
  name: "certificate record",
  summary: "record a REC or carbon credit for a model you own",
  usage: "--model ID --kind rec|carbon-credit --amount N --registry NAME --serial SERIAL --uri URI",
  help: [
    "--kind rec|carbon-credit  REC (amount in Wh) or CARBON_CREDIT (amount in gCO2e retired)",
    "--amount N                Wh or gCO2e",
    '--registry NAME           issuing registry, e.g. I-REC, Verra, "Gold Standard" (known spellings map to its label)',
    "--serial SERIAL           the serial number or range as printed on the retirement statement; sent in the",
    "                          registry's one form (upper-case, a range as A TO B, I-REC/Verra/Gold Standard",
    "                          formats), printed back: the contract hashes registry and serial, one record each",
    "--uri URI                 where the certificate or retirement statement can be fetched",
  ],
  options: {
    model: { type: "string" },
    kind: { type: "string" },
    amount: { type: "string" },
    registry: { type: "string" },
    serial: { type: "string" },
    uri: { type: "string" },
  },
  async run(ctx) {
    const v = ctx.values;
    const kindText = requireStr(v, "kind", "rec or carbon-credit").toUpperCase().replace(/-/g, "_");
    if (!(kindText in CertificateKind))
      throw usageError(`--kind must be rec or carbon-credit, got "${str(v, "kind")}".`);
    const input = {
      modelId: uint(requireStr(v, "model", "the model id"), "--model"),
      kind: CertificateKind[kindText as keyof typeof CertificateKind],
      amount: uint(requireStr(v, "amount", "Wh (REC) or gCO2e (carbon credit)"), "--amount"),
      registry: requireStr(v, "registry", "the issuing registry's name"),
      serial: requireStr(v, "serial", "the certificate serial"),
      uri: requireStr(v, "uri", "where the certificate can be fetched"),
    };
    const gp = await ctx.client({ signer: true });
    await ctx.send(`Certificate recorded for model ${input.modelId}`, gp.recordCertificate, input, (r) => [
      `certificate id ${r.id}`,
      `serial ${r.serial}`,
      `serial hash ${r.serialHash}`,
    ]);
  },
};

export const certificateConfirm: Command = {
  name: "certificate confirm",
  summary: "confirm a pending certificate (accredited verifier)",
  usage: "<certificateId>",
  help: [],
  options: {},
  async run(ctx) {
    const id = idArg(ctx, "certificate confirm");
    const gp = await ctx.client({ signer: true });
    await ctx.send(`Certificate ${id} confirmed`, gp.confirmCertificate, { id }, () => []);
  },
};

/** reject (verifier) and revoke (arbiter): a certificate id and a reason whose hash is recorded; frees its serial. */
function certificateRuling(verb: "reject" | "revoke", summary: string, reasonHelp: string): Command {
  const name = `certificate ${verb}`;
  return {
    name,
    summary,
    usage: "<certificateId> [--reason TEXT]",
    help: [`--reason TEXT             ${reasonHelp}`],
    options: { reason: { type: "string" } },
    async run(ctx) {
      const id = idArg(ctx, name);
      const gp = await ctx.client({ signer: true });
      const action = verb === "reject" ? gp.rejectCertificate : gp.revokeCertificate;
      const reasonHash = textHashFlag(ctx, "reason");
      await ctx.send(`Certificate ${id} ${verb}d`, action, { id, reasonHash }, () => []);
    },
  };
}

export const certificateReject = certificateRuling(
  "reject",
  "reject a pending certificate (accredited verifier); frees its serial",
  "why (its SHA-256 is recorded)",
);

export const certificateRevoke = certificateRuling(
  "revoke",
  "revoke a confirmed certificate, e.g. proven double-claimed elsewhere (arbiter); frees its serial",
  "the ruling (its SHA-256 is recorded)",
);

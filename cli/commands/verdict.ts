import { readFileSync, writeFileSync } from "node:fs";
import type { Hex } from "viem";
import { parseSigned, serializeSigned } from "../../lib/eip712";
import { formatUtc } from "../../lib/humanize";
import { bytes32, type Context, str } from "../context";
import { fileError, io, usageError } from "../output";
import { textHashFlag } from "./args";
import { timeFlag } from "./attestFlags";
import type { Command } from "./types";

function idArg(ctx: Context, command: string): Hex {
  const id = ctx.positionals[0];
  if (!id) throw usageError(`${command} needs an attestation id: greenprint ${command} <attestationId>.`);
  return bytes32(id, "attestationId");
}

/** reasonHash from --reason-hash, or SHA-256 of --reason text, or zero. */
function reasonHash(ctx: Context): Hex | undefined {
  const h = str(ctx.values, "reason-hash");
  if (h) return bytes32(h, "--reason-hash");
  return textHashFlag(ctx, "reason");
}

const REASON_OPTIONS = { reason: { type: "string" }, "reason-hash": { type: "string" } } as const;
const REASON_HELP = [
  "--reason TEXT             why (its SHA-256 is recorded as reasonHash)",
  "--reason-hash 0x...       or the hash of a published reason document",
];

export const verify: Command = {
  name: "verify",
  summary: "verify a Submitted attestation (accredited verifier)",
  usage: "<attestationId>",
  help: [],
  options: {},
  async run(ctx) {
    const id = idArg(ctx, "verify");
    const gp = await ctx.client({ signer: true });
    await ctx.send(`Attestation ${id} verified`, gp.verify, { id }, (r) => [
      `Final at ${formatUtc(r.finalAt)} unless disputed before then; the owner then claims: greenprint claim ${id}`,
    ]);
  },
};

export const reject: Command = {
  name: "reject",
  summary: "reject a Submitted attestation (accredited verifier)",
  usage: "<attestationId> [--reason TEXT | --reason-hash HASH]",
  help: REASON_HELP,
  options: { ...REASON_OPTIONS },
  async run(ctx) {
    const id = idArg(ctx, "reject");
    const gp = await ctx.client({ signer: true });
    await ctx.send(`Attestation ${id} rejected`, gp.reject, { id, reasonHash: reasonHash(ctx) }, () => []);
  },
};

export const signVerdict: Command = {
  name: "sign-verdict",
  summary: "sign a verdict (EIP-712) that anyone can relay with `greenprint relay`",
  usage: "<attestationId> (--approve | --reject) [--reason TEXT] [--deadline T] [--out FILE]",
  help: [
    "--approve | --reject      the verdict",
    ...REASON_HELP,
    "--deadline T              last valid time, ISO 8601 or unix seconds (default: in one hour)",
    "--nonce N                 signer nonce (default: the current one on chain)",
    "--out FILE                write the signed verdict there (default: stdout)",
  ],
  options: {
    approve: { type: "boolean" },
    reject: { type: "boolean" },
    deadline: { type: "string" },
    nonce: { type: "string" },
    out: { type: "string" },
    ...REASON_OPTIONS,
  },
  async run(ctx) {
    const id = idArg(ctx, "sign-verdict");
    const v = ctx.values;
    if (!!v.approve === !!v.reject)
      throw usageError("sign-verdict needs exactly one of --approve or --reject.");
    const gp = await ctx.client({ signer: true });
    ctx.out.progress("signing the verdict (EIP-712)");
    const deadline = str(v, "deadline");
    const nonce = str(v, "nonce");
    const signed = await gp.signVerdict(
      { attestationId: id, approve: v.approve === true, reasonHash: reasonHash(ctx) },
      {
        deadline: deadline ? timeFlag(deadline, "--deadline") : undefined,
        nonce: nonce !== undefined ? BigInt(nonce) : undefined,
      },
    );
    const text = serializeSigned(signed);
    const out = str(v, "out");
    if (out) {
      writeFileSync(out, `${text}\n`);
      ctx.out.result({ signed: out, signer: signed.signer, nonce: signed.nonce, deadline: signed.deadline }, [
        `✓ Verdict (${signed.approve ? "verify" : "reject"}) signed by ${signed.signer}, nonce ${signed.nonce}`,
        `  valid until ${formatUtc(signed.deadline)}; relay it with: greenprint relay ${out}`,
      ]);
    } else {
      io.out(`${text}\n`);
    }
  },
};

export const relay: Command = {
  name: "relay",
  summary: "relay a signed verdict, owner-signed submission or verifier-signed attestation",
  usage: "<signed.json>",
  help: [
    "Verdict: anyone relays (verdictWithSig). SubmitAttestation: anyone relays (submitWithSig).",
    "VerifiedAttestation: the model owner lands it Verified (submitVerified).",
  ],
  options: {},
  async run(ctx) {
    const file = ctx.positionals[0];
    if (!file) throw usageError("relay needs the signed file: greenprint relay <signed.json>.");
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      throw fileError(`Signed file ${file} cannot be read.`);
    }
    let signed: ReturnType<typeof parseSigned>;
    try {
      signed = parseSigned(text);
    } catch (error) {
      throw fileError(`${file}: ${(error as Error).message}.`);
    }
    const gp = await ctx.client({ signer: true });
    if (signed.verifyingContract.toLowerCase() !== gp.addresses.AttestationRegistry.toLowerCase()) {
      throw usageError(
        `${file} was signed for registry ${signed.verifyingContract} on chain ${signed.chainId}, not this deployment's ${gp.addresses.AttestationRegistry}: the contract would refuse it.`,
      );
    }
    if (signed.type === "Verdict") {
      await ctx.send(
        `Verdict of ${signed.signer} relayed: attestation ${signed.attestationId} ${signed.approve ? "verified" : "rejected"}`,
        gp.relayVerdict,
        signed,
        () => [],
      );
    } else if (signed.type === "SubmitAttestation") {
      await ctx.send(
        `Submission signed by ${signed.signer} relayed`,
        gp.submitAttestationWithSig,
        signed,
        (r) => [`attestation id ${r.id}`],
      );
    } else {
      await ctx.send(`Attestation verified by ${signed.signer} submitted`, gp.submitVerified, signed, (r) => [
        `attestation id ${r.id}`,
      ]);
    }
  },
};

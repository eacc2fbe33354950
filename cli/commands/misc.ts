import { existsSync, writeFileSync } from "node:fs";
import { type Hex, isAddress, sha256, stringToBytes } from "viem";
import { privateKeyToAddress } from "viem/accounts";
import { attestationReward } from "../../lib/formulas";
import { CertificateKind, STATUS_NAMES, Status } from "../../lib/spec";
import { formatEmissionsG, formatEnergyWh, formatLeaf } from "../../lib/units";
import { bytes32, type Context, loadPrivateKey, requireStr, str, uint } from "../context";
import { encryptKeystore } from "../keystore";
import { CliError, EXIT, keyError, table, usageError } from "../output";
import { readableAttestation } from "./attest";
import type { Command } from "./types";

function idArg(ctx: Context, command: string): Hex {
  const id = ctx.positionals[0];
  if (!id) throw usageError(`${command} needs an id: greenprint ${command} <id>.`);
  return bytes32(id, "id");
}

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
      `reward ${formatLeaf(r.reward, 6)} to the owner, ${formatLeaf(r.verifierReward, 6)} to the verifier`,
    ]);
  },
};

export const certificateRecord: Command = {
  name: "certificate record",
  summary: "record a REC or carbon credit for a model you own",
  usage: "--model ID --kind rec|carbon-credit --amount N --registry NAME --serial SERIAL --uri URI",
  help: [
    "--kind rec|carbon-credit  REC (amount in Wh) or CARBON_CREDIT (amount in gCO2e retired)",
    "--amount N                Wh or gCO2e",
    '--registry NAME           issuing registry, e.g. I-REC, Verra, "Gold Standard"',
    "--serial SERIAL           the certificate's serial (recorded as keccak256(registry, serial))",
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
    ]);
  },
};

export const certificateConfirm: Command = {
  name: "certificate confirm",
  summary: "confirm a recorded certificate (accredited verifier)",
  usage: "<certificateId>",
  help: [],
  options: {},
  async run(ctx) {
    const id = idArg(ctx, "certificate confirm");
    const gp = await ctx.client({ signer: true });
    await ctx.send(`Certificate ${id} confirmed`, gp.confirmCertificate, { id }, () => []);
  },
};

export const status: Command = {
  name: "status",
  summary: "show an attestation's status, fields and reward",
  usage: "<attestationId>",
  help: [],
  options: {},
  async run(ctx) {
    const id = idArg(ctx, "status");
    const gp = await ctx.client();
    ctx.out.progress("reading the attestation");
    const [state, submitted, params, now] = await Promise.all([
      gp.getAttestation(id),
      gp.getSubmittedAttestation(id),
      gp.getParams(),
      gp.chainNow(),
    ]);
    if (state.status === Status.NONE || !submitted) {
      throw new CliError(`No attestation ${id} on chain ${gp.chainId}.`, EXIT.USAGE);
    }
    const a = submitted.attestation;
    const reward = attestationReward(
      {
        energyWh: a.energyWh,
        locationIntensity: BigInt(a.locationIntensity),
        renewableBps: BigInt(a.renewableBps),
        method: a.method,
      },
      {
        baselineIntensity: BigInt(params.baselineIntensity),
        methodBps: {
          0: BigInt(params.methodBps[0]),
          1: BigInt(params.methodBps[1]),
          2: BigInt(params.methodBps[2]),
        },
        verifierBps: BigInt(params.verifierBps),
        efficiencyBps: BigInt(params.efficiencyBps),
        maxRewardPerAttestation: params.maxRewardPerAttestation,
        challengeWindowSeconds: BigInt(params.challengeWindow),
      },
    );
    const data = {
      id,
      status: STATUS_NAMES[state.status],
      modelId: state.modelId,
      submitter: submitted.submitter,
      verifier: state.verifier,
      finalAt: state.finalAt,
      claimed: state.claimed,
      paid: state.paid,
      isCorrection: state.isCorrection,
      attestation: readableAttestation(a),
      locationEmissionsG: submitted.locationEmissionsG,
      marketEmissionsG: submitted.marketEmissionsG,
      totalG: submitted.totalG,
      reward,
      submittedInBlock: submitted.blockNumber,
      transactionHash: submitted.transactionHash,
    };
    const zero = /^0x0+$/;
    const lines = [
      `attestation ${id}`,
      `  status      ${STATUS_NAMES[state.status]}${state.status === Status.VERIFIED && state.finalAt > now ? ` (final in ${state.finalAt - now} s)` : ""}`,
      `  model       ${state.modelId} (${data.attestation.kind}, ${data.attestation.method}, region ${data.attestation.region})`,
      `  period      ${new Date(Number(a.periodStart) * 1000).toISOString()} – ${new Date(Number(a.periodEnd) * 1000).toISOString()}`,
      `  energy      ${formatEnergyWh(a.energyWh)} at ${a.locationIntensity} gCO2e/kWh, PUE ${(a.pueMilli / 1000).toFixed(3)}, renewable ${(a.renewableBps / 100).toFixed(2)}%`,
      `  emissions   ${formatEmissionsG(submitted.locationEmissionsG)} location-based, ${formatEmissionsG(submitted.marketEmissionsG)} market-based, total ${formatEmissionsG(submitted.totalG)}`,
      `  submitter   ${submitted.submitter}`,
      ...(zero.test(state.verifier) ? [] : [`  verifier    ${state.verifier}`]),
      `  evidence    ${a.evidenceURI} (sha256 ${a.evidenceHash})`,
      state.claimed
        ? `  reward      ${formatLeaf(state.paid, 6)} paid`
        : `  reward      ${formatLeaf(reward, 6)} when Final (current parameters)`,
    ];
    ctx.out.result(data, lines);
  },
};

interface LeaderboardRow {
  [key: string]: unknown;
}

const LEADERBOARD_FILTERS = [
  "include",
  "basis",
  "kind",
  "task",
  "size",
  "region",
  "trust",
  "verifier",
  "q",
] as const;

export const leaderboard: Command = {
  name: "leaderboard",
  summary: "the public leaderboard, from the indexer API",
  usage: "[--api URL] [--sort COLUMN] [--order asc|desc] [--page N] [--page-size N] [filters]",
  help: [
    "--api URL                 indexer API base (default $GREENPRINT_API_URL or http://localhost:3000/api/v1)",
    "--sort COLUMN --order asc|desc --page N --page-size N   passed to GET /leaderboard",
    "--include final|verified  --basis location|market  --kind K  --task T  --size S  --region R",
    "--trust METHOD  --verifier ADDRESS  --q TEXT          filters, passed as query parameters",
  ],
  options: {
    api: { type: "string" },
    sort: { type: "string" },
    order: { type: "string" },
    page: { type: "string" },
    "page-size": { type: "string" },
    ...Object.fromEntries(LEADERBOARD_FILTERS.map((f) => [f, { type: "string" as const }])),
  },
  async run(ctx) {
    const v = ctx.values;
    const base = (str(v, "api") ?? process.env.GREENPRINT_API_URL ?? "http://localhost:3000/api/v1").replace(
      /\/+$/,
      "",
    );
    let url: URL;
    try {
      url = new URL(`${base}/leaderboard`);
    } catch {
      throw usageError(`--api must be a URL, got "${base}".`);
    }
    const params: [string, string][] = [
      ["sort", "sort"],
      ["order", "order"],
      ["page", "page"],
      ["page-size", "pageSize"],
      ...LEADERBOARD_FILTERS.map((f): [string, string] => [f, f]),
    ];
    for (const [flag, param] of params) {
      const x = str(v, flag);
      if (x !== undefined) url.searchParams.set(param, x);
    }
    ctx.out.progress(`GET ${url}`);
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    } catch {
      throw new CliError(
        `The leaderboard API at ${base} is unreachable. Start the app and indexer (npm run dev) or pass --api URL.`,
        EXIT.NETWORK,
      );
    }
    type Body = { rows?: LeaderboardRow[]; total?: number; error?: unknown };
    const body = (await response.json().catch(() => null)) as Body | LeaderboardRow[] | null;
    if (!response.ok || body === null) {
      const e = body && !Array.isArray(body) ? body.error : undefined;
      const detail =
        typeof e === "string"
          ? e
          : e && typeof e === "object"
            ? String((e as { message?: unknown }).message ?? JSON.stringify(e))
            : "";
      throw new CliError(
        `The leaderboard API answered HTTP ${response.status}${detail ? `: ${detail}` : ""}.`,
        response.status === 400 ? EXIT.USAGE : EXIT.NETWORK,
      );
    }
    const rows = Array.isArray(body) ? body : (body.rows ?? []);
    if (ctx.out.json) {
      ctx.out.result(body, "");
      return;
    }
    if (rows.length === 0) {
      ctx.out.result(body, "The leaderboard is empty (no Final attestations yet).");
      return;
    }
    const field = (r: LeaderboardRow, key: string): string => {
      const x = r[key];
      if (x === undefined || x === null) return "";
      if (typeof x === "object") return String((x as { level?: unknown }).level ?? "");
      return String(x);
    };
    const num = (s: string, f: (n: bigint) => string) => (/^\d+$/.test(s) ? f(BigInt(s)) : s);
    const headers = ["#", "model", "energy", "total", "intensity", "grade", "renewable", "LEAF", "trust"];
    const out = rows.map((r, i) => [
      field(r, "rank") || String(i + 1),
      (field(r, "name") || `model ${field(r, "id") || field(r, "modelId")}`).slice(0, 40),
      num(field(r, "energyWh"), (n) => formatEnergyWh(n)),
      num(field(r, "totalG"), (n) => formatEmissionsG(n)),
      field(r, "intensity"),
      field(r, "grade"),
      num(field(r, "renewableBps"), (n) => `${(Number(n) / 100).toFixed(1)}%`),
      num(field(r, "leafEarnedWei"), (n) => formatLeaf(n, 2).replace(" LEAF", "")),
      field(r, "trust"),
    ]);
    const total = Array.isArray(body) ? undefined : body.total;
    ctx.out.result(body, [
      table(headers, out),
      ...(total !== undefined ? [`${rows.length} of ${total} models`] : []),
    ]);
  },
};

export const keystoreCreate: Command = {
  name: "keystore create",
  summary: "encrypt GREENPRINT_PRIVATE_KEY into a V3 keystore file",
  usage: "--out FILE [--light]",
  help: [
    "Reads the key from GREENPRINT_PRIVATE_KEY and the password from GREENPRINT_KEYSTORE_PASSWORD",
    "or a prompt. --light uses scrypt n=4096 (fast, weaker) instead of n=262144.",
  ],
  options: { out: { type: "string" }, light: { type: "boolean" } },
  async run(ctx) {
    const out = requireStr(ctx.values, "out", "the keystore file to write");
    if (existsSync(out)) throw usageError(`${out} exists; refusing to overwrite a keystore.`);
    const raw = process.env.GREENPRINT_PRIVATE_KEY?.trim();
    if (!raw) throw keyError("Set GREENPRINT_PRIVATE_KEY to the key to encrypt.");
    const key = await loadPrivateKey({ keystore: undefined, "private-key-only": true });
    if (!key) throw keyError("Set GREENPRINT_PRIVATE_KEY to the key to encrypt.");
    const password = process.env.GREENPRINT_KEYSTORE_PASSWORD;
    if (!password) throw keyError("Set GREENPRINT_KEYSTORE_PASSWORD to the password to encrypt with.");
    writeFileSync(out, encryptKeystore(key, password, { light: ctx.values.light === true }), { mode: 0o600 });
    const address = privateKeyToAddress(key);
    ctx.out.result({ keystore: out, address }, `✓ Keystore for ${address} written to ${out}`);
  },
};

export const certificateReject: Command = {
  name: "certificate reject",
  summary: "reject a recorded certificate (accredited verifier)",
  usage: "<certificateId> [--reason TEXT]",
  help: ["--reason TEXT             why (its SHA-256 is recorded)"],
  options: { reason: { type: "string" } },
  async run(ctx) {
    const id = idArg(ctx, "certificate reject");
    const reason = str(ctx.values, "reason");
    const gp = await ctx.client({ signer: true });
    await ctx.send(
      `Certificate ${id} rejected`,
      gp.rejectCertificate,
      { id, reasonHash: reason ? sha256(stringToBytes(reason)) : undefined },
      () => [],
    );
  },
};

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

export const balance: Command = {
  name: "balance",
  summary: "LEAF balance, signature nonce and verifier record of an address",
  usage: "[address]",
  help: ["Without an address: the account of GREENPRINT_PRIVATE_KEY or --keystore."],
  options: {},
  async run(ctx) {
    let address = ctx.positionals[0];
    if (address === undefined) {
      const key = await loadPrivateKey(ctx.values);
      if (!key) throw usageError("balance needs an address, or a key to read it from.");
      address = privateKeyToAddress(key);
    }
    if (!isAddress(address)) throw usageError(`"${address}" is not an address.`);
    const gp = await ctx.client();
    const [leaf, nonce, record, refund] = await Promise.all([
      gp.leafBalance(address),
      gp.nonces(address),
      gp.verifierRecord(address),
      gp.refundOf(address),
    ]);
    ctx.out.result({ address, leaf, nonce, verifier: record, refund }, [
      `${address}`,
      `  LEAF        ${formatLeaf(leaf, 6)}`,
      `  nonce       ${nonce}`,
      `  verifier    ${record.active ? `yes (index ${record.index}, ${record.invalidatedVerdicts} verdicts invalidated)` : record.index > 0 ? "no longer accredited" : "no"}`,
      ...(refund > 0n ? [`  refundable  ${refund} wei (greenprint withdraw-refund)`] : []),
    ]);
  },
};

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
      (r) => [`bonus ${formatLeaf(r.bonus, 6)}, verifier ${formatLeaf(r.verifierReward, 6)}`],
    );
  },
};

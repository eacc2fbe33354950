import { isAddress } from "viem";
import { privateKeyToAddress } from "viem/accounts";
import {
  formatDuration,
  formatGPerKWh,
  formatKgCO2e,
  formatKWh,
  formatUtc,
  formatUtcRange,
} from "../../lib/humanize";
import { STATUS_NAMES, Status } from "../../lib/spec";
import { formatBps, formatLeaf, formatPue } from "../../lib/units";
import { loadPrivateKey } from "../context";
import { CliError, EXIT, usageError } from "../output";
import { idArg } from "./args";
import { attestationFigures, readableAttestation } from "./summary";
import type { Command } from "./types";

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
    const figures = attestationFigures(a, params);
    const reward = figures.rewardWei;
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
      explorerUrl: `${ctx.settings.appUrl.value}/attestations/${id}`,
    };
    const zero = /^0x0+$/;
    const lines = [
      `attestation ${id}`,
      `  status      ${STATUS_NAMES[state.status]}${state.status === Status.VERIFIED && state.finalAt > now ? ` (Final at ${formatUtc(state.finalAt)} unless disputed, in ${formatDuration(state.finalAt - now)})` : ""}`,
      `  model       ${state.modelId} (${data.attestation.kind}, ${data.attestation.method}, region ${data.attestation.region})`,
      `  period      ${formatUtcRange(a.periodStart, a.periodEnd)}`,
      `  energy      ${formatKWh(a.energyWh)} at ${formatGPerKWh(BigInt(a.locationIntensity))}, PUE ${formatPue(BigInt(a.pueMilli))}, renewable ${formatBps(BigInt(a.renewableBps))}`,
      `  emissions   ${formatKgCO2e(submitted.totalG)} total (${formatKgCO2e(submitted.locationEmissionsG)} location-based, ${formatKgCO2e(submitted.marketEmissionsG)} market-based)`,
      `  submitter   ${submitted.submitter}`,
      ...(zero.test(state.verifier) ? [] : [`  verifier    ${state.verifier}`]),
      `  evidence    ${a.evidenceURI} (sha256 ${a.evidenceHash})`,
      state.claimed
        ? `  reward      ${formatLeaf(state.paid)} paid`
        : `  reward      ${formatLeaf(reward)} when Final (+ ${formatLeaf(figures.verifierRewardWei)} to the verifier; current parameters)`,
      `  model page  ${ctx.settings.appUrl.value}/models/${state.modelId}`,
      `  explorer    ${data.explorerUrl}`,
    ];
    ctx.out.result(data, lines);
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
      `  LEAF        ${formatLeaf(leaf)}`,
      `  nonce       ${nonce}`,
      `  verifier    ${record.active ? `accredited${record.invalidatedVerdicts > 0 ? `, ${record.invalidatedVerdicts} verdicts invalidated by upheld disputes` : ""}` : record.index > 0 ? "no longer accredited" : "no"}`,
      ...(refund > 0n ? [`  refundable  ${refund} wei (greenprint withdraw-refund)`] : []),
    ]);
  },
};

// `greenprint`: record and verify AI training energy on the Greenprint registry from the command line.
import { parseArgs } from "node:util";
import { GreenprintConfigError, GreenprintTxRevertedError, GreenprintValidationError } from "../lib/client";
import { errorCategory, explainError } from "../lib/errors";
import { adminAccredit, adminIssuer, adminPause, adminSet, adminUnpause } from "./commands/admin";
import { attest } from "./commands/attest";
import { FIELD_FLAGS } from "./commands/attestFlags";
import { bonusApprove, bonusRequest, bonusTally } from "./commands/bonus";
import {
  certificateConfirm,
  certificateRecord,
  certificateReject,
  certificateRevoke,
} from "./commands/certificate";
import { config } from "./commands/config";
import { keystoreCreate } from "./commands/keystore";
import { leaderboard } from "./commands/leaderboard";
import {
  cancelNonce,
  claim,
  dispute,
  invalidateUnreviewed,
  withdraw,
  withdrawRefund,
} from "./commands/lifecycle";
import { modelRegister, modelSeal, modelShow } from "./commands/model";
import { modelCard } from "./commands/modelCard";
import { balance, status } from "./commands/status";
import type { Command } from "./commands/types";
import { reject, relay, signVerdict, verify } from "./commands/verdict";
import { createContext, GLOBAL_OPTIONS, type Values } from "./context";
import { CliError, createOutput, EXIT, io } from "./output";

export const COMMANDS: Command[] = [
  modelRegister,
  modelSeal,
  modelShow,
  modelCard,
  attest,
  verify,
  reject,
  signVerdict,
  relay,
  withdraw,
  dispute,
  invalidateUnreviewed,
  withdrawRefund,
  cancelNonce,
  claim,
  certificateRecord,
  certificateConfirm,
  certificateReject,
  certificateRevoke,
  bonusRequest,
  bonusTally,
  bonusApprove,
  status,
  balance,
  leaderboard,
  keystoreCreate,
  config,
  adminAccredit,
  adminPause,
  adminUnpause,
  adminSet,
  adminIssuer,
];

export const GLOBAL_HELP = [
  "Global options (precedence: flag > environment > config file > default; see greenprint config):",
  "  --rpc-url URL      JSON-RPC endpoint (env GREENPRINT_RPC_URL, default http://127.0.0.1:8545)",
  "  --app-url URL      public web app, for model pages and badges (env GREENPRINT_APP_URL or",
  "                     PUBLIC_APP_URL, default http://localhost:3000)",
  "  --api URL          public data API (env GREENPRINT_API_URL, default <app-url>/api/v1)",
  "  --config FILE      settings file (env GREENPRINT_CONFIG; default ./greenprint.config.json over",
  "                     ~/.config/greenprint/config.json)",
  "  --chain ID         expected chain id (default: the endpoint's)",
  "  --deployment FILE  deployments JSON (env GREENPRINT_DEPLOYMENT; default: built in for the chain)",
  "  --keystore FILE    V3 keystore to sign with (env GREENPRINT_KEYSTORE; password from",
  "                     GREENPRINT_KEYSTORE_PASSWORD or a prompt); otherwise GREENPRINT_PRIVATE_KEY.",
  "                     Keys are never accepted as flags.",
  "  --dry-run          simulate and estimate gas; print the transaction; send nothing",
  "  --from ADDRESS     account to simulate from in a dry run without a key",
  "  --json             machine-readable output on stdout",
  "  -q, --quiet        no progress lines on stderr",
  "  -h, --help         help",
];

export const EXIT_HELP = [
  "Exit codes:",
  "  0 success   1 usage or validation error (nothing sent)   2 file or input error",
  "  3 RPC, network or API error   4 contract revert (explained)   5 key or keystore error",
];

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "greenprint: on-chain energy attestations for AI models",
    "",
    "Usage: greenprint <command> [arguments] [options]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    ...GLOBAL_HELP,
    "",
    ...EXIT_HELP,
    "",
    "`greenprint <command> --help` shows a command's options. Docs: docs/cli.md and docs/walkthrough.md",
  ].join("\n");
}

function commandHelp(c: Command): string {
  return [
    `greenprint ${c.name}: ${c.summary}`,
    "",
    `Usage: greenprint ${c.name} ${c.usage}`,
    ...(c.help.length > 0 ? ["", "Options:", ...c.help.map((l) => `  ${l}`)] : []),
    "",
    ...GLOBAL_HELP,
    "",
    ...EXIT_HELP,
  ].join("\n");
}

/** Finds the command named by the leading words of argv. */
function findCommand(argv: string[]): { command: Command | undefined; rest: string[] } {
  const two = argv.slice(0, 2).join(" ");
  const byTwo = COMMANDS.find((c) => c.name === two);
  if (byTwo) return { command: byTwo, rest: argv.slice(2) };
  const byOne = COMMANDS.find((c) => c.name === argv[0]);
  return { command: byOne, rest: argv.slice(1) };
}

function exitCodeOf(error: unknown): number {
  if (error instanceof CliError) return error.exitCode;
  if (error instanceof GreenprintValidationError) return EXIT.USAGE;
  if (error instanceof GreenprintConfigError) return EXIT.USAGE;
  if (error instanceof GreenprintTxRevertedError) return EXIT.REVERT;
  const category = errorCategory(error);
  if (category === "revert") return EXIT.REVERT;
  if (category === "network") return EXIT.NETWORK;
  if (
    (error as NodeJS.ErrnoException)?.code === "ENOENT" ||
    (error as NodeJS.ErrnoException)?.code === "EACCES"
  ) {
    return EXIT.FILE;
  }
  return EXIT.NETWORK;
}

function messageOf(error: unknown): string {
  if (error instanceof GreenprintValidationError) {
    const lines = Object.entries(error.errors).map(
      ([field, msg]) => `  ${msg}${FIELD_FLAGS[field] ? ` (${FIELD_FLAGS[field]})` : ""}`,
    );
    return ["Invalid attestation, nothing was sent:", ...lines].join("\n");
  }
  if (error instanceof CliError) return error.message;
  return explainError(error);
}

/** Runs the CLI with `argv` (without `node greenprint`); resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
    io.out(`${mainHelp()}\n`);
    return argv.length === 0 ? EXIT.USAGE : EXIT.OK;
  }
  if (argv[0] === "--version") {
    io.out("greenprint 0.1.0\n");
    return EXIT.OK;
  }
  const { command, rest } = findCommand(argv);
  if (!command) {
    const group = COMMANDS.filter((c) => c.name.startsWith(`${argv[0]} `)).map((c) => c.name);
    io.err(
      group.length > 0
        ? `greenprint ${argv[0]} needs a subcommand: ${group.join(", ")}.\n`
        : `Unknown command "${argv[0]}". Run greenprint --help for the list.\n`,
    );
    return EXIT.USAGE;
  }
  let values: Values;
  let positionals: string[];
  try {
    const parsed = parseArgs({
      args: rest,
      options: { ...GLOBAL_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    });
    values = parsed.values as Values;
    positionals = parsed.positionals;
  } catch (error) {
    const m = (error as Error).message.replace(/\. To specify a positional argument.*$/s, "");
    io.err(`${m.replace(/\.$/, "")}. Run greenprint ${command.name} --help.\n`);
    return EXIT.USAGE;
  }
  if (values.help) {
    io.out(`${commandHelp(command)}\n`);
    return EXIT.OK;
  }
  for (const secret of ["private-key", "privateKey", "password"]) {
    if (rest.some((a) => a === `--${secret}` || a.startsWith(`--${secret}=`))) {
      io.err("Keys and passwords are never taken from flags: use GREENPRINT_PRIVATE_KEY or --keystore.\n");
      return EXIT.KEY;
    }
  }
  const out = createOutput({ json: values.json === true, quiet: values.quiet === true });
  try {
    await command.run(createContext(values, positionals, out));
    return EXIT.OK;
  } catch (error) {
    const code = exitCodeOf(error);
    const message = messageOf(error);
    if (values.json) {
      io.out(`${JSON.stringify({ error: message, exitCode: code })}\n`);
    }
    io.err(`error: ${message}\n`);
    if (process.env.GREENPRINT_DEBUG) io.err(`${(error as Error)?.stack ?? String(error)}\n`);
    return code;
  }
}

// What every command needs: options, the chain, the deployment, the key, the SDK client.
import { existsSync, readFileSync } from "node:fs";
import { isCancel, password as passwordPrompt } from "@clack/prompts";
import {
  type Address,
  type Chain,
  createPublicClient,
  createWalletClient,
  defineChain,
  type Hex,
  http,
  isAddress,
  type PublicClient,
  type Transport,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import {
  createGreenprintClient,
  type GreenprintClient,
  type TxPreview,
  type WriteResult,
} from "../lib/client";
import type { Deployment } from "../lib/deployment";
import { resolveSettings, type Settings } from "./config";
import { DEPLOYMENTS_ORIGIN, knownDeployments } from "./deployments";
import { decryptKeystore, KeystoreError } from "./keystore";
import { CliError, EXIT, fileError, keyError, type Output, usageError } from "./output";

/** Options every command accepts. */
export const GLOBAL_OPTIONS = {
  "rpc-url": { type: "string" },
  config: { type: "string" },
  "app-url": { type: "string" },
  api: { type: "string" },
  chain: { type: "string" },
  deployment: { type: "string" },
  keystore: { type: "string" },
  from: { type: "string" },
  json: { type: "boolean" },
  "dry-run": { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
  help: { type: "boolean", short: "h" },
} as const;

export type Values = Record<string, string | boolean | string[] | undefined>;

/** A write of the SDK client: sent, or with --dry-run only previewed. */
export interface SendableAction<T> {
  (input: never, options?: never): Promise<WriteResult<T>>;
  preview(input: never, options?: never): Promise<TxPreview<T>>;
}

export interface Context {
  values: Values;
  positionals: string[];
  out: Output;
  dryRun: boolean;
  rpcUrl: string;
  /** Effective settings (flag > environment > config file > default) and their sources. */
  settings: Settings;
  /** Connects (chain id, deployment) and returns a client; `signer` needs a key unless dry-run with --from. */
  client(options?: { signer?: boolean }): Promise<GreenprintClient>;
  /** Runs a write or, with --dry-run, its preview; prints the outcome. */
  send<T>(
    label: string,
    action: SendableAction<T>,
    input: unknown,
    describe: (result: T) => string[],
    /** More fields for the --json document (e.g. human-readable figures). */
    extraJson?: (result: T) => Record<string, unknown>,
  ): Promise<void>;
}

export function str(values: Values, name: string): string | undefined {
  const v = values[name];
  return typeof v === "string" ? v : undefined;
}

export function requireStr(values: Values, name: string, what: string): string {
  const v = str(values, name);
  if (v === undefined || v.trim() === "") throw usageError(`--${name} is required: ${what}.`);
  return v;
}

/** A whole number from a flag or argument, named in the error. */
export function uint(value: string, name: string): bigint {
  if (!/^\d+$/.test(value.trim())) throw usageError(`${name} must be a whole number, got "${value}".`);
  return BigInt(value.trim());
}

export function bytes32(value: string, name: string): Hex {
  if (!/^0x[0-9a-fA-F]{64}$/.test(value)) {
    throw usageError(`${name} must be 0x followed by 64 hex digits, got "${value}".`);
  }
  return value as Hex;
}

/** Asks for a password on the terminal with hidden input (on stderr: stdout carries results). */
async function prompt(question: string): Promise<string> {
  if (!process.stdin.isTTY) {
    throw keyError(
      "The keystore password is needed: set GREENPRINT_KEYSTORE_PASSWORD (no terminal to prompt on).",
    );
  }
  const answer = await passwordPrompt({ message: question, output: process.stderr, withGuide: false });
  if (isCancel(answer)) throw keyError("No password given: cancelled.");
  return answer;
}

/** The signing key: GREENPRINT_PRIVATE_KEY, or --keystore (or GREENPRINT_KEYSTORE) with its password. Never a flag. */
export async function loadPrivateKey(values: Values): Promise<Hex | null> {
  const keystore = values["private-key-only"] === true ? undefined : resolveSettings(values).keystore.value;
  if (keystore) {
    if (!existsSync(keystore)) throw keyError(`Keystore ${keystore} does not exist.`);
    const password = process.env.GREENPRINT_KEYSTORE_PASSWORD ?? (await prompt(`Password for ${keystore}: `));
    try {
      return decryptKeystore(readFileSync(keystore, "utf8"), password);
    } catch (error) {
      if (error instanceof KeystoreError) throw keyError(`Keystore ${keystore}: ${error.message}.`);
      throw error;
    }
  }
  const env = process.env.GREENPRINT_PRIVATE_KEY?.trim();
  if (env) {
    const key = env.startsWith("0x") ? env : `0x${env}`;
    if (!/^0x[0-9a-fA-F]{64}$/.test(key)) {
      throw keyError("GREENPRINT_PRIVATE_KEY is not a private key (64 hex digits, optionally 0x-prefixed).");
    }
    return key as Hex;
  }
  return null;
}

function readDeployment(file: string, chainId: number, source: string): Deployment {
  if (!existsSync(file)) throw fileError(`Deployment file ${file} (${source}) does not exist.`);
  let d: Deployment;
  try {
    d = JSON.parse(readFileSync(file, "utf8")) as Deployment;
  } catch (error) {
    throw fileError(`Deployment file ${file} is not valid JSON: ${(error as Error).message}.`);
  }
  if (typeof d?.chainId !== "number" || typeof d.contracts !== "object") {
    throw fileError(`Deployment file ${file} has no chainId and contracts.`);
  }
  if (d.chainId !== chainId) {
    throw usageError(`Deployment file ${file} is for chain ${d.chainId}, but the RPC is chain ${chainId}.`);
  }
  return d;
}

/** The deployment for a chain: the configured file, else the one built into the CLI. */
function deploymentFor(settings: Settings, chainId: number): Deployment {
  const { value, source } = settings.deployment;
  if (value !== undefined) return readDeployment(value, chainId, source);
  const known = knownDeployments()[chainId];
  if (!known) {
    const chains = Object.keys(knownDeployments());
    throw usageError(
      `This greenprint knows no deployment on chain ${chainId} (it knows chain ${chains.join(", ") || "none"}: ${DEPLOYMENTS_ORIGIN}). Pass --deployment FILE or set GREENPRINT_DEPLOYMENT.`,
    );
  }
  return known;
}

export function createContext(values: Values, positionals: string[], out: Output): Context {
  const settings = resolveSettings(values);
  const rpcUrl = settings.rpcUrl.value as string;
  const dryRun = values["dry-run"] === true;
  let cached: GreenprintClient | undefined;

  async function client(options: { signer?: boolean } = {}): Promise<GreenprintClient> {
    if (cached) return cached;
    const probe = createPublicClient({ transport: http(rpcUrl, { retryCount: 0, timeout: 10_000 }) });
    let chainId: number;
    try {
      chainId = await probe.getChainId();
    } catch {
      throw new CliError(
        `The RPC endpoint ${rpcUrl} did not answer (set by ${settings.rpcUrl.source}). Check --rpc-url, GREENPRINT_RPC_URL or rpcUrl in a config file (greenprint config shows the settings).`,
        EXIT.NETWORK,
      );
    }
    const wanted = str(values, "chain");
    if (wanted !== undefined && Number(wanted) !== chainId) {
      throw usageError(`--chain ${wanted} does not match the RPC endpoint's chain ${chainId}.`);
    }
    const deployment = deploymentFor(settings, chainId);
    const chain: Chain = defineChain({
      id: chainId,
      name: `chain ${chainId}`,
      nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
      rpcUrls: { default: { http: [rpcUrl] } },
    });
    const transport = http(rpcUrl, { timeout: 30_000 });
    const publicClient = createPublicClient({ chain, transport, pollingInterval: 250 }) as PublicClient<
      Transport,
      Chain
    >;
    let walletClient: ReturnType<typeof createWalletClient> | undefined;
    if (options.signer) {
      const key = await loadPrivateKey(values);
      if (key) {
        walletClient = createWalletClient({ account: privateKeyToAccount(key), chain, transport });
      } else if (!(dryRun && str(values, "from"))) {
        throw keyError(
          "No key: set GREENPRINT_PRIVATE_KEY or pass --keystore FILE (password from GREENPRINT_KEYSTORE_PASSWORD or a prompt). Keys are never taken from flags." +
            (dryRun ? " For a dry run, --from ADDRESS is enough." : ""),
        );
      }
    }
    cached = createGreenprintClient({ publicClient, walletClient, deployment });
    return cached;
  }

  const fromAddress = (): Address | undefined => {
    const from = str(values, "from");
    if (from === undefined) return undefined;
    if (!isAddress(from)) throw usageError(`--from must be an address, got "${from}".`);
    return from;
  };

  async function send<T>(
    label: string,
    action: SendableAction<T>,
    input: unknown,
    describe: (result: T) => string[],
    extraJson?: (result: T) => Record<string, unknown>,
  ): Promise<void> {
    const onProgress = (step: string, detail?: string) => {
      const words: Record<string, string> = {
        validate: "validating",
        simulate: `simulating ${detail ?? ""}`.trim(),
        send: "sending",
        confirm: `waiting for confirmation of ${detail ?? "the transaction"}`,
      };
      out.progress(words[step] ?? step);
    };
    if (dryRun) {
      const from = fromAddress();
      const p = await action.preview(input as never, { onProgress, account: from } as never);
      out.result(
        {
          dryRun: true,
          from: p.from,
          to: p.to,
          contract: p.contract,
          function: p.functionName,
          args: p.args,
          value: p.value,
          gasEstimate: p.gas,
          result: p.result ?? p.simulated,
          ...(p.result !== undefined && extraJson ? extraJson(p.result) : {}),
        },
        [
          `Dry run of ${label}: nothing was sent.`,
          `  from      ${p.from}`,
          `  to        ${p.to} (${p.contract})`,
          `  function  ${p.functionName}`,
          `  args      ${JSON.stringify(p.args, (_k, v) => (typeof v === "bigint" ? v.toString() : v))}`,
          ...(p.value > 0n ? [`  value     ${p.value} wei`] : []),
          `  gas       ${p.gas} (estimate)`,
          ...(p.result !== undefined ? describe(p.result).map((l) => `  ${l}`) : []),
        ],
      );
      return;
    }
    const r = await action(input as never, { onProgress } as never);
    out.result(
      {
        hash: r.hash,
        blockNumber: r.receipt.blockNumber,
        gasUsed: r.gasUsed,
        result: r.result,
        events: r.events.map((e) => ({ contract: e.contract, event: e.eventName, args: e.args })),
        ...(extraJson ? extraJson(r.result) : {}),
      },
      [
        `✓ ${label}`,
        ...describe(r.result).map((l) => `  ${l}`),
        `  tx ${r.hash} (block ${r.receipt.blockNumber}, gas ${r.gasUsed})`,
      ],
    );
  }

  return { values, positionals, out, dryRun, rpcUrl, settings, client, send };
}

/** The engine under every SDK write: resolve addresses, simulate (decoding reverts), send, confirm, decode events. */
import {
  type Abi,
  type Address,
  type Chain,
  type Log,
  type PublicClient,
  parseEventLogs,
  type Transport,
} from "viem";
import type { Deployment } from "../deployment";
import { greenprintErrorsAbi } from "../errors";
import * as generated from "../generated/contracts";
import {
  ABIS,
  type CallArgs,
  type CallResult,
  type ContractName,
  type ReadArgs,
  type ReadName,
  type ReadResult,
  type WriteName,
} from "./contracts";
import {
  type DecodedEvent,
  type GreenprintAddresses,
  type GreenprintClientConfig,
  GreenprintConfigError,
  GreenprintTxRevertedError,
  type TxPreview,
  type WriteAction,
  type WriteArgs,
  type WriteResult,
} from "./types";

export { ABIS };

const CONTRACT_NAMES = Object.keys(ABIS) as ContractName[];

/** A contract's ABI plus every Greenprint error, so reverts bubbling up from a callee decode too. */
export function withAllErrors(abi: Abi): Abi {
  const own = new Set(abi.filter((i) => i.type === "error").map((i) => (i as { name: string }).name));
  return [
    ...abi,
    ...greenprintErrorsAbi.filter((i) => i.type === "error" && !own.has((i as { name: string }).name)),
  ];
}

const ABIS_WITH_ERRORS = Object.fromEntries(
  CONTRACT_NAMES.map((n) => [n, withAllErrors(ABIS[n] as Abi)]),
) as Record<ContractName, Abi>;

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** Addresses from a deployment, the generated per-chain addresses, and explicit overrides, in that order. */
export function resolveAddresses(config: {
  deployment?: Deployment;
  chainId?: number;
  addresses?: Partial<GreenprintAddresses>;
}): GreenprintAddresses {
  const out: Partial<GreenprintAddresses> = {};
  const chainId = config.deployment?.chainId ?? config.chainId;
  for (const name of CONTRACT_NAMES) {
    const fromDeployment = config.deployment?.contracts[name]?.address;
    const table = (generated as Record<string, unknown>)[`${lowerFirst(name)}Address`] as
      | Record<number, Address>
      | undefined;
    const fromGenerated = chainId !== undefined ? table?.[chainId] : undefined;
    const address = config.addresses?.[name] ?? fromDeployment ?? fromGenerated;
    if (address) out[name] = address;
  }
  const missing = CONTRACT_NAMES.filter((n) => !out[n]);
  if (missing.length > 0) {
    const where = config.deployment
      ? `deployment for chain ${config.deployment.chainId}`
      : chainId !== undefined
        ? `generated addresses for chain ${chainId} (run npm run codegen after deploying)`
        : "configuration (give a deployment or a chainId)";
    throw new GreenprintConfigError(`No address for ${missing.join(", ")} in the ${where}.`);
  }
  return out as GreenprintAddresses;
}

/** A call of one contract function (name and arguments checked against its ABI) and how to read its outcome. */
export interface Call<
  T,
  C extends ContractName = ContractName,
  F extends WriteName<C> = WriteName<C>,
  A extends CallArgs<C, F> = CallArgs<C, F>,
> {
  contract: C;
  functionName: F;
  args: A;
  value?: bigint;
  /** Outcome from the confirmed transaction's events (and the simulated return value). */
  fromEvents: (events: DecodedEvent[], simulated: CallResult<C, F>) => T;
  /** Outcome known before sending, shown by previews. */
  fromSimulation?: (simulated: CallResult<C, F>) => T;
}

/** Finds the first event of a name, or throws (a confirmed write always emits its event). */
export function eventArgs(events: DecodedEvent[], eventName: string): Record<string, unknown> {
  const e = events.find((x) => x.eventName === eventName);
  if (!e) throw new Error(`The transaction emitted no ${eventName} event.`);
  return e.args;
}

/**
 * The arguments `keys` of the first `eventName` event, as a write's outcome (the caller's type `T` names
 * what the ABI decodes them to). Listing the keys keeps an event's other arguments out of the outcome.
 */
export function eventFields<T extends object>(
  events: DecodedEvent[],
  eventName: string,
  keys: readonly (keyof T & string)[],
): T {
  const args = eventArgs(events, eventName);
  return Object.fromEntries(keys.map((k) => [k, args[k]])) as T;
}

/** Core used by every module: clients, addresses, calls. */
export interface Core {
  config: GreenprintClientConfig;
  publicClient: PublicClient<Transport, Chain | undefined>;
  addresses: GreenprintAddresses;
  fromBlock: bigint;
  /** Reads a view function; its name, arguments and result are typed from the contract's ABI. */
  read<C extends ContractName, F extends ReadName<C>>(
    contract: C,
    functionName: F,
    args?: ReadArgs<C, F>,
  ): Promise<ReadResult<C, F>>;
  /** Decodes every Greenprint event in logs (by emitting address). */
  decodeLogs(logs: Log[]): DecodedEvent[];
  /** The wallet's account address, or a clear error. */
  account(): Address;
  /** Builds a write action from a call builder. */
  write<I, T, C extends ContractName, F extends WriteName<C>, const A extends CallArgs<C, F>>(
    build: (input: I) => Promise<Call<T, C, F, A>> | Call<T, C, F, A>,
  ): WriteAction<I, T>;
  /** Latest block timestamp (the chain's clock, which tests may move). */
  chainNow(): Promise<bigint>;
}

export function createCore(config: GreenprintClientConfig): Core {
  const { publicClient, walletClient } = config;
  const addresses = resolveAddresses(config);
  const byAddress = new Map<string, ContractName>(CONTRACT_NAMES.map((n) => [addresses[n].toLowerCase(), n]));
  const fromBlock =
    config.fromBlock ?? BigInt(config.deployment?.contracts.AttestationRegistry?.blockNumber ?? 0);

  // The public signature checks names and arguments per contract; here the ABI is the widened `Abi`
  // (own functions plus every Greenprint error), so viem takes any name and decodes to unknown.
  const read = <C extends ContractName, F extends ReadName<C>>(
    contract: C,
    functionName: F,
    args?: ReadArgs<C, F>,
  ) =>
    publicClient.readContract({
      address: addresses[contract] as Address,
      abi: ABIS_WITH_ERRORS[contract as ContractName],
      functionName: functionName as string,
      args: (args ?? []) as readonly unknown[],
    }) as Promise<ReadResult<C, F>>;

  const decodeLogs = (logs: Log[]): DecodedEvent[] => {
    const out: DecodedEvent[] = [];
    for (const log of logs) {
      const contract = byAddress.get(log.address.toLowerCase());
      if (!contract) continue;
      const [decoded] = parseEventLogs({ abi: ABIS[contract] as Abi, logs: [log] });
      if (!decoded) continue;
      const d = decoded as unknown as { eventName: string; args: Record<string, unknown> };
      out.push({ contract, eventName: d.eventName, args: d.args, log });
    }
    return out;
  };

  const account = (): Address => {
    const a = walletClient?.account?.address;
    if (!a) {
      throw new GreenprintConfigError(
        "This action signs or sends a transaction: give the client a wallet client with an account.",
      );
    }
    return a;
  };

  // Builders are checked against each contract's ABI by `write`'s signature; from here on a call
  // goes to viem with the widened ABI (own functions plus every Greenprint error) to decode reverts.
  const target = (call: { contract: ContractName; functionName: string; args: unknown }) => ({
    address: addresses[call.contract],
    abi: ABIS_WITH_ERRORS[call.contract],
    functionName: call.functionName,
    args: call.args as readonly unknown[],
  });

  const simulate = (call: Parameters<typeof target>[0], from: Address, value: bigint | undefined) =>
    publicClient.simulateContract({
      ...target(call),
      account: walletClient?.account && walletClient.account.address === from ? walletClient.account : from,
      value,
    });

  const write = <I, T, C extends ContractName, F extends WriteName<C>, const A extends CallArgs<C, F>>(
    build: (input: I) => Promise<Call<T, C, F, A>> | Call<T, C, F, A>,
  ): WriteAction<I, T> => {
    const send = async (...[input, options = {}]: WriteArgs<I>): Promise<WriteResult<T>> => {
      const progress = options.onProgress ?? (() => {});
      if (!walletClient) account();
      progress("validate");
      const call = await build(input as I);
      const from = account();
      const value = options.value ?? call.value;
      progress("simulate", `${call.contract}.${call.functionName}`);
      const sim = await simulate(call, from, value);
      progress("send");
      const hash = await (walletClient as NonNullable<typeof walletClient>).writeContract(sim.request);
      options.onHash?.(hash);
      progress("confirm", hash);
      const receipt = await publicClient.waitForTransactionReceipt({ hash });
      if (receipt.status !== "success") throw new GreenprintTxRevertedError(hash);
      const events = decodeLogs(receipt.logs as Log[]);
      return {
        hash,
        receipt,
        gasUsed: receipt.gasUsed,
        events,
        result: call.fromEvents(events, sim.result as CallResult<C, F>),
      };
    };
    const preview = async (...[input, options = {}]: WriteArgs<I>): Promise<TxPreview<T>> => {
      const progress = options.onProgress ?? (() => {});
      progress("validate");
      const call = await build(input as I);
      const from = options.account ?? account();
      const value = options.value ?? call.value;
      progress("simulate", `${call.contract}.${call.functionName}`);
      const sim = await simulate(call, from, value);
      const gas = await publicClient.estimateContractGas({ ...target(call), account: from, value });
      return {
        from,
        to: addresses[call.contract],
        contract: call.contract,
        functionName: call.functionName,
        args: call.args as readonly unknown[],
        value: value ?? 0n,
        gas,
        simulated: sim.result,
        result: call.fromSimulation?.(sim.result as CallResult<C, F>),
      };
    };
    return Object.assign(send, { preview });
  };

  const chainNow = async () => (await publicClient.getBlock({ blockTag: "latest" })).timestamp;

  return { config, publicClient, addresses, fromBlock, read, decodeLogs, account, write, chainNow };
}

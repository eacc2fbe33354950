/** Types shared by the Greenprint SDK client modules. */
export type { ContractName } from "./contracts";

import type {
  Account,
  Address,
  Chain,
  Hex,
  Log,
  PublicClient,
  TransactionReceipt,
  Transport,
  WalletClient,
} from "viem";
import type { Deployment } from "../deployment";
import type { FieldErrors } from "../validation";
import type { ContractName } from "./contracts";

/** Address of each contract. */
export type GreenprintAddresses = Record<ContractName, Address>;

/** Options of {@link createGreenprintClient}. */
export interface GreenprintClientConfig {
  /** Reads, simulations, receipts and event queries go through it. */
  publicClient: PublicClient<Transport, Chain | undefined>;
  /** Signs and sends; needed for writes and signatures only. */
  walletClient?: WalletClient<Transport, Chain | undefined, Account | undefined>;
  /** A deployments/<chainId>.json object; wins over `chainId`. */
  deployment?: Deployment;
  /** Chain whose addresses come from the generated lib/generated/contracts.ts. */
  chainId?: number;
  /** Explicit addresses (override the deployment's). */
  addresses?: Partial<GreenprintAddresses>;
  /** First block to scan for events (default: the deployment's AttestationRegistry block, else 0). */
  fromBlock?: bigint;
}

/** Steps reported to {@link WriteOptions.onProgress}. */
export type WriteStep = "validate" | "simulate" | "send" | "confirm";

/** Options of every write. */
export interface WriteOptions {
  /** Called at each step, e.g. to print progress. */
  onProgress?: (step: WriteStep, detail?: string) => void;
  /** Called with the transaction hash as soon as it is sent. */
  onHash?: (hash: Hex) => void;
  /** Native value to send (disputes default to the current bond). */
  value?: bigint;
  /** Previews only: the account to simulate from (default: the wallet's). */
  account?: Address;
}

/** A decoded event of a Greenprint contract. */
export interface DecodedEvent {
  contract: ContractName;
  eventName: string;
  args: Record<string, unknown>;
  log: Log;
}

/** What a sent and confirmed write returns. */
export interface WriteResult<T> {
  hash: Hex;
  receipt: TransactionReceipt;
  gasUsed: bigint;
  /** Every Greenprint event the transaction emitted, decoded. */
  events: DecodedEvent[];
  /** The action's own outcome (new model id, attestation id, reward...). */
  result: T;
}

/** A simulated, unsent transaction (`--dry-run`). */
export interface TxPreview<T> {
  from: Address;
  to: Address;
  contract: ContractName;
  functionName: string;
  args: readonly unknown[];
  value: bigint;
  /** eth_estimateGas of the call. */
  gas: bigint;
  /** The function's return value in the simulation. */
  simulated: unknown;
  /** The outcome the write would have, when it can be known without sending (e.g. an attestation id). */
  result?: T;
}

/** A write action: call it to send, or `.preview()` it to simulate and estimate gas without sending. */
export interface WriteAction<I, T> {
  (...args: WriteArgs<I>): Promise<WriteResult<T>>;
  preview(...args: WriteArgs<I>): Promise<TxPreview<T>>;
}

/** Arguments of a write: the input (optional for actions without one) and options. */
export type WriteArgs<I> = undefined extends I
  ? [input?: I, options?: WriteOptions]
  : [input: I, options?: WriteOptions];

/** Thrown before anything is sent when the input breaks a SPEC rule; one message per field. */
export class GreenprintValidationError extends Error {
  constructor(readonly errors: FieldErrors | Record<string, string>) {
    super(`Invalid input, nothing was sent: ${Object.values(errors).join("; ")}.`);
    this.name = "GreenprintValidationError";
  }
}

/** Thrown when a write needs a wallet (or its account) and the client has none. */
export class GreenprintConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GreenprintConfigError";
  }
}

/** Thrown when a mined transaction reverted (simulation passed but the state changed before it landed). */
export class GreenprintTxRevertedError extends Error {
  constructor(readonly hash: Hex) {
    super(`Transaction ${hash} was mined but reverted (the chain changed between simulation and inclusion).`);
    this.name = "GreenprintTxRevertedError";
  }
}

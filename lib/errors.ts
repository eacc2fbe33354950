/**
 * Plain-English explanations of everything a Greenprint transaction can fail with: every
 * custom error of every contract (with its values), wallet rejections, RPC failures.
 * Browser-safe: the web app, the SDK and the CLI share these sentences.
 */

import {
  type Abi,
  BaseError,
  CallExecutionError,
  ContractFunctionExecutionError,
  ContractFunctionRevertedError,
  ContractFunctionZeroDataError,
  decodeErrorResult,
  type Hex,
  HttpRequestError,
  InsufficientFundsError,
  TimeoutError,
  UserRejectedRequestError,
} from "viem";
import { ERROR_SENTENCES } from "./errorSentences";
import {
  attestationRegistryAbi,
  certificateRegistryAbi,
  efficiencyBonusAbi,
  leafTokenAbi,
  modelRegistryAbi,
} from "./generated/contracts";

/** The sentences are part of this module's public face (the SDK's `errors` entry). */
export { ERROR_SENTENCES };

/** Every custom error of every Greenprint contract, deduplicated by name: decodes a revert from any of them. */
export const greenprintErrorsAbi: Abi = (() => {
  const seen = new Set<string>();
  const out: Abi[number][] = [];
  for (const abi of [
    attestationRegistryAbi,
    modelRegistryAbi,
    certificateRegistryAbi,
    efficiencyBonusAbi,
    leafTokenAbi,
  ] as readonly Abi[]) {
    for (const item of abi) {
      if (item.type !== "error" || seen.has(item.name)) continue;
      seen.add(item.name);
      out.push(item);
    }
  }
  return out;
})();

/** A decoded custom error of a Greenprint contract. */
export interface DecodedRevert {
  /** Error name, e.g. `AttestationRegistryPueOutOfRange`. */
  name: string;
  /** Arguments in ABI order. */
  args: readonly unknown[];
  /** Plain-English sentence. */
  message: string;
}

/** The sentence of a custom error given its name and arguments (`Name(args)` if unknown). */
export function describeRevert(name: string, args: readonly unknown[] = []): string {
  const sentence = ERROR_SENTENCES[name];
  if (sentence) return sentence(args);
  return `The contract refused the transaction: ${name}(${args.map(String).join(", ")}).`;
}

/** Decodes raw revert data (`0x` + selector + args) with every Greenprint error. */
export function decodeRevertData(data: Hex): DecodedRevert | null {
  try {
    const decoded = decodeErrorResult({ abi: greenprintErrorsAbi, data });
    if (decoded.errorName === "Error" || decoded.errorName === "Panic") return null;
    const args = (decoded.args ?? []) as readonly unknown[];
    return { name: decoded.errorName, args, message: describeRevert(decoded.errorName, args) };
  } catch {
    return null;
  }
}

function revertDataOf(error: BaseError): Hex | undefined {
  let data: Hex | undefined;
  error.walk((e) => {
    const d = (e as { data?: unknown; raw?: unknown }).raw ?? (e as { data?: unknown }).data;
    if (typeof d === "string" && /^0x[0-9a-fA-F]{8,}$/.test(d)) {
      data = d as Hex;
      return true;
    }
    if (d && typeof d === "object" && typeof (d as { data?: unknown }).data === "string") {
      const inner = (d as { data: string }).data;
      if (/^0x[0-9a-fA-F]{8,}$/.test(inner)) {
        data = inner as Hex;
        return true;
      }
    }
    return false;
  });
  return data;
}

/**
 * The contract revert inside an error, decoded, or null if the error is not a revert
 * (wallet rejection, network failure, ...).
 */
export function decodeRevert(error: unknown): DecodedRevert | null {
  if (!(error instanceof BaseError)) return null;
  const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError) as
    | ContractFunctionRevertedError
    | undefined;
  if (reverted?.data && reverted.data.errorName !== "Error" && reverted.data.errorName !== "Panic") {
    const args = (reverted.data.args ?? []) as readonly unknown[];
    return {
      name: reverted.data.errorName,
      args,
      message: describeRevert(reverted.data.errorName, args),
    };
  }
  const raw = reverted?.raw ?? revertDataOf(error);
  return raw ? decodeRevertData(raw) : null;
}

/** Kind of failure, for exit codes and UI treatment. */
export type ErrorCategory = "revert" | "rejected" | "network" | "funds" | "other";

/** Classifies an error (see {@link ErrorCategory}). */
export function errorCategory(error: unknown): ErrorCategory {
  if (!(error instanceof BaseError)) return "other";
  if (error.walk((e) => e instanceof UserRejectedRequestError)) return "rejected";
  if (error.walk((e) => e instanceof InsufficientFundsError)) return "funds";
  if (decodeRevert(error)) return "revert";
  if (error.walk((e) => e instanceof ContractFunctionRevertedError)) return "revert";
  if (error.walk((e) => e instanceof HttpRequestError || e instanceof TimeoutError)) return "network";
  if (/fetch failed|ECONNREFUSED|network|timed? ?out|HTTP request failed|socket/i.test(error.message))
    return "network";
  return "other";
}

/**
 * One plain sentence for anything a Greenprint call can throw: a contract's custom error
 * with its values, a `require`/panic reason, a wallet rejection, an RPC or network
 * failure, insufficient funds, a missing contract, or any other error's message.
 */
export function explainError(error: unknown): string {
  if (!(error instanceof BaseError)) {
    if (error instanceof Error) return error.message;
    return String(error);
  }
  if (error.walk((e) => e instanceof UserRejectedRequestError)) {
    return "You rejected the request in your wallet. Nothing was sent.";
  }
  const decoded = decodeRevert(error);
  if (decoded) return decoded.message;
  const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError) as
    | ContractFunctionRevertedError
    | undefined;
  if (reverted) {
    if (reverted.reason) return `The contract refused the transaction: ${reverted.reason}.`;
    if (reverted.signature) {
      return `The contract refused the transaction with an unknown error (selector ${reverted.signature}).`;
    }
    return "The contract refused the transaction without giving a reason.";
  }
  if (error.walk((e) => e instanceof ContractFunctionZeroDataError)) {
    return "No contract answered at that address: check the chain and the deployment file.";
  }
  if (error.walk((e) => e instanceof InsufficientFundsError)) {
    return "The sending account cannot pay for this transaction's gas and value (insufficient funds).";
  }
  const http = error.walk((e) => e instanceof HttpRequestError) as HttpRequestError | undefined;
  if (http) {
    return `The RPC endpoint ${http.url} did not answer${http.status ? ` (HTTP ${http.status})` : ""}. Nothing was sent.`;
  }
  if (error.walk((e) => e instanceof TimeoutError)) {
    return "The RPC endpoint timed out. Nothing was confirmed; check the transaction before retrying.";
  }
  if (/fetch failed|ECONNREFUSED|network|socket/i.test(error.message)) {
    return "The network did not answer (RPC unreachable). Nothing was sent.";
  }
  if (error instanceof ContractFunctionExecutionError || error instanceof CallExecutionError) {
    return error.shortMessage;
  }
  return error.shortMessage || error.message;
}

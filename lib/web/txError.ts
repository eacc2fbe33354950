// Turns whatever a wallet, the RPC or the contracts threw into one plain sentence.
import { BaseError, ContractFunctionRevertedError, UserRejectedRequestError } from "viem";

export function describeTxError(error: unknown): string {
  if (error instanceof BaseError) {
    if (error.walk((e) => e instanceof UserRejectedRequestError)) {
      return "You rejected the request in your wallet. Nothing was sent; your input is unchanged.";
    }
    const revert = error.walk((e) => e instanceof ContractFunctionRevertedError);
    if (revert instanceof ContractFunctionRevertedError) {
      const name = revert.data?.errorName;
      if (name) {
        const args = (revert.data?.args ?? []).map((a) => (typeof a === "bigint" ? a.toString() : String(a)));
        return `The contract refused the transaction: ${name}(${args.join(", ")}).`;
      }
      return `The contract refused the transaction: ${revert.reason ?? revert.shortMessage}.`;
    }
    if (/fetch failed|network|timed? ?out|HTTP request failed/i.test(error.message)) {
      return "The network did not answer (RPC unreachable). Nothing was sent; try again.";
    }
    return error.shortMessage;
  }
  return error instanceof Error ? error.message : String(error);
}

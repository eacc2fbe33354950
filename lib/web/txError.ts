// The app's one sentence for a failed wallet request, transaction or RPC call: the SDK's
// plain-English explanation, plus the promise every form keeps.
import { explainError } from "../errors";

export function describeTxError(error: unknown): string {
  return `${explainError(error)} Your input is unchanged.`;
}

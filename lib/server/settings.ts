import "server-only";
import type { ChainSettings } from "../web/chain";
import { serverRpcUrl } from "./rpcUrl";

export { serverRpcUrl };

/**
 * Where the app's chain is, from the server's environment:
 * - RPC_URL: what the server reads from (default: the local anvil of `npm run dev`)
 * - PUBLIC_RPC_URL: what browsers read from (default: RPC_URL)
 * - CHAIN_ID, CHAIN_NAME, EXPLORER_URL
 */
export function chainSettings(): ChainSettings {
  const rpcUrl = serverRpcUrl();
  return {
    chainId: Number(process.env.CHAIN_ID ?? 31337),
    chainName: process.env.CHAIN_NAME ?? "Local anvil",
    rpcUrl: process.env.PUBLIC_RPC_URL ?? rpcUrl,
    explorerUrl: process.env.EXPLORER_URL || undefined,
  };
}

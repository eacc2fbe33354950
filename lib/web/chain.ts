// The one chain the app talks to, described by plain data so the server can hand it to the
// client (server env decides; no rebuild needed to point the app at another network).
import { defineChain } from "viem";

export interface ChainSettings {
  chainId: number;
  chainName: string;
  /** RPC URL the browser uses for reads (the wallet uses its own for writes). */
  rpcUrl: string;
  /** Block explorer base URL, if the chain has one. */
  explorerUrl?: string;
}

export function toViemChain(settings: ChainSettings) {
  return defineChain({
    id: settings.chainId,
    name: settings.chainName,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [settings.rpcUrl] } },
    blockExplorers: settings.explorerUrl
      ? { default: { name: "Explorer", url: settings.explorerUrl } }
      : undefined,
  });
}

// wagmi configuration, after wagmi's Next.js template: cookie storage + ssr so the server
// render already knows the connected account and nothing jumps on hydration.
import { cookieStorage, createConfig, createStorage, http, injected } from "wagmi";
import { type ChainSettings, toViemChain } from "./chain";

export function getConfig(settings: ChainSettings) {
  const chain = toViemChain(settings);
  return createConfig({
    chains: [chain],
    // EIP-6963 discovery (on by default) lists every injected wallet; `injected` covers
    // wallets that only set window.ethereum.
    connectors: [injected()],
    storage: createStorage({ storage: cookieStorage }),
    ssr: true,
    transports: { [chain.id]: http(settings.rpcUrl) },
  });
}

declare module "wagmi" {
  interface Register {
    config: ReturnType<typeof getConfig>;
  }
}

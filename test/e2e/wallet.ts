// A real EIP-1193 wallet for browser tests: the page gets a provider announced through
// EIP-6963; requests cross to Node, where a viem account signs and anvil executes them.
// Real keys, real signatures, real transactions on a real chain; no mocks.
import type { BrowserContext, Page } from "playwright-core";
import { createWalletClient, type Hex, http, numberToHex } from "viem";
import { type PrivateKeyAccount, privateKeyToAccount } from "viem/accounts";
import { anvil } from "viem/chains";

interface RpcRequest {
  method: string;
  params?: unknown[];
}

export class TestWallet {
  account: PrivateKeyAccount;
  connected = false;
  /** When set, the next request of this method fails as if the user pressed "Reject". */
  rejectNext: string | null = null;
  /** The chain the wallet is on; starts elsewhere to test the app's wrong-network prompt. */
  chainId: number = anvil.id;
  /** When set, the next request of this method fails as if the wallet's RPC endpoint dropped. */
  dropNext: string | null = null;
  readonly requests: string[] = [];

  constructor(
    privateKey: Hex,
    private readonly rpcUrl: string,
  ) {
    this.account = privateKeyToAccount(privateKey);
  }

  /** Installs the provider into every page of the context (before any page script runs). */
  async install(context: BrowserContext) {
    await context.exposeFunction("__greenprintWalletRequest", (request: RpcRequest) => this.handle(request));
    await context.addInitScript({ content: PAGE_SCRIPT });
  }

  /** Switches to another account and tells the page, as a wallet extension would. */
  async switchAccount(page: Page, privateKey: Hex) {
    this.account = privateKeyToAccount(privateKey);
    await page.evaluate((address) => {
      (
        window as unknown as { __greenprintWallet: { emit(e: string, v: unknown): void } }
      ).__greenprintWallet.emit("accountsChanged", [address]);
    }, this.account.address);
  }

  private async handle(
    request: RpcRequest,
  ): Promise<{ result?: unknown; error?: { code: number; message: string } }> {
    this.requests.push(request.method);
    if (this.rejectNext === request.method) {
      this.rejectNext = null;
      return { error: { code: 4001, message: "User rejected the request." } };
    }
    if (this.dropNext === request.method) {
      this.dropNext = null;
      return { error: { code: -32603, message: "Internal JSON-RPC error: fetch failed (connection reset)" } };
    }
    try {
      return { result: await this.answer(request) };
    } catch (error) {
      const e = error as { code?: number; message?: string; details?: string };
      return { error: { code: e.code ?? -32603, message: e.details ?? e.message ?? String(error) } };
    }
  }

  private async answer({ method, params = [] }: RpcRequest): Promise<unknown> {
    const wallet = createWalletClient({ account: this.account, chain: anvil, transport: http(this.rpcUrl) });
    switch (method) {
      case "eth_requestAccounts":
        this.connected = true;
        return [this.account.address];
      case "eth_accounts":
        return this.connected ? [this.account.address] : [];
      case "eth_chainId":
        return numberToHex(this.chainId);
      case "wallet_switchEthereumChain": {
        const [{ chainId }] = params as [{ chainId: string }];
        if (Number(chainId) !== anvil.id)
          throw Object.assign(new Error("Unrecognized chain"), { code: 4902 });
        this.chainId = anvil.id;
        return null;
      }
      case "wallet_requestPermissions":
      case "wallet_revokePermissions":
        if (method === "wallet_revokePermissions") this.connected = false;
        return [{ parentCapability: "eth_accounts" }];
      case "eth_sendTransaction": {
        const [tx] = params as [{ to?: Hex; data?: Hex; value?: Hex; gas?: Hex }];
        return wallet.sendTransaction({
          to: tx.to,
          data: tx.data,
          value: tx.value ? BigInt(tx.value) : undefined,
          gas: tx.gas ? BigInt(tx.gas) : undefined,
        });
      }
      case "personal_sign": {
        const [message] = params as [Hex];
        return this.account.signMessage({ message: { raw: message } });
      }
      case "eth_signTypedData_v4": {
        const [, json] = params as [Hex, string];
        const typed = JSON.parse(json);
        const { EIP712Domain: _domain, ...types } = typed.types;
        return this.account.signTypedData({
          domain: typed.domain,
          types,
          primaryType: typed.primaryType,
          message: typed.message,
        });
      }
      default:
        return forward(this.rpcUrl, method, params);
    }
  }
}

async function forward(rpcUrl: string, method: string, params: unknown[]) {
  const response = await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: unknown; error?: { code: number; message: string } };
  if (body.error) throw Object.assign(new Error(body.error.message), { code: body.error.code });
  return body.result;
}

// Runs in the page: an EIP-1193 provider announced per EIP-6963.
const PAGE_SCRIPT = `(() => {
  const listeners = {};
  const provider = {
    isGreenprintTestWallet: true,
    async request({ method, params }) {
      const answer = await window.__greenprintWalletRequest({ method, params });
      if (answer.error) {
        const error = new Error(answer.error.message);
        error.code = answer.error.code;
        throw error;
      }
      // A wallet announces a network switch to the page, as extensions do.
      if (method === "wallet_switchEthereumChain") provider.emit("chainChanged", params[0].chainId);
      return answer.result;
    },
    on(event, listener) { (listeners[event] ||= []).push(listener); return provider; },
    removeListener(event, listener) {
      listeners[event] = (listeners[event] || []).filter((l) => l !== listener);
      return provider;
    },
    emit(event, value) { for (const l of listeners[event] || []) l(value); },
  };
  window.__greenprintWallet = provider;
  const icon = "data:image/svg+xml," + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="16" fill="#15803d"/></svg>');
  const detail = Object.freeze({
    info: Object.freeze({ uuid: "6b0c39a5-7b8f-4a3c-9a64-1f6f0c0e0b11", name: "Greenprint Test Wallet", icon, rdns: "dev.greenprint.testwallet" }),
    provider,
  });
  const announce = () => window.dispatchEvent(new CustomEvent("eip6963:announceProvider", { detail }));
  window.addEventListener("eip6963:requestProvider", announce);
  announce();
})();`;

// A local anvil chain for development and tests.
import { createPublicClient, http } from "viem";
import { foundryBin } from "./foundry";
import { startChild } from "./processes";

/** anvil's well-known development accounts (mnemonic "test test ... junk"); never use them elsewhere. */
export const ANVIL_KEYS = [
  "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
  "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
  "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
  "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
  "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
  "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
] as const;

export const LOCAL_CHAIN_ID = 31337;

export async function startAnvil(options: { port: number; log?: string }) {
  const rpcUrl = `http://127.0.0.1:${options.port}`;
  if (await rpcAnswers(rpcUrl)) {
    throw new Error(
      `Something already answers on ${rpcUrl}. Stop it (another dev server or test run?) and retry.`,
    );
  }
  const child = startChild(
    "anvil",
    foundryBin("anvil"),
    ["--port", String(options.port), "--chain-id", String(LOCAL_CHAIN_ID), "--host", "127.0.0.1"],
    { output: options.log ?? "inherit" },
  );
  await waitFor(() => rpcAnswers(rpcUrl), 30_000, `anvil did not answer on ${rpcUrl}`);
  return { rpcUrl, child };
}

export async function rpcAnswers(rpcUrl: string): Promise<boolean> {
  try {
    await createPublicClient({ transport: http(rpcUrl, { retryCount: 0, timeout: 1000 }) }).getChainId();
    return true;
  } catch {
    return false;
  }
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, message: string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(message);
}

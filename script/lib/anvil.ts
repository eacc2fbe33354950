// A local anvil chain for development and tests.
import { createPublicClient, createTestClient, http } from "viem";
import { foundryBin } from "./foundry";
import { startChild } from "./processes";
import { tempDir } from "./tempDir";

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

/**
 * anvil's command line for a local chain on `port`. Past states that leave its memory are persisted
 * under `--cache-path`; by default that is ~/.foundry/anvil/tmp, which a killed anvil never cleans
 * (70 GB had piled up on this machine), so every chain gets a temp dir of its own, removed with the
 * process that started it (script/lib/tempDir.ts).
 */
export function anvilArgs(port: number, extra: readonly string[] = []): string[] {
  return [
    "--port",
    String(port),
    "--chain-id",
    String(LOCAL_CHAIN_ID),
    "--host",
    "127.0.0.1",
    "--cache-path",
    tempDir("anvil-states"),
    ...extra,
  ];
}

export async function startAnvil(options: { port: number; log?: string }) {
  const rpcUrl = `http://127.0.0.1:${options.port}`;
  if (await rpcAnswers(rpcUrl)) {
    throw new Error(
      `Something already answers on ${rpcUrl}. Stop it (another dev server or test run?) and retry.`,
    );
  }
  const child = startChild("anvil", foundryBin("anvil"), anvilArgs(options.port), {
    output: options.log ?? "inherit",
  });
  await waitFor(() => rpcAnswers(rpcUrl), 30_000, `anvil did not answer on ${rpcUrl}`);
  return { rpcUrl, child };
}

/**
 * Keeps an idle chain's clock moving: anvil mines only when a transaction arrives, so on a quiet
 * dev chain `block.timestamp` stands still and a challenge window never ends. Mines an empty block
 * whenever the newest one is `seconds` old. (anvil's own interval mining cannot be switched on after
 * the deploy without losing instant mining, and from the start it would make deploy blocks vary.)
 * Returns a function that stops it.
 */
export function keepClockMoving(rpcUrl: string, seconds: number): () => void {
  const transport = http(rpcUrl, { retryCount: 0 });
  const chain = createPublicClient({ transport });
  const miner = createTestClient({ mode: "anvil", transport });
  // Wall time, not block time: the chain's clock may run ahead (a test or a user warped it).
  let head = -1n;
  let headSeenAt = Date.now();
  const tick = async () => {
    try {
      const number = await chain.getBlockNumber({ cacheTime: 0 });
      if (number !== head) {
        head = number;
        headSeenAt = Date.now();
      } else if (Date.now() - headSeenAt >= seconds * 1000) {
        await miner.mine({ blocks: 1 });
      }
    } catch {
      // anvil is stopping or busy: the next tick tries again
    }
  };
  const timer = setInterval(tick, (seconds * 1000) / 4);
  timer.unref();
  return () => clearInterval(timer);
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

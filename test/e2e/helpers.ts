// Chain-side helpers for browser tests: real transactions with anvil's development keys.

import { readFileSync } from "node:fs";
import { createPublicClient, createWalletClient, type Hex, http, parseEventLogs } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { anvil } from "viem/chains";
import { createGreenprintClient } from "../../lib/client";
import type { Deployment } from "../../lib/deployment";
import { modelRegistryAbi } from "../../lib/generated/contracts";
import { APP_URL, RPC_URL } from "./browser";

export const publicClient = createPublicClient({ chain: anvil, transport: http(RPC_URL) });

export function deployment(): Deployment {
  return JSON.parse(readFileSync("deployments/31337.json", "utf8")) as Deployment;
}

/** The SDK acting as `key`'s account on the test chain (real transactions). */
export const sdk = (key: Hex) =>
  createGreenprintClient({
    publicClient,
    walletClient: createWalletClient({
      account: privateKeyToAccount(key),
      chain: anvil,
      transport: http(RPC_URL),
    }),
    deployment: deployment(),
  });

export function address(name: string): Hex {
  const contract = deployment().contracts[name];
  if (!contract) throw new Error(`${name} is not in deployments/31337.json`);
  return contract.address;
}

/** Registers a model as `key`'s account with a real transaction; returns its id. */
export async function registerModel(key: Hex, name: string): Promise<bigint> {
  const wallet = createWalletClient({
    account: privateKeyToAccount(key),
    chain: anvil,
    transport: http(RPC_URL),
  });
  const hash = await wallet.writeContract({
    address: address("ModelRegistry"),
    abi: modelRegistryAbi,
    functionName: "registerModel",
    args: [`ipfs://test/${encodeURIComponent(name)}`, `0x${"ab".repeat(32)}`, 0n, 1_000_000_000n],
  });
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  const [event] = parseEventLogs({ abi: modelRegistryAbi, logs: receipt.logs, eventName: "ModelRegistered" });
  if (!event) throw new Error("no ModelRegistered event");
  return event.args.modelId;
}

/**
 * Waits until the indexer behind the app has reached the chain's current block: pages that read
 * the index (model pages, the verifier queue, disputes) then show every transaction sent so far.
 */
export async function untilIndexed(timeoutMs = 20_000): Promise<void> {
  // cacheTime 0: viem otherwise answers from a block number cached for up to 4 s.
  const target = await publicClient.getBlockNumber({ cacheTime: 0 });
  const deadline = Date.now() + timeoutMs;
  let seen = "no answer";
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${APP_URL}/api/v1/status`, { cache: "no-store" });
      const body = (await response.json()) as { sync?: { block?: { number?: number } } };
      const indexed = body.sync?.block?.number;
      seen = `block ${indexed}`;
      if (indexed !== undefined && BigInt(indexed) >= target) return;
    } catch (error) {
      seen = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the indexer did not reach block ${target} within ${timeoutMs} ms (last: ${seen})`);
}

import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { createPublicClient, http, type PublicClient } from "viem";
import type { Deployment } from "../deployment";
import { toViemChain } from "../web/chain";
import { chainSettings, serverRpcUrl } from "./settings";

let client: PublicClient | undefined;

/** The server's read-only client for the app's chain. */
export function publicClient(): PublicClient {
  client ??= createPublicClient({
    chain: toViemChain(chainSettings()),
    transport: http(serverRpcUrl(), { timeout: 10_000 }),
  }) as PublicClient;
  return client;
}

/** deployments/<chainId>.json of the app's chain, read at request time (redeploys need no rebuild). */
export async function currentDeployment(): Promise<Deployment> {
  const { chainId } = chainSettings();
  const file = path.join(
    process.env.DEPLOYMENTS_DIR ?? path.join(process.cwd(), "deployments"),
    `${chainId}.json`,
  );
  try {
    return JSON.parse(await readFile(file, "utf8")) as Deployment;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new Error(
        `No deployment for chain ${chainId}: ${file} does not exist. Deploy the contracts first.`,
      );
    }
    throw error;
  }
}

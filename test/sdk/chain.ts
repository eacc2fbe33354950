// Test helper: a private anvil with the Greenprint contracts deployed by script/lib/deploy.ts,
// a deployment file outside the repository, SDK clients per anvil key, and time travel.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  type Account,
  type Address,
  type Chain,
  createPublicClient,
  createWalletClient,
  defineChain,
  http,
  type PublicClient,
  type Transport,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { createGreenprintClient, type GreenprintClient } from "../../lib/client";
import type { Deployment } from "../../lib/deployment";
import { ANVIL_KEYS, LOCAL_CHAIN_ID, startAnvil } from "../../script/lib/anvil";
import { deployContracts } from "../../script/lib/deploy";
import { freePort } from "../../script/lib/ports";
import { stopAll } from "../../script/lib/processes";

export interface TestChain {
  rpcUrl: string;
  chain: Chain;
  deployment: Deployment;
  /** deployments JSON written to a temporary directory (for the CLI's --deployment). */
  deploymentPath: string;
  tmpDir: string;
  publicClient: PublicClient<Transport, Chain>;
  /** SDK client per anvil key (0 admin/arbiter/pauser, 1 model owner, 2 verifier, 3 relayer). */
  clients: GreenprintClient[];
  accounts: Account[];
  admin: GreenprintClient;
  owner: GreenprintClient;
  verifier: GreenprintClient;
  relayer: GreenprintClient;
  /** Addresses of the four roles. */
  addr: { admin: Address; owner: Address; verifier: Address; relayer: Address };
  /** Moves the chain clock forward and mines a block. */
  increaseTime(seconds: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Serialises forge deployments of concurrent test files (they share broadcast/ and deployments/)
 * and puts deployments/31337.json back as it was: the tests use their own copy, and the
 * developer's running stack keeps its file.
 */
async function withDeployLock<T>(fn: () => Promise<T>): Promise<T> {
  const lock = path.join(os.tmpdir(), "greenprint-sdk-deploy.lock");
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() - started > 120_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const shared = path.join("deployments", `${LOCAL_CHAIN_ID}.json`);
  const previous = existsSync(shared) ? readFileSync(shared) : null;
  try {
    return await fn();
  } finally {
    if (previous) writeFileSync(shared, previous);
    else rmSync(shared, { force: true });
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Starts the chain on `port`, by default a free one (so that two test runs at once never collide). */
export async function startTestChain(port?: number): Promise<TestChain> {
  port ??= await freePort();
  const tmpDir = mkdtempSync(path.join(os.tmpdir(), "greenprint-test-"));
  const { rpcUrl } = await startAnvil({ port, log: path.join(tmpDir, "anvil.log") });
  try {
    const deployment = await withDeployLock(() =>
      deployContracts({ rpcUrl, chainId: LOCAL_CHAIN_ID, privateKey: ANVIL_KEYS[0] }),
    );
    const deploymentPath = path.join(tmpDir, `${LOCAL_CHAIN_ID}.json`);
    writeFileSync(deploymentPath, JSON.stringify(deployment, null, 2));
    const chain = defineChain({
      id: LOCAL_CHAIN_ID,
      name: "anvil",
      nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
      rpcUrls: { default: { http: [rpcUrl] } },
    });
    const publicClient = createPublicClient({ chain, transport: http(rpcUrl), pollingInterval: 100 });
    const accounts = ANVIL_KEYS.map((k) => privateKeyToAccount(k));
    const clients = accounts.map((account) =>
      createGreenprintClient({
        publicClient,
        walletClient: createWalletClient({ account, chain, transport: http(rpcUrl) }),
        deployment,
      }),
    );
    const [admin, owner, verifier, relayer] = clients as [
      GreenprintClient,
      GreenprintClient,
      GreenprintClient,
      GreenprintClient,
    ];
    const [a0, a1, a2, a3] = accounts.map((a) => a.address) as [Address, Address, Address, Address];
    return {
      admin,
      owner,
      verifier,
      relayer,
      addr: { admin: a0, owner: a1, verifier: a2, relayer: a3 },
      rpcUrl,
      chain,
      deployment,
      deploymentPath,
      tmpDir,
      publicClient,
      clients,
      accounts,
      async increaseTime(seconds: number) {
        await publicClient.request({ method: "evm_increaseTime" as never, params: [seconds] as never });
        await publicClient.request({ method: "evm_mine" as never, params: [] as never });
      },
      async stop() {
        await stopAll();
        rmSync(tmpDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

// A private anvil, a deploy into a temp dir (forge's broadcast and the deployments file never touch
// the repo's) and actors with anvil's known keys.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type Address, createPublicClient, createWalletClient, http, type PublicClient } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { anvil } from "viem/chains";
import { anvilArgs } from "../../script/lib/anvil";
import { foundryBin } from "../../script/lib/foundry";
import { fatal, REPO, started, until } from "./processes";

export const KEYS = {
  admin: "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
  owner: "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
  verifier: "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
  challenger: "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
} as const;

export interface Chain {
  rpcUrl: string;
  port: number;
  child: ChildProcess;
  client: PublicClient;
}

export async function startAnvil(port: number, extra: string[] = []): Promise<Chain> {
  const child = spawn(foundryBin("anvil"), anvilArgs(port, extra), {
    detached: true,
    stdio: "ignore",
  });
  started.push(child);
  const rpcUrl = `http://127.0.0.1:${port}`;
  const client = createPublicClient({
    chain: anvil,
    cacheTime: 0,
    transport: http(rpcUrl, { retryCount: 0, timeout: 120_000 }),
  }) as PublicClient;
  await until("anvil", 20_000, async () => {
    if (child.exitCode !== null) throw fatal(`anvil exited with ${child.exitCode} (port ${port} taken?)`);
    return (await client.getChainId()) === 31337;
  });
  return { rpcUrl, port, child, client };
}

export interface Deployed {
  dir: string;
  deploymentsDir: string;
  addresses: Record<
    "ModelRegistry" | "AttestationRegistry" | "CertificateRegistry" | "EfficiencyBonus" | "LeafToken",
    Address
  >;
}

/** forge script script/Deploy.s.sol into `dir` (broadcast and cache redirected there). */
export function deploy(chain: Chain, dir: string): Deployed {
  const broadcast = path.join(dir, "broadcast");
  execFileSync(
    foundryBin("forge"),
    ["script", "script/Deploy.s.sol", "--rpc-url", chain.rpcUrl, "--broadcast", "--slow"],
    {
      cwd: REPO,
      env: { ...process.env, DEPLOYER_PRIVATE_KEY: KEYS.admin, FOUNDRY_BROADCAST: broadcast },
      stdio: "pipe",
    },
  );
  const record = JSON.parse(
    readFileSync(path.join(broadcast, "Deploy.s.sol", "31337", "run-latest.json"), "utf8"),
  ) as {
    transactions: {
      transactionType: string;
      contractName: string | null;
      contractAddress: string;
      hash: string;
    }[];
    receipts: { transactionHash: string; blockNumber: string }[];
  };
  const contracts: Record<string, { address: string; blockNumber: number; transactionHash: string }> = {};
  for (const tx of record.transactions) {
    if (tx.transactionType !== "CREATE" || !tx.contractName) continue;
    const receipt = record.receipts.find((r) => r.transactionHash === tx.hash);
    if (!receipt) throw new Error(`no receipt for the deployment of ${tx.contractName}`);
    contracts[tx.contractName] = {
      address: tx.contractAddress,
      blockNumber: Number(BigInt(receipt.blockNumber)),
      transactionHash: tx.hash,
    };
  }
  const deploymentsDir = path.join(dir, "deployments");
  mkdirSync(deploymentsDir, { recursive: true });
  writeFileSync(
    path.join(deploymentsDir, "31337.json"),
    JSON.stringify({ chainId: 31337, contracts }, null, 2),
  );
  const addresses = Object.fromEntries(
    Object.entries(contracts).map(([k, v]) => [k, v.address as Address]),
  ) as Deployed["addresses"];
  return { dir, deploymentsDir, addresses };
}

export type Role = keyof typeof KEYS;

export function actors(chain: Chain) {
  const wallet = (role: Role) =>
    createWalletClient({
      account: privateKeyToAccount(KEYS[role]),
      chain: { ...anvil, rpcUrls: { default: { http: [chain.rpcUrl] } } },
      transport: http(chain.rpcUrl),
    });
  const wallets = {
    admin: wallet("admin"),
    owner: wallet("owner"),
    verifier: wallet("verifier"),
    challenger: wallet("challenger"),
  };
  const send = async (
    role: Role,
    address: Address,
    abi: readonly unknown[],
    functionName: string,
    args: unknown[],
    value?: bigint,
  ) => {
    // biome-ignore lint/suspicious/noExplicitAny: generic helper over several ABIs
    const hash = await (wallets[role] as any).writeContract({ address, abi, functionName, args, value });
    const receipt = await chain.client.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`${functionName} reverted`);
    return receipt;
  };
  return { wallets, send, address: (role: Role) => privateKeyToAccount(KEYS[role]).address };
}

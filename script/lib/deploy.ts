// Deploys the contracts with script/Deploy.s.sol and records where they landed in
// deployments/<chainId>.json (address, deploy block, transaction) for the app, SDK and indexer.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { foundryBin } from "./foundry";
import { run } from "./processes";

export interface DeployedContract {
  address: `0x${string}`;
  blockNumber: number;
  transactionHash: `0x${string}`;
}

export interface Deployment {
  chainId: number;
  contracts: Record<string, DeployedContract>;
}

interface BroadcastRun {
  transactions: {
    transactionType: string;
    contractName: string | null;
    contractAddress: string;
    hash: string;
  }[];
  receipts: { transactionHash: string; blockNumber: string; contractAddress: string | null }[];
}

export async function deployContracts(options: { rpcUrl: string; chainId: number; privateKey: string }) {
  await run(
    foundryBin("forge"),
    ["script", "script/Deploy.s.sol", "--rpc-url", options.rpcUrl, "--broadcast", "--slow"],
    {
      // The key goes through the environment, never a command-line flag (visible in `ps`).
      env: { DEPLOYER_PRIVATE_KEY: options.privateKey },
    },
  );
  return writeDeployment(options.chainId);
}

/** Turns forge's broadcast record into deployments/<chainId>.json. */
export function writeDeployment(chainId: number): Deployment {
  const broadcast = path.join("broadcast", "Deploy.s.sol", String(chainId), "run-latest.json");
  const record = JSON.parse(readFileSync(broadcast, "utf8")) as BroadcastRun;
  const contracts: Record<string, DeployedContract> = {};
  for (const tx of record.transactions) {
    if (tx.transactionType !== "CREATE" || !tx.contractName) continue;
    const receipt = record.receipts.find((r) => r.transactionHash === tx.hash);
    if (!receipt) throw new Error(`No receipt for ${tx.contractName} in ${broadcast}`);
    contracts[tx.contractName] = {
      address: tx.contractAddress as `0x${string}`,
      blockNumber: Number(BigInt(receipt.blockNumber)),
      transactionHash: tx.hash as `0x${string}`,
    };
  }
  const deployment: Deployment = { chainId, contracts };
  writeFileSync(path.join("deployments", `${chainId}.json`), `${JSON.stringify(deployment, null, 2)}\n`);
  return deployment;
}

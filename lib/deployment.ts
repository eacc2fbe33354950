// deployments/<chainId>.json, written by the deploy step (script/lib/deploy.ts) from forge's
// broadcast record: contract addresses and the blocks they were deployed in.
import type { Address, Hex } from "viem";

export interface DeployedContract {
  address: Address;
  blockNumber: number;
  transactionHash: Hex;
}

export interface Deployment {
  chainId: number;
  contracts: Record<string, DeployedContract>;
}

/** The named contract of a deployment, or a clear error naming what is missing. */
export function contractOf(deployment: Deployment, name: string): DeployedContract {
  const contract = deployment.contracts[name];
  if (!contract) {
    throw new Error(
      `Deployment for chain ${deployment.chainId} has no ${name}. Deployed: ${Object.keys(deployment.contracts).join(", ") || "nothing"}.`,
    );
  }
  return contract;
}

// Indexer settings from the environment, shared by ponder.config.ts, the API and the scripts.
//   CHAIN_ID          chain to index (default 31337, the local anvil)
//   RPC_URL           JSON-RPC endpoint (default http://127.0.0.1:8545)
//   DEPLOYMENTS_DIR   where <chainId>.json lives (default <repo>/deployments)
//   DATABASE_URL      PostgreSQL connection string; PGlite when unset
//   PGLITE_DIR        PGlite directory (default indexer/.ponder/pglite-<chainId>)
//   POLLING_MS        block polling interval (default 200 on chain 31337, 1000 elsewhere)
//   EVIDENCE_DIR      content-addressed store of metadata/evidence (default <repo>/.data/evidence)
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** indexer/ (this file is indexer/src/lib/settings.ts). */
export const INDEXER_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const REPO_ROOT = path.resolve(INDEXER_ROOT, "..");

export const LOCAL_CHAIN_ID = 31337;

export function chainId(): number {
  const value = Number(process.env.CHAIN_ID ?? LOCAL_CHAIN_ID);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`CHAIN_ID must be a positive integer, got "${process.env.CHAIN_ID}"`);
  return value;
}

export function rpcUrl(): string {
  return process.env.RPC_URL ?? "http://127.0.0.1:8545";
}

export function evidenceDir(): string {
  return path.resolve(REPO_ROOT, process.env.EVIDENCE_DIR ?? path.join(".data", "evidence"));
}

export function pollingMs(): number {
  if (process.env.POLLING_MS) return Number(process.env.POLLING_MS);
  return chainId() === LOCAL_CHAIN_ID ? 200 : 1000;
}

export interface DeployedContract {
  address: `0x${string}`;
  blockNumber: number;
  transactionHash: `0x${string}`;
}

export const CONTRACT_NAMES = [
  "ModelRegistry",
  "AttestationRegistry",
  "CertificateRegistry",
  "EfficiencyBonus",
  "LeafToken",
] as const;
export type ContractName = (typeof CONTRACT_NAMES)[number];

/** A deployment file checked by loadDeployment to name every contract the indexer needs. */
export interface Deployment {
  chainId: number;
  contracts: Record<ContractName, DeployedContract>;
}

export function deploymentFile(id = chainId(), dir?: string): string {
  return path.join(
    path.resolve(REPO_ROOT, dir ?? process.env.DEPLOYMENTS_DIR ?? "deployments"),
    `${id}.json`,
  );
}

/** deployments/<chainId>.json, checked to name every contract the indexer needs. */
export function loadDeployment(id = chainId(), dir?: string): Deployment {
  const file = deploymentFile(id, dir);
  if (!existsSync(file)) {
    throw new Error(
      `No deployment for chain ${id}: ${file} does not exist. Deploy the contracts first (npm run dev does).`,
    );
  }
  const deployment = JSON.parse(readFileSync(file, "utf8")) as {
    chainId: number;
    contracts?: Partial<Record<ContractName, DeployedContract>>;
  };
  const missing = CONTRACT_NAMES.filter((name) => !deployment.contracts?.[name]);
  if (missing.length > 0) {
    throw new Error(
      `${file} lacks ${missing.join(", ")}: redeploy with script/Deploy.s.sol and write-deployment.`,
    );
  }
  return deployment as Deployment;
}

/** First block to index: the earliest deployment block of the Greenprint contracts. */
export function startBlock(deployment: Deployment): number {
  return Math.min(...CONTRACT_NAMES.map((name) => deployment.contracts[name].blockNumber));
}

// Demo data through real transactions: the published training footprints of
// ../shared/fixtures/published-training-footprints.json, registered by a demo publisher
// account and labelled "self-reported from publications" until a verifier verifies them.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { createPublicClient, createWalletClient, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { anvil } from "viem/chains";
import { contractOf, type Deployment } from "../lib/deployment";
import { modelRegistryAbi } from "../lib/generated/contracts";
import { metadataBytes, metadataHash } from "../lib/metadata";
import { LocalDiskEvidenceStore } from "../lib/store/evidenceStore";
import { type PublishedFootprint, toDemoModel } from "./demo/publishedFootprints";
import { ANVIL_KEYS, LOCAL_CHAIN_ID } from "./lib/anvil";

export const FOOTPRINTS_FILE = path.resolve("..", "shared", "fixtures", "published-training-footprints.json");
/** anvil account 1 publishes the demo data; account 0 deploys and administers. */
export const DEMO_PUBLISHER_KEY = ANVIL_KEYS[1];

export async function seedDemoData(options: { rpcUrl: string; appUrl: string; evidenceDir?: string }) {
  if (!existsSync(FOOTPRINTS_FILE)) {
    throw new Error(`Demo data not found at ${FOOTPRINTS_FILE}: the repository expects ../shared beside it.`);
  }
  const entries = JSON.parse(readFileSync(FOOTPRINTS_FILE, "utf8")) as PublishedFootprint[];
  const deployment = JSON.parse(readFileSync(`deployments/${LOCAL_CHAIN_ID}.json`, "utf8")) as Deployment;
  const registry = contractOf(deployment, "ModelRegistry").address;
  const store = new LocalDiskEvidenceStore(options.evidenceDir ?? path.join(".data", "evidence"));
  const chain = { ...anvil, rpcUrls: { default: { http: [options.rpcUrl] } } };
  const publicClient = createPublicClient({ chain, transport: http(options.rpcUrl) });
  const wallet = createWalletClient({
    account: privateKeyToAccount(DEMO_PUBLISHER_KEY),
    chain,
    transport: http(options.rpcUrl),
  });

  let models = 0;
  const attestations = 0;
  for (const entry of entries) {
    const demo = toDemoModel(entry);
    const hash = await store.put(metadataBytes(demo.metadata));
    const tx = await wallet.writeContract({
      address: registry,
      abi: modelRegistryAbi,
      functionName: "registerModel",
      args: [`${options.appUrl}/api/evidence/${hash}`, metadataHash(demo.metadata), 0n, demo.parameterCount],
    });
    const receipt = await publicClient.waitForTransactionReceipt({ hash: tx });
    if (receipt.status !== "success") throw new Error(`Registering ${entry.model} reverted (${tx}).`);
    models++;
  }
  return { models, attestations };
}

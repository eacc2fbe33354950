// Ponder configuration: every Greenprint contract of deployments/<CHAIN_ID>.json (addresses and
// start blocks from the deploy step, never copied by hand), on RPC_URL; PGlite unless DATABASE_URL.
import path from "node:path";
import { createConfig } from "ponder";
import {
  attestationRegistryAbi,
  certificateRegistryAbi,
  efficiencyBonusAbi,
  leafTokenAbi,
  modelRegistryAbi,
} from "../lib/generated/contracts";
import {
  chainId,
  INDEXER_ROOT,
  LOCAL_CHAIN_ID,
  loadDeployment,
  pollingMs,
  rpcUrl,
  startBlock,
} from "./src/lib/settings";

const id = chainId();
const deployment = loadDeployment(id);
const from = startBlock(deployment);
const contract = <abi>(abi: abi, name: keyof typeof deployment.contracts) => ({
  abi,
  chain: "chain" as const,
  address: deployment.contracts[name].address,
  // One start block for all: the deploy step may record receipts out of order.
  startBlock: from,
});

export default createConfig({
  database: process.env.DATABASE_URL
    ? { kind: "postgres", connectionString: process.env.DATABASE_URL }
    : {
        kind: "pglite",
        directory: process.env.PGLITE_DIR ?? path.join(INDEXER_ROOT, ".ponder", `pglite-${id}`),
      },
  chains: {
    chain: {
      id,
      rpc: rpcUrl(),
      pollingInterval: pollingMs(),
      // A local anvil is restarted with the same chain id and different history: never reuse
      // cached RPC results there (scripts/start.ts also keeps one database per chain identity).
      // PONDER_DISABLE_CACHE=0|1 overrides (the benchmark measures a cached re-index on anvil).
      disableCache: process.env.PONDER_DISABLE_CACHE
        ? process.env.PONDER_DISABLE_CACHE === "1"
        : id === LOCAL_CHAIN_ID,
    },
  },
  contracts: {
    ModelRegistry: contract(modelRegistryAbi, "ModelRegistry"),
    AttestationRegistry: contract(attestationRegistryAbi, "AttestationRegistry"),
    CertificateRegistry: contract(certificateRegistryAbi, "CertificateRegistry"),
    EfficiencyBonus: contract(efficiencyBonusAbi, "EfficiencyBonus"),
    LeafToken: contract(leafTokenAbi, "LeafToken"),
  },
});

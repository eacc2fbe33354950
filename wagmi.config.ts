// Typed ABIs, addresses and React hooks for the app and SDK, generated from the forge
// artifacts and deployments/<chainId>.json: never copied by hand. Run: npm run codegen
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { defineConfig } from "@wagmi/cli";
import { foundry, foundryDefaultExcludes, react } from "@wagmi/cli/plugins";
import { foundryBin } from "./script/lib/foundry";

type Addresses = Record<string, Record<number, `0x${string}`>>;

/** contract name -> chain id -> address, from every deployments/<chainId>.json. */
function deployedAddresses(): Addresses {
  const addresses: Addresses = {};
  if (!existsSync("deployments")) return addresses;
  for (const file of readdirSync("deployments").filter((f) => /^\d+\.json$/.test(f))) {
    const deployment = JSON.parse(readFileSync(`deployments/${file}`, "utf8")) as {
      chainId: number;
      contracts: Record<string, { address: `0x${string}` }>;
    };
    for (const [name, { address }] of Object.entries(deployment.contracts)) {
      addresses[name] ??= {};
      (addresses[name] as Record<number, `0x${string}`>)[deployment.chainId] = address;
    }
  }
  return addresses;
}

/**
 * The AttestationRegistry's parts: abstract bases, its storage layout and the disputes and tally code it runs by
 * delegatecall. The registry's own ABI holds all of their functions, events and errors; nobody calls them apart.
 */
const REGISTRY_PARTS =
  /^Attestation(Disputes|Governance|Signatures|RegistryPart|RegistryStorage|Rewards|Submission|Tally|TallyBase|Verdicts|Views)\.sol$/;

/** The protocol's own contracts (not interfaces, libraries of shared types, tests or scripts). */
const protocolArtifacts = readdirSync("contracts")
  .filter(
    (file) =>
      file.endsWith(".sol") && !/^I[A-Z]/.test(file) && file !== "Common.sol" && !REGISTRY_PARTS.test(file),
  )
  .map((file) => `${file}/**`);

const protocolContracts = (build: boolean) =>
  foundry({
    project: ".",
    include: protocolArtifacts,
    // forge nests artifacts under out/contracts/ when it builds a single file by path
    // (e.g. `forge build contracts/X.sol`); those duplicates are never the ones to use.
    exclude: [...foundryDefaultExcludes, "contracts/**"],
    deployments: deployedAddresses(),
    forge: { path: foundryBin("forge"), build, rebuild: false },
  });

// Two files: ABIs and addresses alone (server code, the SDK, the indexer, scripts), and the React
// hooks for client components. wagmi's hook factories are "use client" modules: a server component
// that imported them, even only for an ABI, would ship them to every visitor of a public page.
export default defineConfig([
  { out: "lib/generated/contracts.ts", plugins: [protocolContracts(true)] },
  { out: "lib/generated/hooks.ts", plugins: [protocolContracts(false), react()] },
]);

// Typed ABIs, addresses and React hooks for the app and SDK, generated from the forge
// artifacts and deployments/<chainId>.json: never copied by hand. Run: npm run codegen
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { defineConfig } from "@wagmi/cli";
import { foundry, foundryDefaultExcludes, react } from "@wagmi/cli/plugins";

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

/** The protocol's own contracts (not interfaces, libraries of shared types, tests or scripts). */
const protocolArtifacts = readdirSync("contracts")
  .filter((file) => file.endsWith(".sol") && !/^I[A-Z]/.test(file) && file !== "Common.sol")
  .map((file) => `${file}/**`);

export default defineConfig({
  out: "lib/generated/contracts.ts",
  plugins: [
    foundry({
      project: ".",
      include: protocolArtifacts,
      // forge nests artifacts under out/contracts/ when it builds a single file by path
      // (e.g. `forge build contracts/X.sol`); those duplicates are never the ones to use.
      exclude: [...foundryDefaultExcludes, "contracts/**"],
      deployments: deployedAddresses(),
      forge: { path: "node_modules/.bin/forge", build: true, rebuild: false },
    }),
    react(),
  ],
});

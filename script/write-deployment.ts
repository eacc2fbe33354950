// Writes deployments/<chainId>.json from forge's broadcast record of script/Deploy.s.sol,
// after a deploy to a real network: `npx tsx script/write-deployment.ts <chainId>`.
import { writeDeployment } from "./lib/deploy";

const chainId = Number(process.argv[2]);
if (!Number.isInteger(chainId) || chainId <= 0) {
  console.error("usage: npx tsx script/write-deployment.ts <chainId>");
  process.exit(2);
}
const deployment = writeDeployment(chainId);
for (const [name, contract] of Object.entries(deployment.contracts)) {
  console.log(`${name}: ${contract.address} (block ${contract.blockNumber})`);
}

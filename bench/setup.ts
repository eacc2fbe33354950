// What every bench phase runs on: a private anvil with the Greenprint contracts and the Seeder, and a private
// PostgreSQL server (Debian's binaries; a fresh server each run).
import { deploy, freePort, startAnvil } from "../test/indexer/helpers";
import { startPostgres } from "../test/indexer/pg";
import { deploySeeder } from "./seeder";

/** The bench's own PostgreSQL; one database per app, so that each app's cold run is really cold. */
export async function databases(dir: string) {
  const server = await startPostgres(dir);
  process.on("exit", () => server.stop());
  return { url: (db: string) => server.url.replace(/\/postgres$/, `/${db}`), psql: server.psql };
}

/** A fresh anvil with the contracts and the Seeder deployed; `target` is what the seeding functions take. */
export async function newChain(dir: string) {
  const chain = await startAnvil(await freePort(), ["--gas-limit", "2000000000"]);
  const deployed = deploy(chain, dir);
  const target = {
    rpcUrl: chain.rpcUrl,
    client: chain.client,
    modelRegistry: deployed.addresses.ModelRegistry,
    attestationRegistry: deployed.addresses.AttestationRegistry,
  };
  return { chain, deployed, target, seeder: await deploySeeder(target) };
}

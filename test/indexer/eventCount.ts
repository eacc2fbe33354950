// How many events the indexer should have counted, read from the chain itself: every log of the deployed
// contracts up to `block` whose event a handler in indexer/src listens to (`ponder.on("Contract:Event")`).
// Independent of the handlers' own counting, so a handler that counts one event twice shows up.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type Abi, type Address, type PublicClient, parseEventLogs } from "viem";
import {
  attestationRegistryAbi,
  certificateRegistryAbi,
  efficiencyBonusAbi,
  leafTokenAbi,
  modelRegistryAbi,
} from "../../lib/generated/contracts";

const ABIS: Record<string, Abi> = {
  AttestationRegistry: attestationRegistryAbi,
  CertificateRegistry: certificateRegistryAbi,
  EfficiencyBonus: efficiencyBonusAbi,
  LeafToken: leafTokenAbi,
  ModelRegistry: modelRegistryAbi,
};

/** "Contract:Event" of every handler in indexer/src. */
export function handledEvents(): Set<string> {
  const dir = path.resolve(import.meta.dirname, "../../indexer/src");
  const names = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
    for (const m of readFileSync(path.join(dir, file), "utf8").matchAll(/ponder\.on\(\s*"([^"]+)"/g)) {
      names.add(m[1] as string);
    }
  }
  return names;
}

/** The number of handled events the deployed contracts emitted up to and including `block`. */
export async function handledEventCount(
  client: PublicClient,
  addresses: Record<string, Address>,
  block: bigint,
): Promise<number> {
  const handled = handledEvents();
  let count = 0;
  for (const [name, address] of Object.entries(addresses)) {
    const abi = ABIS[name];
    if (!abi) throw new Error(`no ABI for ${name}`);
    const logs = await client.getLogs({ address, fromBlock: 0n, toBlock: block });
    count += parseEventLogs({ abi, logs }).filter((l) => handled.has(`${name}:${l.eventName}`)).length;
  }
  return count;
}

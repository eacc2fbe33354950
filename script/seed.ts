// Demo data through real transactions: the published training footprints of
// ../shared/fixtures/published-training-footprints.json, registered by a demo publisher
// account and labelled "self-reported from publications" until a verifier verifies them.
// Each attestation's evidence document (SPEC section 7) cites the publication and states
// how every value not published as such was derived.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { type Address, createPublicClient, createWalletClient, http, parseEventLogs, zeroHash } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { anvil } from "viem/chains";
import { contractOf, type Deployment } from "../lib/deployment";
import { buildEvidenceDocument, evidenceHash, serializeEvidence } from "../lib/evidence/document";
import { attestationRegistryAbi, modelRegistryAbi } from "../lib/generated/contracts";
import { metadataBytes, metadataHash } from "../lib/metadata";
import { METHOD_NAMES } from "../lib/spec";
import { LocalDiskEvidenceStore } from "../lib/store/evidenceStore";
import { encodeRegion } from "../lib/validation";
import { hardwareOf, type PublishedFootprint, toDemoModel } from "./demo/publishedFootprints";
import { ANVIL_KEYS, LOCAL_CHAIN_ID } from "./lib/anvil";

export const FOOTPRINTS_FILE = path.resolve("..", "shared", "fixtures", "published-training-footprints.json");
/** anvil account 0 deploys and administers, 1 publishes the demo data, 2 is an accredited verifier. */
export const DEMO_ADMIN_KEY = ANVIL_KEYS[0];
export const DEMO_PUBLISHER_KEY = ANVIL_KEYS[1];
export const DEMO_VERIFIER_KEY = ANVIL_KEYS[2];

export async function seedDemoData(options: { rpcUrl: string; appUrl: string; evidenceDir?: string }) {
  if (!existsSync(FOOTPRINTS_FILE)) {
    throw new Error(`Demo data not found at ${FOOTPRINTS_FILE}: the repository expects ../shared beside it.`);
  }
  const entries = JSON.parse(readFileSync(FOOTPRINTS_FILE, "utf8")) as PublishedFootprint[];
  const deployment = JSON.parse(readFileSync(`deployments/${LOCAL_CHAIN_ID}.json`, "utf8")) as Deployment;
  const modelRegistry = contractOf(deployment, "ModelRegistry").address;
  const attestationRegistry = contractOf(deployment, "AttestationRegistry").address;
  const store = new LocalDiskEvidenceStore(options.evidenceDir ?? path.join(".data", "evidence"));
  const chain = { ...anvil, rpcUrls: { default: { http: [options.rpcUrl] } } };
  const publicClient = createPublicClient({ chain, transport: http(options.rpcUrl) });
  const walletOf = (key: `0x${string}`) =>
    createWalletClient({ account: privateKeyToAccount(key), chain, transport: http(options.rpcUrl) });
  const admin = walletOf(DEMO_ADMIN_KEY);
  const publisher = walletOf(DEMO_PUBLISHER_KEY);
  const confirm = async (hash: `0x${string}`, what: string) => {
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`${what} reverted (${hash}).`);
    return receipt;
  };

  const verifier: Address = privateKeyToAccount(DEMO_VERIFIER_KEY).address;
  await confirm(
    await admin.writeContract({
      address: attestationRegistry,
      abi: attestationRegistryAbi,
      functionName: "accreditVerifier",
      args: [verifier, "Demo Verifier (local)", `${options.appUrl}/verifiers`],
    }),
    "Accrediting the demo verifier",
  );

  let models = 0;
  let attestations = 0;
  for (const entry of entries) {
    const demo = toDemoModel(entry);
    const hash = await store.put(metadataBytes(demo.metadata));
    const receipt = await confirm(
      await publisher.writeContract({
        address: modelRegistry,
        abi: modelRegistryAbi,
        functionName: "registerModel",
        args: [
          `${options.appUrl}/api/evidence/${hash}`,
          metadataHash(demo.metadata),
          0n,
          demo.parameterCount,
        ],
      }),
      `Registering ${entry.model}`,
    );
    const [registered] = parseEventLogs({
      abi: modelRegistryAbi,
      logs: receipt.logs,
      eventName: "ModelRegistered",
    });
    if (!registered) throw new Error(`No ModelRegistered event for ${entry.model}.`);
    models++;
    const a = demo.attestation;
    if (!a) continue;

    const source = `${entry.source} (self-reported from publications)`;
    const evidence = buildEvidenceDocument({
      model: { modelId: registered.args.modelId, name: entry.model, version: String(entry.year) },
      run: { ids: [`published:${entry.model}`], project: entry.organization },
      kind: a.kind,
      period: { start: a.periodStart, end: a.periodEnd },
      region: a.region,
      hardware: hardwareOf(entry),
      method: a.method,
      tool: `publication (${METHOD_NAMES[a.method].toLowerCase()})`,
      energyWh: { value: a.energyWh, source },
      pueMilli: { value: BigInt(a.pueMilli), source },
      locationIntensity: { value: BigInt(a.locationIntensity), source },
      renewableBps: { value: 0n, source: "not published: no renewable share claimed" },
      acceleratorHours: a.acceleratorHours,
      ...(a.workUnitsSource ? { workUnits: { value: a.workUnits, source: a.workUnitsSource } } : {}),
      notes: [entry.notes, ...a.derivation],
    });
    const evidenceSha = await store.put(serializeEvidence(evidence));
    await confirm(
      await publisher.writeContract({
        address: attestationRegistry,
        abi: attestationRegistryAbi,
        functionName: "submit",
        args: [
          {
            modelId: registered.args.modelId,
            kind: a.kind,
            method: a.method,
            energyWh: a.energyWh,
            pueMilli: a.pueMilli,
            locationIntensity: a.locationIntensity,
            renewableBps: a.renewableBps,
            acceleratorHours: a.acceleratorHours,
            workUnits: a.workUnits,
            embodiedG: a.embodiedG,
            periodStart: a.periodStart,
            periodEnd: a.periodEnd,
            region: encodeRegion(a.region),
            evidenceHash: evidenceHash(evidence),
            evidenceURI: `${options.appUrl}/api/evidence/${evidenceSha}`,
            rowsRoot: zeroHash,
            supersedes: zeroHash,
          },
        ],
      }),
      `Attesting ${entry.model}`,
    );
    attestations++;
  }
  return { models, attestations };
}

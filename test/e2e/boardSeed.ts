// The board's own data for the browser tests of test/e2e/board.test.ts: named models and self-reported
// attestations with their evidence in the app's store, and one published footprint of the demo data attested as the
// seed does.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createWalletClient, type Hex, http, sha256 } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { anvil } from "viem/chains";
import { createGreenprintClient } from "../../lib/client";
import { buildEvidenceDocument, evidenceHash, serializeEvidence } from "../../lib/evidence/document";
import { Kind, Method } from "../../lib/spec";
import { LocalDiskEvidenceStore } from "../../lib/store/evidenceStore";
import { hardwareOf, type PublishedFootprint, toDemoModel } from "../../script/demo/publishedFootprints";
import { ANVIL_KEYS } from "../../script/lib/anvil";
import { FOOTPRINTS_FILE } from "../../script/seed";
import { APP_URL, RPC_URL } from "./browser";
import { deployment, publicClient } from "./helpers";

const EVIDENCE_DIR = process.env.E2E_EVIDENCE_DIR ?? "";
const OWNER = ANVIL_KEYS[5];
export const VERIFIER = ANVIL_KEYS[2];
// A tag in every name: other test files register models on the same chain.
export const TAG = `Board${Date.now() % 100_000}`;

export function sdk(key: Hex) {
  const walletClient = createWalletClient({
    account: privateKeyToAccount(key),
    chain: anvil,
    transport: http(RPC_URL),
  });
  return createGreenprintClient({ publicClient, walletClient, deployment: deployment() });
}

const store = () => new LocalDiskEvidenceStore(EVIDENCE_DIR);

/** Registers a named model (its metadata in the app's store, so the index knows its name). */
export async function register(name: string, parameterCount: bigint): Promise<bigint> {
  const bytes = new TextEncoder().encode(
    JSON.stringify({ name, organization: "Board Org", task: "text-generation", version: "1" }),
  );
  const sha = await store().put(bytes);
  const { result } = await sdk(OWNER).registerModel({
    metadataURI: `${APP_URL}/api/evidence/${sha}`,
    metadataHash: sha256(bytes),
    parameterCount,
  });
  return result.modelId;
}

let periodCursor = BigInt(Math.floor(Date.now() / 1000)) - 400n * 86_400n;

/** Submits a PRETRAINING ESTIMATE attestation with its evidence in the app's store. */
export async function submit(modelId: bigint, energyWh: bigint, locationIntensity: bigint): Promise<Hex> {
  const periodStart = periodCursor;
  const periodEnd = periodStart + 86_400n;
  periodCursor = periodEnd + 1n;
  const document = buildEvidenceDocument({
    model: { modelId },
    run: { ids: [`board-${modelId}-${periodStart}`] },
    kind: Kind.PRETRAINING,
    period: { start: periodStart, end: periodEnd },
    region: "US",
    hardware: [{ type: "GPU", model: "NVIDIA V100", count: 1000, tdpW: 300 }],
    method: Method.ESTIMATE,
    tool: "publication",
    toolVersion: "1",
    energyWh: { value: energyWh, source: "paper" },
    pueMilli: { value: 1100n, source: "paper" },
    locationIntensity: { value: locationIntensity, source: "paper" },
    renewableBps: { value: 0n, source: "none declared" },
  });
  const sha = await store().put(serializeEvidence(document));
  const { result } = await sdk(OWNER).submitAttestation({
    modelId,
    kind: Kind.PRETRAINING,
    method: Method.ESTIMATE,
    energyWh,
    pueMilli: 1100n,
    locationIntensity,
    renewableBps: 0n,
    acceleratorHours: 1000n,
    embodiedG: 0n,
    periodStart,
    periodEnd,
    region: "US",
    evidenceHash: evidenceHash(document),
    evidenceURI: `${APP_URL}/api/evidence/${sha}`,
  });
  return result.id;
}

/**
 * One published footprint of the demo data, registered and attested as the seed does (the seed's
 * own conversion, script/demo toDemoModel: parameter count, energy, training tokens as workUnits),
 * under a tagged name; left Submitted, so it is self-reported. The whole seed is not run here: it
 * would add 32 models and rename the verifier on the chain the other browser tests share.
 */
export async function attestDemo(model: string, name: string): Promise<bigint> {
  const entries = JSON.parse(readFileSync(FOOTPRINTS_FILE, "utf8")) as PublishedFootprint[];
  const entry = entries.find((e) => e.model === model);
  assert.ok(entry, `${model} in the demo data`);
  const demo = toDemoModel(entry);
  const a = demo.attestation;
  assert.ok(a && a.workUnits > 0n, `${model}: the demo attestation carries training tokens`);
  const bytes = new TextEncoder().encode(JSON.stringify({ ...demo.metadata, name }));
  const sha = await store().put(bytes);
  const { result: registered } = await sdk(OWNER).registerModel({
    metadataURI: `${APP_URL}/api/evidence/${sha}`,
    metadataHash: sha256(bytes),
    parameterCount: demo.parameterCount,
  });
  const source = `${entry.source} (self-reported from publications)`;
  const document = buildEvidenceDocument({
    model: { modelId: registered.modelId },
    run: { ids: [`board-demo-${registered.modelId}`] },
    kind: a.kind,
    period: { start: a.periodStart, end: a.periodEnd },
    region: a.region,
    hardware: hardwareOf(entry),
    method: a.method,
    tool: "publication",
    energyWh: { value: a.energyWh, source },
    pueMilli: { value: BigInt(a.pueMilli), source },
    locationIntensity: { value: BigInt(a.locationIntensity), source },
    renewableBps: { value: 0n, source: "not published" },
    workUnits: { value: a.workUnits, source: a.workUnitsSource ?? source },
  });
  const evidenceSha = await store().put(serializeEvidence(document));
  await sdk(OWNER).submitAttestation({
    modelId: registered.modelId,
    kind: a.kind,
    method: a.method,
    energyWh: a.energyWh,
    pueMilli: BigInt(a.pueMilli),
    locationIntensity: BigInt(a.locationIntensity),
    renewableBps: 0n,
    acceleratorHours: a.acceleratorHours,
    workUnits: a.workUnits,
    embodiedG: a.embodiedG,
    periodStart: a.periodStart,
    periodEnd: a.periodEnd,
    region: a.region,
    evidenceHash: evidenceHash(document),
    evidenceURI: `${APP_URL}/api/evidence/${evidenceSha}`,
  });
  return registered.modelId;
}

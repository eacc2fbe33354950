// Every CodeCarbon fixture and model card through the CLI's attest path (`--dry-run --json`,
// simulated on anvil): the attestation fields equal the importers' expected figures.
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { type Hex, sha256, toHex } from "viem";
import { type AttestationStruct, attestationId } from "../../lib/eip712";
import { Kind, Method } from "../../lib/spec";
import { decodeRegion } from "../../lib/validation";
import { startTestChain, type TestChain } from "../sdk/chain";
import { cliInProcess as run } from "./run";

const FIXTURES = path.resolve("..", "shared", "fixtures");

/** From test/lib/importers/codecarbonFixtures.test.ts (computed independently in Python). */
const CSV: Record<
  string,
  [energyWh: bigint, intensity: number, start: bigint, end: bigint, accH: bigint, pue: number, region: string]
> = {
  "06202003__s-sparc.csv": [3879n, 676, 1763856653n, 1764618075n, 13n, 1043, "ID"],
  "Abir9288__green-ai-energy-efficient-ml.csv": [4n, 691, 1767474405n, 1767474448n, 0n, 1000, "BD"],
  "Adiba08__GreeNERE.csv": [35n, 210, 1638390722n, 1638488719n, 0n, 1000, "US-NY"],
  "AlessandraParziale__SATD-empirical-comparison.csv": [
    78n,
    331,
    1770889509n,
    1770891156n,
    0n,
    1000,
    "IT-72",
  ],
  "Ambroise012__EnergyTracker.csv": [79n, 2, 1717066910n, 1717069392n, 0n, 1000, "CA-QC"],
  "ArkNightmaster__AIRA.csv": [4795n, 674, 1748566197n, 1760720463n, 9n, 1000, "HK"],
  "AzimovS__auto-scalers-energy-consumption.csv": [26n, 341, 1702416459n, 1702418452n, 0n, 1000, "IT-67"],
  "Dodoboulistick__datachallenge-django.csv": [28n, 55, 1670095428n, 1670169698n, 1n, 1000, "FR"],
  "FNNDSC__pypx-repack-codecarbon-datalad.csv": [1455n, 373, 1690169105n, 1690186876n, 4n, 1000, "US-MA"],
  "huggingface__peft.csv": [1n, 566, 1690825402n, 1698666514n, 0n, 1000, "US-IA"],
};

/** From test/lib/importers/modelCard.test.ts: grams, kind, country; energy derived at 400 gCO2e/kWh. */
const CARDS: Record<
  string,
  { grams: bigint; kind: Kind; region: string; flags: string[]; warning?: RegExp }
> = {
  "Wenxin-Jiang__CS577-NLP.yaml": {
    grams: 583n,
    kind: Kind.FINETUNING,
    region: "US",
    flags: ["--kind", "finetuning", "--region", "US"],
  },
  "Nkluge-correa__Aira.yaml": { grams: 1710n, kind: Kind.FINETUNING, region: "SG", flags: [] },
  "Nkluge-correa__TeenyTinyLlama.yaml": {
    grams: 5n,
    kind: Kind.PRETRAINING,
    region: "DE",
    flags: [],
    warning: /kilograms|kg/i,
  },
  "gonzalo-cordova-pou__TextMood.yaml": {
    grams: 1n,
    kind: Kind.PRETRAINING,
    region: "ES",
    flags: ["--region", "ES"],
  },
  "huggingface__hub-docs.yaml": {
    grams: 123n,
    kind: Kind.PRETRAINING,
    region: "US",
    flags: ["--region", "US"],
  },
};

let t: TestChain;

function struct(json: { result: { attestation: Record<string, unknown> } }): AttestationStruct {
  const a = json.result.attestation;
  return {
    ...(a as unknown as AttestationStruct),
    modelId: BigInt(a.modelId as string),
    energyWh: BigInt(a.energyWh as string),
    acceleratorHours: BigInt(a.acceleratorHours as string),
    embodiedG: BigInt(a.embodiedG as string),
    periodStart: BigInt(a.periodStart as string),
    periodEnd: BigInt(a.periodEnd as string),
  };
}

describe("fixtures through `greenprint attest --dry-run --json`", { timeout: 150_000 }, () => {
  const models: bigint[] = [];
  before(async () => {
    t = await startTestChain();
    for (let i = 0; i < Object.keys(CSV).length + Object.keys(CARDS).length; i++) {
      const r = await t.owner.registerModel({
        metadataURI: "x",
        metadataHash: sha256(toHex(`m${i}`)),
        parameterCount: 1n,
      });
      models.push(r.result.modelId);
    }
  });
  after(async () => {
    await t?.stop();
  });

  const base = () => ["--deployment", t.deploymentPath, "--dry-run", "--json", "--from", t.addr.owner];

  Object.entries(CSV).forEach(([file, [energyWh, intensity, start, end, accH, pue, region]], i) => {
    it(`CodeCarbon ${file}: ${energyWh} Wh at ${intensity} g/kWh in ${region}`, async () => {
      const r = await run(
        [
          "attest",
          "--model",
          String(models[i]),
          "--kind",
          "pretraining",
          "--codecarbon",
          path.join(FIXTURES, "codecarbon", file),
          ...base(),
        ],
        { GREENPRINT_RPC_URL: t.rpcUrl },
      );
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.json.dryRun, true);
      assert.equal(r.json.function, "submit");
      const a = struct(r.json);
      assert.equal(a.energyWh, energyWh);
      assert.equal(a.locationIntensity, intensity);
      assert.equal(a.periodStart, start);
      assert.equal(a.periodEnd, end);
      assert.equal(a.acceleratorHours, accH);
      assert.equal(a.pueMilli, pue);
      assert.equal(decodeRegion(a.region as Hex), region);
      assert.equal(a.method, Method.SOFTWARE);
      assert.equal(a.kind, Kind.PRETRAINING);
      assert.notEqual(a.rowsRoot, `0x${"00".repeat(32)}`);
      assert.equal(r.json.result.id, attestationId(a), "the simulated id is the EIP-712 struct hash");
      assert.ok(BigInt(r.json.gasEstimate) > 21_000n);
    });
  });

  Object.entries(CARDS).forEach(([file, x], k) => {
    it(`model card ${file}: ${x.grams} g → ${(x.grams * 1000n) / 400n} Wh at 400 g/kWh`, async () => {
      const i = Object.keys(CSV).length + k;
      const r = await run(
        [
          "attest",
          "--model",
          String(models[i]),
          "--model-card",
          path.join(FIXTURES, "model-cards", file),
          "--intensity",
          "400",
          "--start",
          "2024-01-01T00:00:00Z",
          "--end",
          "2024-01-02T00:00:00Z",
          ...x.flags,
          ...base(),
        ],
        { GREENPRINT_RPC_URL: t.rpcUrl },
      );
      assert.equal(r.code, 0, r.stderr);
      const a = struct(r.json);
      assert.equal(a.energyWh, (x.grams * 1000n) / 400n);
      assert.equal(a.kind, x.kind);
      assert.equal(decodeRegion(a.region as Hex), x.region);
      assert.equal(a.method, Method.ESTIMATE);
      assert.equal(a.locationIntensity, 400);
      if (x.warning) assert.match(r.stderr, x.warning);
    });
  });
});

// lib/formulas equals the contracts on fuzzed inputs: computeReward (eth_call, no transactions)
// under several parameter sets, and the emissions figures the registry emits on submission.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sha256, toHex } from "viem";
import { attestationReward, locationEmissionsG, marketEmissionsG } from "../../lib/formulas";
import { DEFAULT_PARAMS, Kind, type Method, type ProtocolParams } from "../../lib/spec";
import { startTestChain, type TestChain } from "./chain";

let t: TestChain;

/** Deterministic PRNG (mulberry32) so a failure can be replayed. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
const SEED = 20261122;

function randomInput(r: () => number) {
  const pick = r();
  // mix small, typical and huge energies (uint64 range) to hit rounding and the cap
  const energyWh =
    pick < 0.3
      ? BigInt(Math.floor(r() * 5000))
      : pick < 0.8
        ? BigInt(Math.floor(r() * 1e12))
        : BigInt(Math.floor(r() * 2 ** 53)) * BigInt(Math.floor(r() * 2048) + 1);
  const edge = r();
  return {
    energyWh: energyWh > 2n ** 64n - 1n ? 2n ** 64n - 1n : energyWh,
    locationIntensity: edge < 0.1 ? 475n : BigInt(Math.floor(r() * 2001)),
    renewableBps: edge > 0.9 ? 10_000n : edge > 0.8 ? 0n : BigInt(Math.floor(r() * 10_001)),
    method: Math.floor(r() * 3) as Method,
  };
}

describe("formulas equal the contracts", { timeout: 90_000 }, () => {
  before(async () => {
    t = await startTestChain();
  });
  after(async () => {
    await t?.stop();
  });

  async function compare(params: ProtocolParams, n: number, seed: number) {
    const r = rng(seed);
    const inputs = Array.from({ length: n }, () => randomInput(r));
    const onChain = await Promise.all(inputs.map((i) => t.admin.computeReward(i)));
    inputs.forEach((input, k) => {
      assert.equal(
        attestationReward(input, params),
        onChain[k],
        `seed ${seed} #${k}: ${JSON.stringify(input, (_, v) => (typeof v === "bigint" ? v.toString() : v))}`,
      );
    });
  }

  it("computeReward on 200 random inputs under the default parameters", async () => {
    const p = await t.admin.getParams();
    assert.equal(BigInt(p.baselineIntensity), DEFAULT_PARAMS.baselineIntensity);
    await compare(DEFAULT_PARAMS, 200, SEED);
  });

  it("computeReward on 100 random inputs under changed parameters", async () => {
    await t.admin.setBaselineIntensity({ value: 800 });
    await t.admin.setMethodBps({ method: 1, bps: 3333 });
    await t.admin.setMethodBps({ method: 2, bps: 777 });
    await t.admin.setMaxRewardPerAttestation({ wei: 10n ** 21n });
    const params: ProtocolParams = {
      ...DEFAULT_PARAMS,
      baselineIntensity: 800n,
      methodBps: { 0: 10_000n, 1: 3333n, 2: 777n },
      maxRewardPerAttestation: 10n ** 21n,
    };
    await compare(params, 100, SEED + 1);
  });

  it("emitted location, market and total emissions on 20 random submissions", async () => {
    const { result } = await t.owner.registerModel({
      metadataURI: "ipfs://m",
      metadataHash: sha256(toHex("m")),
      parameterCount: 1n,
    });
    const r = rng(SEED + 2);
    let start = (await t.owner.chainNow()) - 1_000_000n;
    for (let k = 0; k < 20; k++) {
      const i = randomInput(r);
      const energyWh = i.energyWh === 0n ? 1n : i.energyWh;
      const embodiedG = BigInt(Math.floor(r() * 1e9));
      const sub = await t.owner.submitAttestation({
        modelId: result.modelId,
        kind: Kind.INFERENCE,
        method: i.method,
        energyWh,
        pueMilli: 1000n + BigInt(Math.floor(r() * 4001)),
        locationIntensity: i.locationIntensity,
        renewableBps: i.renewableBps,
        acceleratorHours: 0n,
        embodiedG,
        periodStart: start,
        periodEnd: start + 100n,
        region: "US-CA",
        evidenceHash: sha256(toHex(`e${k}`)),
        evidenceURI: "x",
      });
      start += 100n;
      const loc = locationEmissionsG(energyWh, i.locationIntensity);
      assert.equal(sub.result.locationEmissionsG, loc);
      assert.equal(
        sub.result.marketEmissionsG,
        marketEmissionsG(energyWh, i.locationIntensity, i.renewableBps),
      );
      assert.equal(sub.result.totalG, loc + embodiedG);
    }
  });
});

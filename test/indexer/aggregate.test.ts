// Unit: the aggregate arithmetic the handlers and the API share (indexer/src/lib/aggregate.ts).
// addSums and subtractSums walk one field list; each field and both tallies must come out as if
// the attestations had been counted one by one, and a set removed again leaves no trace.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  addSums,
  applyContribution,
  type Contribution,
  emptySums,
  type Sums,
  storedSums,
  subtractSums,
} from "../../indexer/src/lib/aggregate";

function attestation(n: bigint, verifier: string | null, region: string, method: number): Contribution {
  return {
    energyWh: 1000n * n,
    locationG: 300n * n,
    marketG: 200n * n,
    locationIntensity: 300n + n,
    renewableBps: 1000n * n,
    embodiedG: 7n * n,
    method,
    verifier,
    region,
    leafWei: 11n * n,
    workUnits: n % 2n === 0n ? 0n : 5n * n,
  };
}

const counted = (list: Contribution[]): Sums =>
  list.reduce((sums, c) => applyContribution(sums, c, 1), emptySums());

const one = attestation(1n, "0xAA", "DE-BY", 0);
const two = attestation(2n, "0xbb", "FR", 1);
const three = attestation(3n, "0xaa", "DE-BY", 2);
const four = attestation(4n, null, "US-CA", 2);

describe("aggregate sums", () => {
  it("addSums equals counting both sets one attestation at a time", () => {
    assert.deepEqual(addSums(counted([one, two]), counted([three, four])), counted([one, two, three, four]));
    assert.deepEqual(addSums(emptySums(), counted([two])), counted([two]));
  });

  it("subtractSums removes a subset field by field and drops tallies that reach zero", () => {
    const all = counted([one, two, three, four]);
    const rest = subtractSums(all, counted([two, three]));
    assert.deepEqual(rest, counted([one, four]));
    // 0xbb verified only `two`, FR only holds `two`: both keys are gone, not left at 0.
    assert.deepEqual(rest.verifiers, { "0xaa": 1 });
    assert.deepEqual(rest.regions, { "DE-BY": 1, "US-CA": 1 });
    assert.deepEqual(subtractSums(all, all), emptySums());
  });

  it("storedSums reads a stored aggregate row (tallies as JSON text) back into the same sums", () => {
    const sums = counted([one, two, three]);
    const row = { ...sums, verifiers: JSON.stringify(sums.verifiers), regions: JSON.stringify(sums.regions) };
    assert.deepEqual(storedSums(row), sums);
  });
});

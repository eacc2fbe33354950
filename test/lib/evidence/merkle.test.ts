import { type Hex, keccak256, toBytes } from "viem";
import { describe, expect, it } from "vitest";
import {
  EMPTY_ROOT,
  hashPair,
  merkleProof,
  merkleRoot,
  rowLeaf,
  rowProof,
  rowsRoot,
  verifyMerkleProof,
} from "../../../lib/evidence/merkle";

const rows = [0, 1, 2, 3, 4].map((i) => ({ i: String(i), energy_consumed: `0.00${i}` }));

/**
 * Leaves, root and proofs of the five rows above. Cross-checked once against
 * OpenZeppelin 5.7 `MerkleProof.verify` in a forge test (each leaf rebuilt in Solidity
 * as keccak256(bytes.concat(keccak256(bytes('{"energy_consumed":"0.000","i":"0"}'))))
 * and every proof accepted), then copied here.
 */
const OZ = {
  leaves: [
    "0x91a627c54c6902f17d236732f93a0073c250f2d7b38baf7f6b17c29be02fdff7",
    "0x8eddebe127b20ba1b05925f7c49f16693192c7b9396b744d2671d81829b86476",
    "0x491fa3e3836d50c5beb8bf849f1e1f47230d9c7e911d0f488a0a8dafd1ca196a",
    "0xf40a8b3592546b989914bb2a90e7bca5651a4e37e65798ba416e67bb527990d9",
    "0xe512f76a7c4a34403efc46f2de0e9c497feaedf25de8a372378405819453f03b",
  ] as Hex[],
  root: "0xb4cf1fa90f8b1cb03b85d7cd8c7273f7f9f7efffe7a2a67fa5e9f476cfb0abb9" as Hex,
  proofs: [
    [
      "0x8eddebe127b20ba1b05925f7c49f16693192c7b9396b744d2671d81829b86476",
      "0x872ea7685d4e80f8c6cbedec58635fcd16c9e54652796b0959171ffa5b548b83",
      "0xe512f76a7c4a34403efc46f2de0e9c497feaedf25de8a372378405819453f03b",
    ],
    [
      "0x91a627c54c6902f17d236732f93a0073c250f2d7b38baf7f6b17c29be02fdff7",
      "0x872ea7685d4e80f8c6cbedec58635fcd16c9e54652796b0959171ffa5b548b83",
      "0xe512f76a7c4a34403efc46f2de0e9c497feaedf25de8a372378405819453f03b",
    ],
    [
      "0xf40a8b3592546b989914bb2a90e7bca5651a4e37e65798ba416e67bb527990d9",
      "0xbfee6ebca7205225dd0563d0d11354c1a57abeccf4a6d7584bb3f06fd8373bf6",
      "0xe512f76a7c4a34403efc46f2de0e9c497feaedf25de8a372378405819453f03b",
    ],
    [
      "0x491fa3e3836d50c5beb8bf849f1e1f47230d9c7e911d0f488a0a8dafd1ca196a",
      "0xbfee6ebca7205225dd0563d0d11354c1a57abeccf4a6d7584bb3f06fd8373bf6",
      "0xe512f76a7c4a34403efc46f2de0e9c497feaedf25de8a372378405819453f03b",
    ],
    ["0xedbbf3f81aa90137c7ee95dfa5e083426e8efa784b4c18603dcd78ff6885e2d4"],
  ] as Hex[][],
};

describe("Merkle rows root (OpenZeppelin MerkleProof compatible)", () => {
  it("leaf is the double keccak of the JCS row", () => {
    const jcs = '{"energy_consumed":"0.000","i":"0"}';
    expect(rowLeaf(rows[0] as (typeof rows)[0])).toBe(keccak256(keccak256(toBytes(jcs))));
    expect(rows.map(rowLeaf)).toEqual(OZ.leaves);
  });

  it("root and proofs match the OpenZeppelin-verified values (5 leaves: odd node promoted)", () => {
    expect(rowsRoot(rows)).toBe(OZ.root);
    for (let i = 0; i < rows.length; i++) {
      expect(merkleProof(OZ.leaves, i)).toEqual(OZ.proofs[i]);
      expect(verifyMerkleProof(OZ.proofs[i] as Hex[], OZ.root, OZ.leaves[i] as Hex)).toBe(true);
    }
    // the promoted fifth leaf needs only one sibling: the root of the first four
    expect(OZ.proofs[4]?.length).toBe(1);
  });

  it("pair hashing is commutative", () => {
    const [a, b] = OZ.leaves as [Hex, Hex];
    expect(hashPair(a, b)).toBe(hashPair(b, a));
  });

  it("rejects a wrong leaf, a tampered row and a wrong proof", () => {
    const { leaf, proof } = rowProof(rows, 2);
    expect(verifyMerkleProof(proof, OZ.root, leaf)).toBe(true);
    const tampered = rowLeaf({ i: "2", energy_consumed: "0.0020" });
    expect(verifyMerkleProof(proof, OZ.root, tampered)).toBe(false);
    expect(verifyMerkleProof(OZ.proofs[0] as Hex[], OZ.root, leaf)).toBe(false);
  });

  it("edge sizes: empty set, one row, two rows", () => {
    expect(merkleRoot([])).toBe(EMPTY_ROOT);
    expect(rowsRoot([rows[0] as (typeof rows)[0]])).toBe(OZ.leaves[0]);
    expect(merkleProof([OZ.leaves[0] as Hex], 0)).toEqual([]);
    expect(merkleRoot(OZ.leaves.slice(0, 2))).toBe(hashPair(OZ.leaves[0] as Hex, OZ.leaves[1] as Hex));
    expect(() => merkleProof(OZ.leaves, 5)).toThrow(RangeError);
  });

  it("every proof verifies in larger trees", () => {
    for (const n of [3, 6, 7, 9, 16]) {
      const many = Array.from({ length: n }, (_, i) => ({ n: i }));
      const leaves = many.map(rowLeaf);
      const root = merkleRoot(leaves);
      for (let i = 0; i < n; i++)
        expect(verifyMerkleProof(merkleProof(leaves, i), root, leaves[i] as Hex)).toBe(true);
    }
  });
});

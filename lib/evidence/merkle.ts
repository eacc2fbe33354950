/**
 * Merkle tree over evidence rows, verifiable on chain with OpenZeppelin
 * `MerkleProof.verify(proof, root, leaf)`:
 * - leaf = keccak256(bytes.concat(keccak256(JCS-canonical UTF-8 bytes of the row))).
 *   Hashing twice keeps a leaf from ever equalling an inner node (second-preimage
 *   defence, as OpenZeppelin's StandardMerkleTree does).
 * - inner node = keccak256 of the two children sorted ascending (commutative, which is
 *   what `MerkleProof` assumes, so proofs need no left/right flags).
 * - an odd node at the end of a level is promoted unchanged to the next level.
 * Leaves stay in row order, so leaf i is row i.
 */
import { concat, type Hex, keccak256, zeroHash } from "viem";
import { canonicalBytes, type JsonValue } from "./jcs";

/** Root of an empty row set: the SPEC's "no rowsRoot" value. */
export const EMPTY_ROOT: Hex = zeroHash;

/** Leaf hash of one row. */
export function rowLeaf(row: JsonValue): Hex {
  return keccak256(keccak256(canonicalBytes(row)));
}

/** OpenZeppelin `Hashes.commutativeKeccak256`: hash of the sorted pair. */
export function hashPair(a: Hex, b: Hex): Hex {
  return BigInt(a) < BigInt(b) ? keccak256(concat([a, b])) : keccak256(concat([b, a]));
}

function nextLevel(level: Hex[]): Hex[] {
  const next: Hex[] = [];
  for (let i = 0; i < level.length; i += 2) {
    const a = level[i] as Hex;
    const b = level[i + 1];
    next.push(b === undefined ? a : hashPair(a, b));
  }
  return next;
}

/** Merkle root of leaf hashes ({@link EMPTY_ROOT} for none; the leaf itself for one). */
export function merkleRoot(leaves: ReadonlyArray<Hex>): Hex {
  if (leaves.length === 0) return EMPTY_ROOT;
  let level = [...leaves];
  while (level.length > 1) level = nextLevel(level);
  return level[0] as Hex;
}

/** Proof (sibling hashes, bottom up) that leaf `index` is in the tree of `leaves`. */
export function merkleProof(leaves: ReadonlyArray<Hex>, index: number): Hex[] {
  if (!Number.isInteger(index) || index < 0 || index >= leaves.length) {
    throw new RangeError(`leaf index ${index} is outside 0..${leaves.length - 1}`);
  }
  const proof: Hex[] = [];
  let level = [...leaves];
  let i = index;
  while (level.length > 1) {
    const sibling = level[i ^ 1];
    if (sibling !== undefined) proof.push(sibling); // a promoted odd node has no sibling
    level = nextLevel(level);
    i >>= 1;
  }
  return proof;
}

/** Same check as OpenZeppelin `MerkleProof.verify`. */
export function verifyMerkleProof(proof: ReadonlyArray<Hex>, root: Hex, leaf: Hex): boolean {
  let h = leaf;
  for (const p of proof) h = hashPair(h, p);
  return h.toLowerCase() === root.toLowerCase();
}

/** Merkle root of rows (the attestation's `rowsRoot`). */
export function rowsRoot(rows: ReadonlyArray<JsonValue>): Hex {
  return merkleRoot(rows.map(rowLeaf));
}

/** Leaf and proof of row `index`, ready for a challenge transaction. */
export function rowProof(rows: ReadonlyArray<JsonValue>, index: number): { leaf: Hex; proof: Hex[] } {
  const leaves = rows.map(rowLeaf);
  return { leaf: leaves[index] as Hex, proof: merkleProof(leaves, index) };
}

// Node-only (used by the app server, the seed script and the CLI), never bundled for browsers.
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";

/** Largest document the store accepts (a CodeCarbon CSV of a long run fits many times). */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

/**
 * A content-addressed store: a document's address is the SHA-256 of its bytes, so whoever
 * fetches it can re-hash and compare with the on-chain evidenceHash. Deployments can put an
 * IPFS or object-storage implementation behind the same interface.
 */
export interface EvidenceStore {
  /** Stores bytes and returns their SHA-256 as 64 lower-case hex characters. */
  put(bytes: Uint8Array): Promise<string>;
  /** The bytes stored under a SHA-256, or null. */
  get(sha256Hex: string): Promise<Uint8Array | null>;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Keeps each document in a file named by its hash, under EVIDENCE_DIR (default .data/evidence). */
export class LocalDiskEvidenceStore implements EvidenceStore {
  constructor(private readonly dir: string) {}

  async put(bytes: Uint8Array): Promise<string> {
    if (bytes.byteLength > MAX_EVIDENCE_BYTES) {
      throw new Error(`Evidence is ${bytes.byteLength} bytes; the limit is ${MAX_EVIDENCE_BYTES} bytes.`);
    }
    const hash = sha256Hex(bytes);
    await mkdir(this.dir, { recursive: true });
    // Write then rename, so a reader never sees a half-written file under a valid hash.
    const temporary = path.join(this.dir, `.${hash}.${process.pid}.tmp`);
    await writeFile(temporary, bytes);
    await rename(temporary, path.join(this.dir, hash));
    return hash;
  }

  async get(sha256Hex: string): Promise<Uint8Array | null> {
    if (!SHA256_HEX.test(sha256Hex)) return null;
    try {
      return new Uint8Array(await readFile(path.join(this.dir, sha256Hex)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }
}

let store: EvidenceStore | undefined;

/** The store this deployment uses. */
export function evidenceStore(): EvidenceStore {
  store ??= new LocalDiskEvidenceStore(
    process.env.EVIDENCE_DIR ?? path.join(process.cwd(), ".data", "evidence"),
  );
  return store;
}

// Ethereum V3 keystores (the JSON geth, Foundry's `cast wallet` and MetaMask export):
// scrypt or pbkdf2 key derivation, AES-128-CTR, keccak-256 MAC. Node-only.
import {
  createCipheriv,
  createDecipheriv,
  pbkdf2Sync,
  randomBytes,
  randomUUID,
  scryptSync,
} from "node:crypto";
import { bytesToHex, type Hex, hexToBytes, keccak256 } from "viem";
import { privateKeyToAddress } from "viem/accounts";

/** Raised for unreadable keystores and wrong passwords. */
export class KeystoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KeystoreError";
  }
}

interface V3Keystore {
  version: 3;
  id?: string;
  address?: string;
  crypto: {
    cipher: string;
    ciphertext: string;
    cipherparams: { iv: string };
    kdf: "scrypt" | "pbkdf2";
    kdfparams: {
      dklen: number;
      salt: string;
      n?: number;
      r?: number;
      p?: number;
      c?: number;
      prf?: string;
    };
    mac: string;
  };
}

function deriveKey(password: string, c: V3Keystore["crypto"]): Buffer {
  const k = c.kdfparams;
  const salt = Buffer.from(k.salt, "hex");
  if (c.kdf === "scrypt") {
    const n = k.n ?? 0;
    const r = k.r ?? 8;
    const p = k.p ?? 1;
    // a limit, not an allocation: OpenSSL needs about 128·r·(N + p + 2) bytes
    const maxmem = 2 * 128 * r * (n + p + 2) + 64 * 1024 * 1024;
    if (r < 16 && n >= 2 ** (16 * r)) {
      // RFC 7914 requires N < 2^(128·r/8); OpenSSL (Node's scrypt) enforces it
      throw new KeystoreError(
        `scrypt parameters n=${n}, r=${r} break RFC 7914 (N < 2^(16·r)); re-encrypt the key`,
      );
    }
    return scryptSync(password.normalize("NFKC"), salt, k.dklen, { N: n, r, p, maxmem });
  }
  if (c.kdf === "pbkdf2") {
    if (k.prf !== "hmac-sha256") throw new KeystoreError(`unsupported pbkdf2 prf ${k.prf}`);
    return pbkdf2Sync(password.normalize("NFKC"), salt, k.c ?? 0, k.dklen, "sha256");
  }
  throw new KeystoreError(`unsupported key derivation "${String(c.kdf)}" (scrypt and pbkdf2 are)`);
}

/**
 * Decrypts a V3 keystore's JSON text.
 * @throws KeystoreError when the JSON is not a V3 keystore or the password is wrong
 */
export function decryptKeystore(json: string, password: string): Hex {
  let ks: V3Keystore;
  try {
    ks = JSON.parse(json) as V3Keystore;
  } catch {
    throw new KeystoreError("the keystore is not JSON");
  }
  const c = ks?.crypto ?? (ks as unknown as { Crypto?: V3Keystore["crypto"] }).Crypto;
  if (ks?.version !== 3 || !c?.ciphertext || !c.kdfparams) {
    throw new KeystoreError("not an Ethereum V3 keystore (version 3 with crypto.ciphertext and kdfparams)");
  }
  if (c.cipher !== "aes-128-ctr")
    throw new KeystoreError(`unsupported cipher "${c.cipher}" (aes-128-ctr is)`);
  const key = deriveKey(password, c);
  const ciphertext = Buffer.from(c.ciphertext, "hex");
  const mac = keccak256(new Uint8Array(Buffer.concat([key.subarray(16, 32), ciphertext]))).slice(2);
  if (mac !== c.mac.toLowerCase().replace(/^0x/, "")) {
    throw new KeystoreError("wrong keystore password (MAC mismatch)");
  }
  const decipher = createDecipheriv(
    "aes-128-ctr",
    key.subarray(0, 16),
    Buffer.from(c.cipherparams.iv, "hex"),
  );
  const plain = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  return bytesToHex(new Uint8Array(plain));
}

/**
 * Encrypts a private key as a V3 keystore (scrypt). `light` uses n = 4096, p = 6 (geth's
 * --lightkdf) instead of n = 262144, p = 1.
 */
export function encryptKeystore(
  privateKey: Hex,
  password: string,
  options: { light?: boolean } = {},
): string {
  const n = options.light ? 4096 : 262144;
  const p = options.light ? 6 : 1;
  const r = 8;
  const salt = randomBytes(32);
  const iv = randomBytes(16);
  const crypto: V3Keystore["crypto"] = {
    cipher: "aes-128-ctr",
    ciphertext: "",
    cipherparams: { iv: iv.toString("hex") },
    kdf: "scrypt",
    kdfparams: { dklen: 32, salt: salt.toString("hex"), n, r, p },
    mac: "",
  };
  const key = deriveKey(password, crypto);
  const cipher = createCipheriv("aes-128-ctr", key.subarray(0, 16), iv);
  const ciphertext = Buffer.concat([cipher.update(Buffer.from(hexToBytes(privateKey))), cipher.final()]);
  crypto.ciphertext = ciphertext.toString("hex");
  crypto.mac = keccak256(new Uint8Array(Buffer.concat([key.subarray(16, 32), ciphertext]))).slice(2);
  const ks: V3Keystore = {
    version: 3,
    id: randomUUID(),
    address: privateKeyToAddress(privateKey).slice(2).toLowerCase(),
    crypto,
  };
  return `${JSON.stringify(ks, null, 2)}\n`;
}

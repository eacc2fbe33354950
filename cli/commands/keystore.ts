// `keystore create`: encrypts GREENPRINT_PRIVATE_KEY into a V3 keystore file.
import { existsSync, writeFileSync } from "node:fs";
import { privateKeyToAddress } from "viem/accounts";
import { loadPrivateKey, requireStr } from "../context";
import { encryptKeystore } from "../keystore";
import { keyError, usageError } from "../output";
import type { Command } from "./types";

export const keystoreCreate: Command = {
  name: "keystore create",
  summary: "encrypt GREENPRINT_PRIVATE_KEY into a V3 keystore file",
  usage: "--out FILE [--light]",
  help: [
    "Reads the key from GREENPRINT_PRIVATE_KEY and the password from GREENPRINT_KEYSTORE_PASSWORD",
    "or a prompt. --light uses scrypt n=4096 (fast, weaker) instead of n=262144.",
  ],
  options: { out: { type: "string" }, light: { type: "boolean" } },
  async run(ctx) {
    const out = requireStr(ctx.values, "out", "the keystore file to write");
    if (existsSync(out)) throw usageError(`${out} exists; refusing to overwrite a keystore.`);
    const raw = process.env.GREENPRINT_PRIVATE_KEY?.trim();
    if (!raw) throw keyError("Set GREENPRINT_PRIVATE_KEY to the key to encrypt.");
    const key = await loadPrivateKey({ keystore: undefined, "private-key-only": true });
    if (!key) throw keyError("Set GREENPRINT_PRIVATE_KEY to the key to encrypt.");
    const password = process.env.GREENPRINT_KEYSTORE_PASSWORD;
    if (!password) throw keyError("Set GREENPRINT_KEYSTORE_PASSWORD to the password to encrypt with.");
    writeFileSync(out, encryptKeystore(key, password, { light: ctx.values.light === true }), { mode: 0o600 });
    const address = privateKeyToAddress(key);
    ctx.out.result({ keystore: out, address }, `✓ Keystore for ${address} written to ${out}`);
  },
};

// V3 keystores: the Web3 Secret Storage test vectors (pbkdf2 and scrypt) and a round trip.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decryptKeystore, encryptKeystore, KeystoreError } from "../../cli/keystore";

const KEY = "0x7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d";

const PBKDF2 = {
  crypto: {
    cipher: "aes-128-ctr",
    cipherparams: { iv: "6087dab2f9fdbbfaddc31a909735c1e6" },
    ciphertext: "5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46",
    kdf: "pbkdf2",
    kdfparams: {
      c: 262144,
      dklen: 32,
      prf: "hmac-sha256",
      salt: "ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd",
    },
    mac: "517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2",
  },
  id: "3198bc9c-6672-5ab3-d995-4942343ae5b6",
  version: 3,
};

const SCRYPT = {
  crypto: {
    cipher: "aes-128-ctr",
    cipherparams: { iv: "83dbcc02d8ccb40e466191a123791e0e" },
    ciphertext: "d172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c",
    kdf: "scrypt",
    kdfparams: {
      dklen: 32,
      n: 262144,
      p: 8,
      r: 1,
      salt: "ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19",
    },
    mac: "2103ac29920d71da29f15d75b4a16dbe95cfd7ff8faea1056c33131d846e3097",
  },
  id: "3198bc9c-6672-5ab3-d995-4942343ae5b6",
  version: 3,
};

describe("V3 keystores", () => {
  it("decrypts the Web3 Secret Storage pbkdf2 test vector", () => {
    assert.equal(decryptKeystore(JSON.stringify(PBKDF2), "testpassword"), KEY);
  });

  it("decrypts scrypt keystores (geth's n = 262144, r = 8) and names parameters OpenSSL refuses", () => {
    const geth = encryptKeystore(KEY, "testpassword");
    assert.deepEqual(JSON.parse(geth).crypto.kdfparams.n, 262144);
    assert.equal(decryptKeystore(geth, "testpassword"), KEY);
    // the spec's scrypt vector uses r = 1 with N = 2^18, outside RFC 7914's N < 2^(16·r)
    assert.throws(() => decryptKeystore(JSON.stringify(SCRYPT), "testpassword"), /break RFC 7914/);
  });

  it("refuses a wrong password and a file that is not a keystore", () => {
    assert.throws(() => decryptKeystore(JSON.stringify(PBKDF2), "nope"), KeystoreError);
    assert.throws(() => decryptKeystore("{}", "x"), /not an Ethereum V3 keystore/);
    assert.throws(() => decryptKeystore("not json", "x"), /not JSON/);
  });

  it("round-trips what it encrypts", () => {
    const ks = encryptKeystore(KEY, "pw", { light: true });
    assert.equal(JSON.parse(ks).address, "008aeeda4d805471df9b2a5b0f38a0c3bcba786b");
    assert.equal(decryptKeystore(ks, "pw"), KEY);
  });
});

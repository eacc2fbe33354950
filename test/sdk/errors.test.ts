// Every custom error of every contract ABI has a plain-English sentence; samples read right.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  type Abi,
  type AbiParameter,
  BaseError,
  encodeErrorResult,
  HttpRequestError,
  UserRejectedRequestError,
} from "viem";
import { GreenprintConfigError, resolveAddresses } from "../../lib/client";
import { decodeRevertData, ERROR_SENTENCES, explainError } from "../../lib/errors";
import * as generated from "../../lib/generated/contracts";

const abis = Object.entries(generated).filter(([k]) => k.endsWith("Abi")) as [string, Abi][];

function sample(p: AbiParameter): unknown {
  if (p.type === "address") return "0x00000000000000000000000000000000000000aa";
  if (p.type === "bool") return true;
  if (p.type === "string") return "x";
  if (p.type.startsWith("bytes")) return `0x${"ab".repeat(Number(p.type.slice(5) || 32))}`;
  if (/^uint(8|16|32)$/.test(p.type)) return 3;
  if (p.type.startsWith("uint")) return 6000n;
  if (p.type.startsWith("int")) return -1n;
  throw new Error(`no sample for ${p.type}`);
}

describe("errors", () => {
  it("every error in every generated ABI has a sentence that uses its values", () => {
    let count = 0;
    for (const [name, abi] of abis) {
      for (const item of abi) {
        if (item.type !== "error") continue;
        count++;
        assert.ok(ERROR_SENTENCES[item.name], `${name}: ${item.name} has no sentence in lib/errors.ts`);
        const args = item.inputs.map(sample);
        const data = encodeErrorResult({ abi: [item], errorName: item.name, args } as never);
        const decoded = decodeRevertData(data);
        assert.equal(decoded?.name, item.name);
        const sentence = decoded?.message ?? "";
        assert.match(sentence, /^[A-Z].*[.!]$/, `${item.name}: "${sentence}" is not a sentence`);
        assert.doesNotMatch(sentence, /undefined|\[object/, `${item.name}: "${sentence}"`);
      }
    }
    assert.ok(count > 80, `only ${count} errors found`);
  });

  it("names the values", () => {
    const m = (name: string, args: unknown[]) => ERROR_SENTENCES[name]?.(args);
    assert.equal(m("AttestationRegistryPueOutOfRange", [6000]), "PUE 6.000 is outside 1.000–5.000.");
    assert.equal(
      m("AttestationRegistryIntensityOutOfRange", [2500]),
      "Grid intensity 2500 gCO2e/kWh is above the maximum of 2000 gCO2e/kWh.",
    );
    assert.equal(
      m("AttestationRegistryWrongBond", [0n, 100000000000000000n]),
      "A dispute needs a bond of exactly 0.1 ETH; 0 ETH was sent.",
    );
    assert.match(m("AttestationRegistryNotFinal", ["0x01", 2]) ?? "", /is Verified, not Final/);
  });

  it("explains wallet rejections, network failures and plain errors", () => {
    const rejected = new BaseError("wrapped", { cause: new UserRejectedRequestError(new Error("no")) });
    assert.equal(explainError(rejected), "You rejected the request in your wallet. Nothing was sent.");
    const down = new HttpRequestError({ url: "http://127.0.0.1:1", details: "fetch failed" });
    assert.match(explainError(down), /RPC endpoint http:\/\/127\.0\.0\.1:1 did not answer/);
    assert.equal(explainError(new Error("plain")), "plain");
    assert.equal(explainError("text"), "text");
  });

  it("a client without addresses names what is missing", () => {
    assert.throws(
      () => resolveAddresses({ deployment: { chainId: 5, contracts: {} } }),
      (e: unknown) =>
        e instanceof GreenprintConfigError &&
        /No address for ModelRegistry, AttestationRegistry, CertificateRegistry, EfficiencyBonus, LeafToken in the deployment for chain 5/.test(
          e.message,
        ),
    );
  });
});

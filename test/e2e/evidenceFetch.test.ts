// An attestation's evidenceURI is chosen by whoever submits it, and the attestation page fetches
// it when the document is not in the app's store: one pointing into the server's own network
// (cloud metadata, loopback) is refused with a sentence, never fetched.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { createWalletClient, type Hex, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { anvil } from "viem/chains";
import { createGreenprintClient } from "../../lib/client";
import { Kind, Method } from "../../lib/spec";
import { ANVIL_KEYS } from "../../script/lib/anvil";
import { APP_URL, RPC_URL } from "./browser";
import { deployment, publicClient, registerModel, untilIndexed } from "./helpers";

const OWNER: Hex = ANVIL_KEYS[4];

describe("evidence URIs into private networks", () => {
  const ids: Record<string, Hex> = {};

  before(async () => {
    const gp = createGreenprintClient({
      publicClient,
      walletClient: createWalletClient({
        account: privateKeyToAccount(OWNER),
        chain: anvil,
        transport: http(RPC_URL),
      }),
      deployment: deployment(),
    });
    const modelId = await registerModel(OWNER, "SSRF model");
    const start = BigInt(Math.floor(Date.now() / 1000)) - 40n * 86_400n;
    const uris = {
      metadata: "https://169.254.169.254/latest/meta-data/iam/security-credentials/",
      loopback: `https://127.0.0.1:${new URL(APP_URL).port}/api/evidence/x`,
      localhost: "https://localhost/evidence.json",
    };
    let n = 0n;
    for (const [name, uri] of Object.entries(uris)) {
      const periodStart = start + n++ * 7200n;
      const { result } = await gp.submitAttestation({
        modelId,
        kind: Kind.FINETUNING,
        method: Method.ESTIMATE,
        energyWh: 1_000n,
        pueMilli: 1100n,
        locationIntensity: 56n,
        renewableBps: 0n,
        acceleratorHours: 1n,
        embodiedG: 0n,
        periodStart,
        periodEnd: periodStart + 3600n,
        region: "FR",
        // A hash of nothing in the app's store (one per attestation: the registry refuses reuse),
        // so the page must go to the URI.
        evidenceHash: `0x${(0x5a00 + Number(n)).toString(16).repeat(16)}`,
        evidenceURI: uri,
      });
      ids[name] = result.id;
    }
    await untilIndexed();
  });

  const expected: Record<string, RegExp> = {
    metadata: /The evidence host 169\.254\.169\.254 is a link-local address; not fetched\./,
    loopback: /The evidence host 127\.0\.0\.1 is a loopback address; not fetched\./,
    localhost:
      /The evidence host localhost resolves to (127\.0\.0\.1|::1), a loopback address; not fetched\./,
  };
  for (const [name, sentence] of Object.entries(expected)) {
    it(`refuses the ${name} URI with a sentence on the attestation page`, async () => {
      const response = await fetch(`${APP_URL}/attestations/${ids[name]}`);
      assert.equal(response.status, 200);
      const html = (await response.text()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
      const verdict = /data-testid="evidence-verdict"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? "";
      assert.match(verdict.replace(/<!-- -->/g, ""), sentence, verdict);
    });
  }
});

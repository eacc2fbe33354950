// The verifier's side in a real browser: re-hash the evidence before any verdict, verify on
// chain, see a tampered document flagged, and sign a verdict that another account relays.
import assert from "node:assert/strict";
import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { createWalletClient, type Hex, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { anvil } from "viem/chains";
import { createGreenprintClient } from "../../lib/client";
import { buildEvidenceDocument, evidenceHash, serializeEvidence } from "../../lib/evidence/document";
import { Kind, Method, Status } from "../../lib/spec";
import { LocalDiskEvidenceStore } from "../../lib/store/evidenceStore";
import { ANVIL_KEYS } from "../../script/lib/anvil";
import { APP_URL, launchBrowser, RPC_URL, screenshot } from "./browser";
import { deployment, publicClient, registerModel, untilIndexed } from "./helpers";
import { TestWallet } from "./wallet";

const EVIDENCE_DIR = process.env.E2E_EVIDENCE_DIR ?? "";
const OWNER = ANVIL_KEYS[1];
const VERIFIER = ANVIL_KEYS[2];

function sdk(key: Hex) {
  const walletClient = createWalletClient({
    account: privateKeyToAccount(key),
    chain: anvil,
    transport: http(RPC_URL),
  });
  return createGreenprintClient({ publicClient, walletClient, deployment: deployment() });
}

/** Submits a SOFTWARE attestation with its evidence in the app's store; returns id and evidence file. */
async function submitWithEvidence(modelId: bigint, periodStart: bigint) {
  const periodEnd = periodStart + 3600n;
  const document = buildEvidenceDocument({
    model: { modelId },
    run: { ids: [`run-${periodStart}`] },
    kind: Kind.FINETUNING,
    period: { start: periodStart, end: periodEnd },
    region: "FR",
    hardware: [{ type: "GPU", model: "NVIDIA A100", count: 8, tdpW: 400 }],
    method: Method.SOFTWARE,
    tool: "CodeCarbon",
    toolVersion: "3.0.7",
    energyWh: { value: 25_000n, source: "CodeCarbon" },
    pueMilli: { value: 1100n, source: "operator" },
    locationIntensity: { value: 56n, source: "CodeCarbon" },
    renewableBps: { value: 0n, source: "none declared" },
  });
  const sha = await new LocalDiskEvidenceStore(EVIDENCE_DIR).put(serializeEvidence(document));
  const { result } = await sdk(OWNER).submitAttestation({
    modelId,
    kind: Kind.FINETUNING,
    method: Method.SOFTWARE,
    energyWh: 25_000n,
    pueMilli: 1100n,
    locationIntensity: 56n,
    renewableBps: 0n,
    acceleratorHours: 8n,
    embodiedG: 0n,
    periodStart,
    periodEnd,
    region: "FR",
    evidenceHash: evidenceHash(document),
    evidenceURI: `${APP_URL}/api/evidence/${sha}`,
  });
  return { id: result.id, file: path.join(EVIDENCE_DIR, sha) };
}

describe("verifier console", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let modelId: bigint;
  const start = BigInt(Math.floor(Date.now() / 1000)) - 30n * 86_400n;

  before(async () => {
    assert.ok(EVIDENCE_DIR && readdirSync(EVIDENCE_DIR), "the e2e runner provides the app's evidence folder");
    const admin = sdk(ANVIL_KEYS[0]);
    const verifier = privateKeyToAccount(VERIFIER).address;
    if (!(await admin.isVerifier(verifier))) {
      await admin.accreditVerifier({
        account: verifier,
        name: "E2E Verifier",
        uri: "https://example.org/e2e",
      });
    }
    modelId = await registerModel(OWNER, "Verifier console model");
    browser = await launchBrowser();
    context = await browser.newContext();
    await new TestWallet(VERIFIER, RPC_URL).install(context);
    page = await context.newPage();
    await page.goto(`${APP_URL}/verify`);
    await page.getByRole("button", { name: "Connect wallet" }).click();
    await page.getByRole("button", { name: "Greenprint Test Wallet" }).click();
    await page.getByTestId("connected-account").waitFor();
  });

  after(async () => {
    await browser?.close();
  });

  async function openItem(id: Hex) {
    await untilIndexed();
    // The model's own queue: other test files leave Submitted attestations on this chain too.
    await page.goto(`${APP_URL}/verify?model=${modelId}`);
    await page.getByTestId("verifier-status").waitFor();
    const item = page.getByTestId("queue-item").filter({ hasText: id.slice(0, 18) });
    await item.getByRole("button", { name: "Fetch and re-hash evidence" }).click();
    await item.getByTestId("evidence-check").waitFor();
    return item;
  }

  it("re-hashes matching evidence, then verifies on chain", async () => {
    const { id } = await submitWithEvidence(modelId, start);
    const item = await openItem(id);
    assert.match((await item.getByTestId("evidence-check").textContent()) ?? "", /Evidence matches/);
    assert.match(
      (await page.getByTestId("verifier-status").textContent()) ?? "",
      /is an accredited verifier/,
    );
    await screenshot(page, "verify-desktop");
    await item.getByRole("button", { name: "Verify", exact: true }).click();
    await item.getByTestId("tx-confirmed").waitFor({ timeout: 30_000 });
    assert.equal(await sdk(OWNER).effectiveStatus(id), Status.VERIFIED);
  });

  it("flags a tampered evidence file and refuses to verify it", async () => {
    const { id, file } = await submitWithEvidence(modelId, start + 86_400n);
    // The stored bytes change after submission: their hash no longer matches the chain's.
    writeFileSync(
      file,
      Buffer.from(JSON.stringify({ schema: "greenprint.evidence/v1", energyWh: { value: "1" } })),
    );
    const item = await openItem(id);
    assert.match((await item.getByTestId("evidence-check").textContent()) ?? "", /does not match/);
    assert.equal(await item.getByRole("button", { name: "Verify", exact: true }).isDisabled(), true);
  });

  it("signs a verdict that another account relays (gasless for the verifier)", async () => {
    const { id } = await submitWithEvidence(modelId, start + 2n * 86_400n);
    const item = await openItem(id);
    const verifierTxs = await publicClient.getTransactionCount({
      address: privateKeyToAccount(VERIFIER).address,
    });
    await item.getByRole("button", { name: "Sign approval (gasless)" }).click();
    const signed = await item.getByTestId("signed-verdict").inputValue();
    assert.match(signed, /"type": "Verdict"/);

    const relayer = await browser.newContext();
    await new TestWallet(ANVIL_KEYS[3], RPC_URL).install(relayer);
    const relayPage = await relayer.newPage();
    await relayPage.goto(`${APP_URL}/relay`);
    await relayPage.getByRole("button", { name: "Connect wallet" }).click();
    await relayPage.getByRole("button", { name: "Greenprint Test Wallet" }).click();
    // The wallet dialog is modal (the page behind it is inert) until the connection completes.
    await relayPage.getByTestId("connected-account").waitFor();
    await relayPage.fill("#signed", signed);
    await relayPage.getByTestId("relay-summary").waitFor();
    await relayPage.getByRole("button", { name: "Relay" }).click();
    await relayPage.getByTestId("tx-confirmed").waitFor({ timeout: 30_000 });
    await screenshot(relayPage, "relay-desktop");
    assert.equal(await sdk(OWNER).effectiveStatus(id), Status.VERIFIED);
    assert.equal(
      await publicClient.getTransactionCount({ address: privateKeyToAccount(VERIFIER).address }),
      verifierTxs,
      "the verifier sent no transaction",
    );
    await relayer.close();
  });
});

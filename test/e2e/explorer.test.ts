// The public explorer pages with JavaScript disabled and no wallet: an attestation submitted,
// verified, disputed and dismissed on the real chain shows its whole history with each
// transaction's hash and block, its verifier by registry name and its evidence re-hashed; a
// tampered evidence file is shown as a mismatch; addresses show what they did.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { createWalletClient, type Hex, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { anvil } from "viem/chains";
import { createGreenprintClient } from "../../lib/client";
import { buildEvidenceDocument, evidenceHash, serializeEvidence } from "../../lib/evidence/document";
import { Kind, Method } from "../../lib/spec";
import { LocalDiskEvidenceStore } from "../../lib/store/evidenceStore";
import { ANVIL_KEYS } from "../../script/lib/anvil";
import { APP_URL, launchBrowser, RPC_URL, screenshot } from "./browser";
import { deployment, publicClient, registerModel, untilIndexed } from "./helpers";

const EVIDENCE_DIR = process.env.E2E_EVIDENCE_DIR ?? "";
const ADMIN = ANVIL_KEYS[0]; // holds the arbiter role on the local deployment
const VERIFIER = ANVIL_KEYS[2];
const CHALLENGER = ANVIL_KEYS[3];
const OWNER = ANVIL_KEYS[4];

function sdk(key: Hex) {
  const walletClient = createWalletClient({
    account: privateKeyToAccount(key),
    chain: anvil,
    transport: http(RPC_URL),
  });
  return createGreenprintClient({ publicClient, walletClient, deployment: deployment() });
}

/** Submits a SOFTWARE fine-tuning attestation whose evidence (with CodeCarbon-like rows) is in the app's store. */
async function submit(modelId: bigint, periodStart: bigint) {
  const periodEnd = periodStart + 3600n;
  const document = buildEvidenceDocument({
    model: { modelId },
    run: { ids: [`explorer-run-${periodStart}`] },
    kind: Kind.FINETUNING,
    period: { start: periodStart, end: periodEnd },
    region: "FR",
    hardware: [{ type: "GPU", model: "NVIDIA A100-SXM4-80GB", count: 8, tdpW: 400 }],
    method: Method.SOFTWARE,
    tool: "CodeCarbon",
    toolVersion: "3.0.7",
    energyWh: { value: 25_000n, source: "CodeCarbon" },
    pueMilli: { value: 1100n, source: "operator" },
    locationIntensity: { value: 56n, source: "CodeCarbon" },
    renewableBps: { value: 0n, source: "none declared" },
    rows: {
      format: "codecarbon-emissions-csv",
      items: [
        {
          timestamp: "2025-03-11T08:30:00",
          cpu_energy: "1.5",
          gpu_energy: "9.25",
          ram_energy: "0.5",
          energy_consumed: "11.25",
        },
        {
          timestamp: "2025-03-11T09:00:00",
          cpu_energy: "1.5",
          gpu_energy: "9.25",
          ram_energy: "0.5",
          energy_consumed: "11.25",
        },
      ],
    },
  });
  const sha = await new LocalDiskEvidenceStore(EVIDENCE_DIR).put(serializeEvidence(document));
  const { result, hash } = await sdk(OWNER).submitAttestation({
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
    rowsRoot: document.rows?.root,
  });
  return { id: result.id, hash, file: path.join(EVIDENCE_DIR, sha) };
}

describe("explorer pages without JavaScript", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let modelId: bigint;
  let verifierName: string;
  /** The disputed-then-dismissed attestation and its transactions in order. */
  let journey: { id: Hex; txs: Hex[] };
  let tampered: Hex;
  const start = BigInt(Math.floor(Date.now() / 1000)) - 20n * 86_400n;

  before(async () => {
    assert.ok(EVIDENCE_DIR, "the e2e runner provides the app's evidence folder");
    const admin = sdk(ADMIN);
    const verifier = privateKeyToAccount(VERIFIER).address;
    if (!(await admin.isVerifier(verifier)))
      await admin.accreditVerifier({
        account: verifier,
        name: "E2E Verifier",
        uri: "https://example.org/e2e",
      });
    modelId = await registerModel(OWNER, "Explorer model");
    const first = await submit(modelId, start);
    const verified = await sdk(VERIFIER).verify({ id: first.id });
    const disputed = await sdk(CHALLENGER).dispute({ id: first.id, reasonURI: "https://example.org/why" });
    const dismissed = await sdk(ADMIN).dismissDispute({ id: first.id });
    journey = { id: first.id, txs: [first.hash, verified.hash, disputed.hash, dismissed.hash] };
    const second = await submit(modelId, start + 86_400n);
    // The stored bytes change after submission: their hash no longer matches the chain's.
    writeFileSync(
      second.file,
      JSON.stringify({ schema: "greenprint.evidence/v1", energyWh: { value: "1" } }),
    );
    tampered = second.id;
    await untilIndexed();
    const verifiers = (await (await fetch(`${APP_URL}/api/v1/verifiers`)).json()) as {
      verifiers: Array<{ address: string; name: string }>;
    };
    verifierName = verifiers.verifiers.find((v) => v.address === verifier.toLowerCase())?.name ?? "";
    assert.ok(verifierName, "the verifier has a registry name");
    browser = await launchBrowser();
    // No wallet, no script: what a crawler or a locked-down browser sees.
    context = await browser.newContext({ javaScriptEnabled: false });
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close();
  });

  it("shows every field, the history with each transaction and the verifier by name", async () => {
    const response = await page.goto(`${APP_URL}/attestations/${journey.id}`);
    assert.equal(response?.status(), 200);
    assert.equal(await page.getByTestId("attestation-id").textContent(), journey.id);
    // Server-rendered into the HTML: visible with scripts off.
    assert.ok(await page.getByTestId("status-history").isVisible());
    assert.ok(await page.getByTestId("evidence-verdict").isVisible());
    assert.match((await page.getByTestId("field-energy").textContent()) ?? "", /25 kWh \(25,000 Wh\)/);
    // 25 kWh × 56 g/kWh = 1.4 kg, computed with lib/formulas.
    assert.match((await page.getByTestId("field-total").textContent()) ?? "", /1\.4 kg CO2e/);
    assert.match((await page.getByTestId("field-period").textContent()) ?? "", /UTC/);
    assert.match((await page.getByTestId("field-verifier").textContent()) ?? "", new RegExp(verifierName));
    // The local deployment's window is 60 s: by now it may have passed (Final, shown as a fifth row).
    assert.match(
      (await page.getByTestId("field-window").textContent()) ?? "",
      /^(Ends|Ended) \d{4}-\d\d-\d\d/,
    );
    const rows = page.getByTestId("history-row");
    assert.ok([4, 5].includes(await rows.count()));
    const texts = await rows.allTextContents();
    for (const [n, label] of ["Submitted", "Verified", "Disputed", "Dispute dismissed"].entries()) {
      assert.ok(texts[n]?.startsWith(label), `row ${n} is ${label}: ${texts[n]}`);
    }
    // Each transition names its transaction and block (the local chain has no explorer to link to).
    for (const [n, tx] of journey.txs.entries()) {
      const receipt = await publicClient.getTransactionReceipt({ hash: tx });
      assert.ok(texts[n]?.includes(tx), `row ${n} shows ${tx}`);
      assert.ok(
        texts[n]?.includes(`block ${receipt.blockNumber}`),
        `row ${n} shows block ${receipt.blockNumber}`,
      );
    }
    assert.match(texts[1] ?? "", new RegExp(verifierName));
    assert.match(texts[2] ?? "", /bond .* ETH/);
    await screenshot(page, "attestation-desktop");
  });

  it("links each transaction to a page of its own on a chain without a block explorer", async () => {
    await page.goto(`${APP_URL}/attestations/${journey.id}`);
    const verified = page.getByTestId("history-row").nth(1).getByTestId("tx-link");
    assert.equal(await verified.getAttribute("href"), `/tx/${journey.txs[1]}`);
    await verified.click();
    await page.getByTestId("tx-events").waitFor();
    const events = (await page.getByTestId("tx-events").textContent()) ?? "";
    assert.match(events, /AttestationRegistry\.AttestationVerified/);
    assert.equal(
      await page
        .getByTestId("tx-events")
        .getByRole("link", { name: journey.id })
        .first()
        .getAttribute("href"),
      `/attestations/${journey.id}`,
    );
    const receipt = await publicClient.getTransactionReceipt({ hash: journey.txs[1] as Hex });
    assert.match(
      (await page.getByTestId("tx-fields").textContent()) ?? "",
      new RegExp(`Block${receipt.blockNumber} `),
    );
    await page.goto(`${APP_URL}/tx/0x1234`);
    assert.match((await page.getByTestId("tx-not-found").textContent()) ?? "", /Not a transaction hash/);
    await page.goto(`${APP_URL}/tx/0x${"00".repeat(32)}`);
    assert.match((await page.getByTestId("tx-not-found").textContent()) ?? "", /No such transaction/);
  });

  it("re-hashes the evidence: a match with its fields, then a tampered file as a mismatch", async () => {
    await page.goto(`${APP_URL}/attestations/${journey.id}`);
    assert.match(
      (await page.getByTestId("evidence-verdict").textContent()) ?? "",
      /matches the on-chain hash/,
    );
    assert.match(
      (await page.getByTestId("evidence-hardware").textContent()) ?? "",
      /8 × NVIDIA A100-SXM4-80GB/,
    );
    assert.match((await page.getByTestId("evidence-components").textContent()) ?? "", /GPU 18\.5 kWh/);
    assert.match((await page.getByTestId("evidence-rows").textContent()) ?? "", /root committed on chain/);
    await page.goto(`${APP_URL}/attestations/${tampered}`);
    const verdict = (await page.getByTestId("evidence-verdict").textContent()) ?? "";
    assert.match(verdict, /Mismatch: the evidence document does not match the on-chain hash/);
    assert.match(verdict, /hash mismatch/);
    assert.equal(
      await page.getByTestId("evidence-fields").count(),
      0,
      "a mismatched document's fields are not shown",
    );
  });

  it("answers an unknown or malformed attestation id with a clear page, readable without JavaScript", async () => {
    for (const id of [`0x${"ab".repeat(32)}`, "not-an-id"]) {
      await page.goto(`${APP_URL}/attestations/${id}`);
      const notFound = page.getByTestId("attestation-not-found");
      assert.ok(await notFound.isVisible(), `${id}: the explanation is in the HTML, not left to a script`);
      assert.match(
        (await notFound.textContent()) ?? "",
        /No such attestation.*0x followed by 64 hexadecimal digits/,
      );
    }
  });

  it("links the model page's rows to the attestation and names the verifier", async () => {
    await page.goto(`${APP_URL}/models/${modelId}`);
    const link = page.getByTestId("attestation-link").first();
    assert.equal(await link.getAttribute("href"), `/attestations/${journey.id}`);
    assert.match(
      (await page.getByTestId("attestation-verifier").first().textContent()) ?? "",
      new RegExp(verifierName),
    );
    await link.click();
    await page.getByTestId("status-history").waitFor();
    assert.equal(new URL(page.url()).pathname, `/attestations/${journey.id}`);
  });

  it("fits a phone's width (long hashes wrap, wide tables scroll in their own box)", async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const small = await phone.newPage();
    for (const path of [`/attestations/${journey.id}`, `/address/${privateKeyToAccount(VERIFIER).address}`]) {
      await small.goto(`${APP_URL}${path}`);
      const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow} px`);
    }
    await screenshot(small, "address-phone");
    await phone.close();
  });

  it("shows what an address did, and a bad address as such", async () => {
    const owner = privateKeyToAccount(OWNER).address;
    await page.goto(`${APP_URL}/address/${owner}`);
    const models = (await page.getByTestId("address-models").textContent()) ?? "";
    assert.match(models, new RegExp(`Model #${modelId} \\(#${modelId}\\)`));
    assert.match((await page.getByTestId("address-attestations").textContent()) ?? "", /Submitted/);
    await page.goto(`${APP_URL}/address/${privateKeyToAccount(VERIFIER).address}`);
    assert.match((await page.getByTestId("address-title").textContent()) ?? "", new RegExp(verifierName));
    const verdicts = (await page.getByTestId("address-verdicts").textContent()) ?? "";
    assert.match(verdicts, /later invalidated/);
    assert.ok(verdicts.includes(journey.txs[1] ?? "none"), "the verdict names its transaction");
    await screenshot(page, "address-verifier-desktop");
    await page.goto(`${APP_URL}/address/${privateKeyToAccount(CHALLENGER).address}`);
    assert.match((await page.getByTestId("address-disputes").textContent()) ?? "", /dismissed/);
    await page.goto(`${APP_URL}/address/0x1234`);
    assert.match((await page.getByTestId("bad-address").textContent()) ?? "", /not an account address/);
  });
});

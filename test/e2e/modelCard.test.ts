// The model page as a Hugging Face user reads it: metadata links as links, licence, tokens and the
// hardware from the evidence; the model-card snippet with absolute URLs and a working Copy button.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { createWalletClient, type Hex, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { anvil } from "viem/chains";
import { createGreenprintClient } from "../../lib/client";
import { buildEvidenceDocument, evidenceHash, serializeEvidence } from "../../lib/evidence/document";
import { type ModelMetadata, metadataBytes, metadataHash } from "../../lib/metadata";
import { Kind, Method } from "../../lib/spec";
import { LocalDiskEvidenceStore } from "../../lib/store/evidenceStore";
import { ANVIL_KEYS } from "../../script/lib/anvil";
import { APP_URL, launchBrowser, RPC_URL, screenshot } from "./browser";
import { deployment, publicClient, untilIndexed } from "./helpers";
import { startSecondApp } from "./secondApp";

const EVIDENCE_DIR = process.env.E2E_EVIDENCE_DIR ?? "";
const OWNER: Hex = ANVIL_KEYS[4];

const METADATA: ModelMetadata = {
  name: "Card model",
  version: "1",
  organization: "Acme Lab",
  task: "text-generation",
  architecture: "decoder",
  parameterCount: 7_000_000_000,
  trainingTokens: 2_000_000_000_000,
  license: "apache-2.0",
  links: ["acme-lab/card-model-7b", "https://arxiv.org/abs/2401.00001"],
};

describe("model page: metadata and the Hugging Face model card", () => {
  let browser: Browser;
  let id: bigint;

  before(async () => {
    assert.ok(EVIDENCE_DIR, "the e2e runner provides the app's evidence folder");
    const store = new LocalDiskEvidenceStore(EVIDENCE_DIR);
    const gp = createGreenprintClient({
      publicClient,
      walletClient: createWalletClient({
        account: privateKeyToAccount(OWNER),
        chain: anvil,
        transport: http(RPC_URL),
      }),
      deployment: deployment(),
    });
    const metaSha = await store.put(metadataBytes(METADATA));
    const registered = await gp.registerModel({
      metadataURI: `${APP_URL}/api/evidence/${metaSha}`,
      metadataHash: metadataHash(METADATA),
      parameterCount: 7_000_000_000n,
    });
    id = registered.result.modelId;
    const periodStart = BigInt(Math.floor(Date.now() / 1000)) - 10n * 86_400n;
    const periodEnd = periodStart + 3600n;
    const evidence = buildEvidenceDocument({
      model: { modelId: id },
      run: { ids: ["card-run"] },
      kind: Kind.PRETRAINING,
      period: { start: periodStart, end: periodEnd },
      region: "FR",
      hardware: [{ type: "GPU", model: "A100-SXM4-80GB", count: 8, tdpW: 400 }],
      method: Method.SOFTWARE,
      tool: "CodeCarbon",
      energyWh: { value: 25_000n, source: "CodeCarbon" },
      pueMilli: { value: 1100n, source: "operator" },
      locationIntensity: { value: 56n, source: "CodeCarbon" },
      renewableBps: { value: 0n, source: "none declared" },
    });
    const evidenceSha = await store.put(serializeEvidence(evidence));
    await gp.submitAttestation({
      modelId: id,
      kind: Kind.PRETRAINING,
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
      evidenceHash: evidenceHash(evidence),
      evidenceURI: `${APP_URL}/api/evidence/${evidenceSha}`,
    });
    await untilIndexed();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  it("shows links as links, licence, training tokens and the evidence's hardware, without JavaScript", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(`${APP_URL}/models/${id}`);
    assert.equal(response?.status(), 200);
    const links = page.getByTestId("model-links");
    assert.equal(
      await links.getByRole("link", { name: "acme-lab/card-model-7b" }).getAttribute("href"),
      "https://huggingface.co/acme-lab/card-model-7b",
    );
    assert.equal(
      await links.getByRole("link", { name: "https://arxiv.org/abs/2401.00001" }).getAttribute("href"),
      "https://arxiv.org/abs/2401.00001",
    );
    const header = (await page.locator("header dl").textContent()) ?? "";
    assert.match(header, /Licenceapache-2\.0/);
    assert.match(header, /Training tokens2,000,000,000,000/);
    assert.equal(await page.getByTestId("model-hardware").textContent(), "8 × A100-SXM4-80GB");
    // The snippet is server-rendered: readable and selectable with no script at all.
    assert.match(
      (await page.getByTestId("model-card-badge").textContent()) ?? "",
      /^\[!\[Greenprint grade\]\(http/,
    );
    await context.close();
  });

  it("gives the co2_eq_emissions block and the badge with absolute URLs, and copies them", async () => {
    const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    await page.goto(`${APP_URL}/models/${id}`, { waitUntil: "networkidle" });
    await page.getByRole("heading", { name: "Add to your Hugging Face model card" }).waitFor();
    // APP_URL is http://127.0.0.1:<port>: the request's origin, as PUBLIC_APP_URL is unset here.
    const badge = `[![Greenprint grade](${APP_URL}/api/v1/badge/${id}.svg)](${APP_URL}/models/${id})`;
    assert.match(APP_URL, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(await page.getByTestId("model-card-badge").textContent(), badge);
    const yaml = (await page.getByTestId("model-card-yaml").textContent()) ?? "";
    assert.match(yaml, /^co2_eq_emissions:\n {2}emissions: \d+\n/);
    assert.match(yaml, /hardware_used: 8 × A100-SXM4-80GB/);
    assert.match(yaml, /training_type: pre-training/);
    assert.match(yaml, /geographical_location: FR/);
    assert.ok(yaml.includes(`${APP_URL}/models/${id}`), yaml);
    const svg = await fetch(`${APP_URL}/api/v1/badge/${id}.svg`);
    assert.equal(svg.status, 200, "the badge URL in the snippet answers");

    for (const [name, text] of [
      ["Copy README badge", badge],
      ["Copy co2_eq_emissions", yaml],
    ] as const) {
      const button = page.getByRole("button", { name });
      await button.click();
      await page.waitForFunction((b) => b?.textContent === "Copied", await button.elementHandle());
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text, name);
    }
    await screenshot(page, "model-card");
    await context.close();
  });

  it("uses PUBLIC_APP_URL for the snippet's absolute URLs when it is set", async () => {
    // The same build, started a second time with the setting: it is read per request, not built in.
    const publicUrl = "https://greenprint.example";
    const app = await startSecondApp("public-app-url", { PUBLIC_APP_URL: publicUrl });
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${app.url}/models/${id}`, { waitUntil: "networkidle" });
      assert.equal(
        await page.getByTestId("model-card-badge").textContent(),
        `[![Greenprint grade](${publicUrl}/api/v1/badge/${id}.svg)](${publicUrl}/models/${id})`,
      );
      const yaml = (await page.getByTestId("model-card-yaml").textContent()) ?? "";
      assert.ok(yaml.includes(`${publicUrl}/models/${id}`), yaml);
      assert.ok(!yaml.includes("127.0.0.1") && !yaml.includes("localhost"), yaml);
      await screenshot(page, "model-card-public-app-url");
      await context.close();
    } finally {
      await app.stop();
    }
  });
});

// Submitting an attestation from a real CodeCarbon log in the browser: every bad file or value
// gets a specific message and loses nothing; the good one lands on chain with its evidence.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { aggregateRuns, parseCodeCarbonCsv } from "../../lib/importers/codecarbon";
import { ANVIL_KEYS } from "../../script/lib/anvil";
import { APP_URL, launchBrowser, RPC_URL, screenshot } from "./browser";
import { registerModel, untilIndexed } from "./helpers";
import { TestWallet } from "./wallet";

const FIXTURE = path.resolve("..", "shared", "fixtures", "codecarbon", "ArkNightmaster__AIRA.csv");

describe("submit an attestation from a CodeCarbon emissions.csv", () => {
  let browser: Browser;
  let page: Page;
  let wallet: TestWallet;
  let modelId: bigint;

  before(async () => {
    modelId = await registerModel(ANVIL_KEYS[3], "AIRA fine-tune (e2e)");
    browser = await launchBrowser();
    const context = await browser.newContext();
    wallet = new TestWallet(ANVIL_KEYS[3], RPC_URL);
    await wallet.install(context);
    page = await context.newPage();
    await page.goto(`${APP_URL}/models/${modelId}/attest`);
    await page.getByRole("button", { name: "Connect wallet" }).click();
    await page.getByRole("button", { name: "Greenprint Test Wallet" }).click();
    await page.getByTestId("connected-account").waitFor();
  });

  after(async () => {
    await browser?.close();
  });

  async function upload(name: string, contents: Buffer | string) {
    await page.setInputFiles("#codecarbon-file", {
      name,
      mimeType: "text/csv",
      buffer: typeof contents === "string" ? Buffer.from(contents) : contents,
    });
  }

  it("refuses a CSV that CodeCarbon did not write, naming the problem", async () => {
    await upload("vehicles.csv", "make,model,co2_g_per_km\nFiat,Panda,119\n");
    const message = await page.getByTestId("import-error").textContent();
    assert.match(message ?? "", /vehicles\.csv: .*CodeCarbon/i);
  });

  it("refuses a Git LFS pointer and a truncated file", async () => {
    await upload("emissions.csv", "version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 123\n");
    assert.match((await page.getByTestId("import-error").textContent()) ?? "", /LFS/i);
    await upload("emissions.csv", "timestamp,project_name,run_id,duration,emissions,emiss");
    assert.match((await page.getByTestId("import-error").textContent()) ?? "", /emissions\.csv: /);
  });

  it("refuses a file over 20 MB before reading it", async () => {
    await upload("huge.csv", Buffer.alloc(21 * 1024 * 1024, 0x61));
    assert.match(
      (await page.getByTestId("import-error").textContent()) ?? "",
      /huge\.csv is 21\.0 MB; the limit is 20 MB/,
    );
  });

  it("imports every run of a real multi-GPU log and fills the figures", async () => {
    const text = readFileSync(FIXTURE);
    const expected = aggregateRuns(parseCodeCarbonCsv(text.toString("utf8")).runs);
    await upload("emissions.csv", text);
    await page.getByRole("button", { name: /Use 37 selected runs/ }).click();
    assert.equal(await page.inputValue("#energyWh"), expected.energyWh.toString());
    assert.equal(await page.inputValue("#locationIntensity"), expected.locationIntensity.toString());
    assert.equal(await page.inputValue("#region"), expected.region ?? "");
    assert.equal(await page.inputValue("#method"), "1", "CodeCarbon is the SOFTWARE method");
  });

  it("names bad figures and keeps them as typed, sending nothing", async () => {
    const energy = await page.inputValue("#energyWh");
    await page.fill("#energyWh", "-12");
    await page.fill("#pue", "7.5");
    await page.getByRole("button", { name: "Submit attestation" }).click();
    await page.locator("#energyWh-error").waitFor();
    assert.match((await page.locator("#pue-error").textContent()) ?? "", /PUE/);
    assert.equal(await page.inputValue("#energyWh"), "-12");
    assert.ok(!wallet.requests.includes("eth_sendTransaction"));
    await page.fill("#energyWh", energy);
    await page.fill("#pue", "1.0");
  });

  it("names zero, huge, non-numeric and out-of-range values one by one", async () => {
    const kept = {
      energyWh: await page.inputValue("#energyWh"),
      locationIntensity: await page.inputValue("#locationIntensity"),
      renewablePercent: await page.inputValue("#renewablePercent"),
      acceleratorHours: await page.inputValue("#acceleratorHours"),
      workUnits: await page.inputValue("#workUnits"),
    };
    const cases: [string, string, RegExp][] = [
      ["energyWh", "0", /energy/i],
      ["energyWh", "99999999999999999999999", /energy/i],
      ["locationIntensity", "2500", /2000/],
      ["renewablePercent", "150", /.+/],
      ["acceleratorHours", "lots", /.+/],
      ["workUnits", "2e12", /whole number/],
    ];
    for (const [field, value, message] of cases) {
      await page.fill(`#${field}`, value);
      await page.getByRole("button", { name: "Submit attestation" }).click();
      const error = page.locator(`#${field}-error`);
      await error.waitFor();
      assert.match((await error.textContent()) ?? "", message, `${field}=${value}`);
      assert.equal(await page.inputValue(`#${field}`), value, "the typed value stays");
      await page.fill(`#${field}`, kept[field as keyof typeof kept]);
    }
    assert.ok(!wallet.requests.includes("eth_sendTransaction"));
  });

  it("submits with the evidence document hashed and stored, and shows it on the model page", async () => {
    // CodeCarbon holds no token count: the submitter states it and how it was counted (SPEC 4, v1.1)
    await page.fill("#workUnits", "2000000000000");
    await page.fill("#workUnitsSource", "tokenizer count of the dataset x 1 epoch");
    await page.getByRole("button", { name: "Submit attestation" }).click();
    const confirmed = await page.getByTestId("tx-confirmed").textContent({ timeout: 30_000 });
    assert.match(confirmed ?? "", /submitted for verification/);
    await screenshot(page, "attest-desktop");
    await untilIndexed();
    await page.goto(`${APP_URL}/models/${modelId}`);
    const row = page.getByTestId("attestations-table").getByRole("row").nth(1);
    assert.match((await row.textContent()) ?? "", /Submitted/);
    assert.match((await row.textContent()) ?? "", /SOFTWARE/);
    // The evidence link serves bytes whose SHA-256 is the on-chain evidence hash.
    const href = await row.getByTestId("evidence-link").getAttribute("href");
    const response = await fetch(`${APP_URL}${href}`);
    assert.equal(response.status, 200);
    const { createHash } = await import("node:crypto");
    const digest = createHash("sha256")
      .update(Buffer.from(await response.arrayBuffer()))
      .digest("hex");
    assert.equal(href, `/api/evidence/${digest}`);
    const stored = JSON.parse(await (await fetch(`${APP_URL}${href}`)).text());
    assert.deepEqual(stored.workUnits, {
      source: "tokenizer count of the dataset x 1 epoch",
      unit: "tokens",
      value: "2000000000000",
    });
    await screenshot(page, "model-desktop");
  });
});

// A certificate (registry, serial) can be claimed once, ever: the second claim is refused with
// a plain sentence before anything is sent, and the form keeps what the user typed.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { ANVIL_KEYS } from "../../script/lib/anvil";
import { APP_URL, launchBrowser, RPC_URL, screenshot } from "./browser";
import { registerModel, untilIndexed } from "./helpers";
import { TestWallet } from "./wallet";

const OWNER = ANVIL_KEYS[5];
const SERIAL = `IREC-E2E-${Date.now()}`;

describe("certificates", () => {
  let browser: Browser;
  let page: Page;
  let wallet: TestWallet;
  let first: bigint;
  let second: bigint;

  before(async () => {
    first = await registerModel(OWNER, "Certificate model A");
    second = await registerModel(OWNER, "Certificate model B");
    browser = await launchBrowser();
    const context = await browser.newContext();
    wallet = new TestWallet(OWNER, RPC_URL);
    await wallet.install(context);
    page = await context.newPage();
    await page.goto(`${APP_URL}/models/${first}/manage`);
    await page.getByRole("button", { name: "Connect wallet" }).click();
    await page.getByRole("button", { name: "Greenprint Test Wallet" }).click();
    await page.getByTestId("connected-account").waitFor();
  });

  after(async () => {
    await browser?.close();
  });

  async function record(modelId: bigint) {
    await page.goto(`${APP_URL}/models/${modelId}/manage`);
    const form = page.getByRole("form", { name: "Record a certificate" });
    await form.locator("#certificate-amount").fill("12.5");
    await form.locator("#certificate-serial").fill(SERIAL);
    await form.getByRole("button", { name: "Record" }).click();
    return form;
  }

  it("records a REC on a model, shown apart from the footprint", async () => {
    const form = await record(first);
    await form.getByTestId("tx-confirmed").waitFor({ timeout: 30_000 });
    await untilIndexed();
    await page.goto(`${APP_URL}/models/${first}`);
    assert.match((await page.getByTestId("certificates").textContent()) ?? "", /REC 12\.5 MWh · I-REC/);
  });

  it("refuses the same serial on another model, in plain words, sending nothing", async () => {
    const sent = wallet.requests.filter((r) => r === "eth_sendTransaction").length;
    const form = await record(second);
    const message = await form.getByTestId("tx-failed").textContent({ timeout: 30_000 });
    assert.match(message ?? "", /was already claimed: a certificate can be claimed once, ever/);
    assert.equal(await form.locator("#certificate-serial").inputValue(), SERIAL, "the form keeps its values");
    assert.equal(wallet.requests.filter((r) => r === "eth_sendTransaction").length, sent, "nothing was sent");
    await screenshot(page, "certificate-refused-desktop");
  });
});

// The foundation's vertical slice in a real browser: connect an injected wallet, register a
// model through a real transaction on anvil, see it listed; bad input and a rejected
// signature lose nothing; the public list works with no wallet and no JavaScript.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { ANVIL_KEYS } from "../../script/lib/anvil";
import { APP_URL, launchBrowser, RPC_URL, screenshot } from "./browser";
import { TestWallet } from "./wallet";

const MODEL = {
  name: `E2E Llama ${Date.now()}`,
  version: "1.0",
  organization: "Greenprint tests",
  architecture: "decoder-only transformer",
  parameterCount: "7000000000",
  license: "apache-2.0",
};

describe("register a model through a browser wallet", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let wallet: TestWallet;

  before(async () => {
    browser = await launchBrowser();
    context = await browser.newContext();
    wallet = new TestWallet(ANVIL_KEYS[3], RPC_URL);
    await wallet.install(context);
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close();
  });

  async function fill(values: Partial<typeof MODEL>) {
    for (const [field, value] of Object.entries(values)) await page.fill(`#${field}`, value);
  }

  it("connects the EIP-6963 wallet", async () => {
    await page.goto(`${APP_URL}/models/new`);
    await page.getByRole("button", { name: "Connect wallet" }).click();
    await page.getByRole("button", { name: "Greenprint Test Wallet" }).click();
    const shown = await page.getByTestId("connected-account").getAttribute("title");
    assert.equal(shown, wallet.account.address);
  });

  it("names every invalid field and sends nothing", async () => {
    await fill({ name: MODEL.name, parameterCount: "-5" });
    await page.getByRole("button", { name: "Register model" }).click();
    await page.getByText("Parameter count must be a whole number").waitFor();
    await page.getByText("Organization is required.").waitFor();
    assert.equal(await page.inputValue("#name"), MODEL.name, "typed input is kept");
    assert.ok(!wallet.requests.includes("eth_sendTransaction"), "no transaction was requested");
  });

  it("keeps the form as it was when the wallet rejects", async () => {
    await fill(MODEL);
    wallet.rejectNext = "eth_sendTransaction";
    await page.getByRole("button", { name: "Register model" }).click();
    const alert = await page.getByTestId("tx-failed").textContent();
    assert.match(alert ?? "", /rejected the request/);
    for (const [field, value] of Object.entries(MODEL))
      assert.equal(await page.inputValue(`#${field}`), value);
  });

  it("keeps the form as it was when the wallet's RPC drops", async () => {
    wallet.dropNext = "eth_sendTransaction";
    await page.getByRole("button", { name: "Register model" }).click();
    const alert = await page.getByTestId("tx-failed").textContent();
    assert.match(alert ?? "", /fetch failed|did not answer|Internal JSON-RPC error/);
    assert.match(alert ?? "", /Your input is unchanged/);
    for (const [field, value] of Object.entries(MODEL))
      assert.equal(await page.inputValue(`#${field}`), value);
  });

  it("follows an account change in the wallet", async () => {
    await wallet.switchAccount(page, ANVIL_KEYS[4]);
    await page.waitForFunction(
      (address) =>
        document.querySelector("[data-testid=connected-account]")?.getAttribute("title") === address,
      wallet.account.address,
    );
    await wallet.switchAccount(page, ANVIL_KEYS[3]);
    await page.waitForFunction(
      (address) =>
        document.querySelector("[data-testid=connected-account]")?.getAttribute("title") === address,
      wallet.account.address,
    );
  });

  it("registers the model with a real transaction and lists it", async () => {
    await page.getByRole("button", { name: "Register model" }).click();
    const confirmed = await page.getByTestId("tx-confirmed").textContent({ timeout: 30_000 });
    assert.match(confirmed ?? "", new RegExp(`Model #\\d+ "${MODEL.name}" registered`));
    assert.match(confirmed ?? "", /gas used [\d,]+/);
    const id = /Model #(\d+)/.exec(confirmed ?? "")?.[1];
    assert.equal(
      await page.getByRole("link", { name: "submit its first attestation" }).getAttribute("href"),
      `/models/${id}/attest`,
    );
    await screenshot(page, "register-model-desktop");
    // The list is the indexer's: poll until it has seen the block (well under a second here).
    const row = page.getByRole("row").filter({ hasText: MODEL.name });
    for (let i = 0; i < 40; i++) {
      await page.goto(`${APP_URL}/models?q=${encodeURIComponent(MODEL.name)}`);
      if ((await row.count()) > 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    assert.equal(await row.count(), 1);
    assert.match((await row.textContent()) ?? "", /Greenprint tests/);
    await screenshot(page, "models-desktop");
  });

  it("loads wallet code on public pages only when asked, then connects", async () => {
    const visitor = await browser.newContext();
    await new TestWallet(ANVIL_KEYS[3], RPC_URL).install(visitor);
    const page = await visitor.newPage();
    const scripts: string[] = [];
    page.on("request", (r) => {
      if (r.resourceType() === "script") scripts.push(r.url());
    });
    await page.goto(`${APP_URL}/leaderboard`, { waitUntil: "networkidle" });
    const before = scripts.length;
    await page.getByRole("button", { name: "Connect wallet" }).click();
    await page.getByRole("button", { name: "Greenprint Test Wallet" }).click();
    await page.getByTestId("connected-account").waitFor();
    assert.ok(scripts.length > before, "the wallet runtime was fetched on demand");
    await visitor.close();
  });

  it("prompts a wallet on another network to switch, then connects on the app's chain", async () => {
    const elsewhere = await browser.newContext();
    const mainnetWallet = new TestWallet(ANVIL_KEYS[3], RPC_URL);
    mainnetWallet.chainId = 1;
    await mainnetWallet.install(elsewhere);
    const other = await elsewhere.newPage();
    await other.goto(`${APP_URL}/models/new`);
    await other.getByRole("button", { name: "Connect wallet" }).click();
    await other.getByRole("button", { name: "Greenprint Test Wallet" }).click();
    await other.getByRole("button", { name: /Wrong network: switch to/ }).click();
    await other.getByTestId("connected-account").waitFor();
    assert.equal(mainnetWallet.chainId, 31337);
    assert.ok(mainnetWallet.requests.includes("wallet_switchEthereumChain"));
    await elsewhere.close();
  });

  it("serves the public list with no wallet and no JavaScript", async () => {
    const plain = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
    });
    const phone = await plain.newPage();
    await phone.goto(`${APP_URL}/models`);
    assert.equal(await phone.getByRole("row").filter({ hasText: MODEL.name }).count(), 1);
    await screenshot(phone, "models-phone-nojs");
    await plain.close();
  });
});

// Certificates (SPEC 8 v1.1): the owner records a certificate by its serial as printed (sent upper-cased); the
// same serial is then held, and a second record is refused in plain words before anything is sent; a verifier
// confirms it from the verifier console's certificate queue; the arbiter revokes it from the governance page,
// which frees the serial, so it can be recorded again. The model page shows registry, serial and status.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import type { Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { ANVIL_KEYS } from "../../script/lib/anvil";
import { APP_URL, launchBrowser, RPC_URL, screenshot } from "./browser";
import { registerModel, sdk, untilIndexed } from "./helpers";
import { TestWallet } from "./wallet";

const OWNER = ANVIL_KEYS[5];
const VERIFIER = ANVIL_KEYS[2];
const ARBITER = ANVIL_KEYS[0]; // the deployer holds the arbiter role locally
const TYPED = `irec-e2e-${Date.now()}  to  9`;
const SERIAL = TYPED.toUpperCase().replace(/\s+/g, " ");

describe("certificates", () => {
  let browser: Browser;
  let owner: Page;
  let wallet: TestWallet;
  let first: bigint;
  let second: bigint;

  async function pageAs(key: Hex, path: string): Promise<Page> {
    const context = await browser.newContext();
    await new TestWallet(key, RPC_URL).install(context);
    const page = await context.newPage();
    await untilIndexed();
    await page.goto(`${APP_URL}${path}`);
    await page.getByRole("button", { name: "Connect wallet" }).click();
    await page.getByRole("button", { name: "Greenprint Test Wallet" }).click();
    await page.getByTestId("connected-account").waitFor();
    return page;
  }

  async function statusOnModelPage(modelId: bigint): Promise<string> {
    await untilIndexed();
    await owner.goto(`${APP_URL}/models/${modelId}`);
    const item = owner.getByTestId("certificate").filter({ hasText: SERIAL });
    return ((await item.getByTestId("certificate-status").textContent()) ?? "").trim();
  }

  before(async () => {
    const verifier = privateKeyToAccount(VERIFIER).address;
    if (!(await sdk(ARBITER).isVerifier(verifier))) {
      await sdk(ARBITER).accreditVerifier({ account: verifier, name: "E2E Verifier", uri: "" });
    }
    first = await registerModel(OWNER, "Certificate model A");
    second = await registerModel(OWNER, "Certificate model B");
    browser = await launchBrowser();
    const context = await browser.newContext();
    wallet = new TestWallet(OWNER, RPC_URL);
    await wallet.install(context);
    owner = await context.newPage();
    await owner.goto(`${APP_URL}/models/${first}/manage`);
    await owner.getByRole("button", { name: "Connect wallet" }).click();
    await owner.getByRole("button", { name: "Greenprint Test Wallet" }).click();
    await owner.getByTestId("connected-account").waitFor();
  });

  after(async () => {
    await browser?.close();
  });

  async function record(modelId: bigint) {
    await owner.goto(`${APP_URL}/models/${modelId}/manage`);
    const form = owner.getByRole("form", { name: "Record a certificate" });
    await form.locator("#certificate-amount").fill("12.5");
    await form.locator("#certificate-serial").fill(TYPED);
    // the serial as it will be recorded, shown before anything is sent
    assert.equal(await form.getByTestId("certificate-serial-preview").textContent(), SERIAL);
    await form.getByRole("button", { name: "Record" }).click();
    return form;
  }

  it("records a REC on a model by its serial, shown apart from the footprint with registry, serial, status", async () => {
    const form = await record(first);
    await form.getByTestId("tx-confirmed").waitFor({ timeout: 30_000 });
    assert.equal(await statusOnModelPage(first), "Pending");
    const text = (await owner.getByTestId("certificates").textContent()) ?? "";
    assert.match(text, /REC 12\.5 MWh/);
    assert.ok(text.includes(`I-REC`) && text.includes(SERIAL), text);
  });

  it("refuses the same serial on another model, in plain words, sending nothing", async () => {
    const sent = wallet.requests.filter((r) => r === "eth_sendTransaction").length;
    const form = await record(second);
    const message = await form.getByTestId("tx-failed").textContent({ timeout: 30_000 });
    assert.match(message ?? "", /is already held by certificate 0x[0-9a-f]+ \(Pending or Confirmed\)/);
    assert.equal(await form.locator("#certificate-serial").inputValue(), TYPED, "the form keeps its values");
    assert.equal(wallet.requests.filter((r) => r === "eth_sendTransaction").length, sent, "nothing was sent");
    await screenshot(owner, "certificate-refused-desktop");
  });

  it("a verifier confirms it from the certificate queue", async () => {
    const page = await pageAs(VERIFIER, `/verify?model=${first}`);
    const item = page.getByTestId("certificate-queue-item").filter({ hasText: SERIAL });
    await screenshot(page, "certificate-queue-desktop");
    await item.getByRole("button", { name: "Confirm certificate" }).click();
    // once indexed, the page refreshes and the certificate leaves the queue
    await item.waitFor({ state: "detached", timeout: 30_000 });
    assert.equal(await statusOnModelPage(first), "Confirmed");
  });

  it("the arbiter revokes it from the governance page, which frees the serial for a new record", async () => {
    const page = await pageAs(ARBITER, "/admin");
    const item = page.getByTestId("confirmed-certificate").filter({ hasText: SERIAL });
    await item.getByLabel("Ruling").fill("Retired for another buyer on the registry's public record.");
    await item.getByRole("button", { name: "Revoke certificate" }).click();
    await item.waitFor({ state: "detached", timeout: 30_000 });
    assert.equal(await statusOnModelPage(first), "Revoked");
    const form = await record(second);
    await form.getByTestId("tx-confirmed").waitFor({ timeout: 30_000 });
    assert.equal(await statusOnModelPage(second), "Pending");
  });
});

// Governance accepts an issuing registry for certificates (setIssuer, SPEC 8) from the governance page: a
// rejected wallet prompt leaves the form as it was with a sentence; once accepted, the page shows the chain's
// new state and an owner can record a certificate under the label; withdrawing it refuses new ones.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Locator, Page } from "playwright-core";
import { CertificateKind } from "../../lib/spec";
import { ANVIL_KEYS } from "../../script/lib/anvil";
import { APP_URL, launchBrowser, RPC_URL, screenshot } from "./browser";
import { registerModel, sdk, untilIndexed } from "./helpers";
import { TestWallet } from "./wallet";

const ADMIN = ANVIL_KEYS[0]; // the deployer holds the admin role locally
const OWNER = ANVIL_KEYS[5];
const LABEL = `E2E Registry ${Date.now() % 1_000_000}`;

describe("issuing registries on the governance page", () => {
  let browser: Browser;
  let page: Page;
  let wallet: TestWallet;
  let section: Locator;
  let modelId: bigint;

  before(async () => {
    modelId = await registerModel(OWNER, "Issuer model");
    browser = await launchBrowser();
    const context = await browser.newContext();
    wallet = new TestWallet(ADMIN, RPC_URL);
    await wallet.install(context);
    page = await context.newPage();
    await untilIndexed();
    await page.goto(`${APP_URL}/admin`);
    await page.getByRole("button", { name: "Connect wallet" }).click();
    await page.getByRole("button", { name: "Greenprint Test Wallet" }).click();
    await page.getByTestId("connected-account").waitFor();
    section = page.getByRole("region", { name: "Issuing registries (certificates)" });
  });

  after(async () => {
    await browser?.close();
  });

  const state = async () => ((await section.getByTestId("issuer-state").textContent()) ?? "").trim();

  it("keeps the label and says so when the wallet rejects", async () => {
    await section.getByLabel("Registry label").fill(LABEL);
    await section.getByTestId("issuer-state").filter({ hasText: "not accepted" }).waitFor();
    wallet.rejectNext = "eth_sendTransaction";
    await section.getByRole("button", { name: "Accept" }).click();
    assert.match((await section.getByTestId("tx-failed").textContent()) ?? "", /rejected the request/);
    assert.equal(await section.getByLabel("Registry label").inputValue(), LABEL, "the form keeps its label");
    assert.equal(await sdk(ADMIN).isIssuer(LABEL), false);
    assert.match(await state(), /not accepted/);
  });

  it("refuses another spelling of a known registry's label, sending nothing", async () => {
    const sent = wallet.requests.filter((r) => r === "eth_sendTransaction").length;
    await section.getByLabel("Registry label").fill("irec");
    await section.getByRole("button", { name: "Accept" }).click();
    assert.match(
      (await section.getByTestId("tx-failed").textContent()) ?? "",
      /"irec" is a spelling of "I-REC", the label the apps send for it/,
    );
    assert.equal(wallet.requests.filter((r) => r === "eth_sendTransaction").length, sent, "nothing was sent");
    await section.getByLabel("Registry label").fill(LABEL);
  });

  it("accepts it: the page shows the chain's new state and an owner records a certificate under it", async () => {
    await assert.rejects(
      sdk(OWNER).recordCertificate({
        modelId,
        kind: CertificateKind.REC,
        amount: 1_000n,
        registry: LABEL,
        serial: `${LABEL}-0001`,
        uri: "",
      }),
      /not an accepted issuing registry|not accepted|unknown/i,
    );
    await section.getByRole("button", { name: "Accept" }).click();
    await section.getByTestId("tx-confirmed").waitFor({ timeout: 30_000 });
    await section.getByTestId("issuer-state").filter({ hasText: "is accepted" }).waitFor();
    assert.equal(await sdk(ADMIN).isIssuer(LABEL), true);
    await screenshot(page, "governance-issuer-desktop");
    const { result } = await sdk(OWNER).recordCertificate({
      modelId,
      kind: CertificateKind.REC,
      amount: 1_000n,
      registry: LABEL,
      serial: "0001-0100",
      uri: "",
    });
    assert.equal(result.serial, "0001 TO 0100");
  });

  it("withdraws it: new certificates under the label are refused", async () => {
    await section.getByRole("button", { name: "Withdraw" }).click();
    await section.getByTestId("tx-confirmed").filter({ hasText: "withdrawn" }).waitFor({ timeout: 30_000 });
    await section.getByTestId("issuer-state").filter({ hasText: "not accepted" }).waitFor();
    assert.equal(await sdk(ADMIN).isIssuer(LABEL), false);
  });
});

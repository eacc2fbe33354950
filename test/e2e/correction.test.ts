// Correcting an attestation from the attest form (SPEC 4, v1.1): a Rejected attestation whose period was freed can
// no longer be corrected. The form finds that out from the contract before storing evidence or asking the wallet,
// says it in a sentence with the field marked and every value kept; the period attested again as a new
// attestation can then be corrected from the same form.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { type Hex, sha256, toHex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { Kind, Method, Status } from "../../lib/spec";
import { toUtcInput } from "../../lib/web/attestForm";
import { ANVIL_KEYS } from "../../script/lib/anvil";
import { APP_URL, launchBrowser, RPC_URL, screenshot } from "./browser";
import { registerModel, sdk } from "./helpers";
import { TestWallet } from "./wallet";

const ADMIN = ANVIL_KEYS[0];
const OWNER = ANVIL_KEYS[3];
const VERIFIER = ANVIL_KEYS[2];

describe("correcting a rejected attestation from the attest form", () => {
  let browser: Browser;
  let page: Page;
  let wallet: TestWallet;
  let modelId: bigint;
  let rejected: Hex;
  let again: Hex;
  const evidencePosts: string[] = [];
  const start = BigInt(Math.floor(Date.now() / 1000)) - 10n * 86_400n;
  const end = start + 3600n;

  before(async () => {
    const verifier = privateKeyToAccount(VERIFIER).address;
    if (!(await sdk(ADMIN).isVerifier(verifier))) {
      await sdk(ADMIN).accreditVerifier({ account: verifier, name: "E2E Verifier", uri: "" });
    }
    modelId = await registerModel(OWNER, "Corrected model");
    const attestation = (tag: string) => ({
      modelId,
      kind: Kind.INFERENCE,
      method: Method.METER,
      energyWh: 5_000n,
      pueMilli: 1200n,
      locationIntensity: 20n,
      renewableBps: 0n,
      acceleratorHours: 1n,
      embodiedG: 0n,
      periodStart: start,
      periodEnd: end,
      region: "NO",
      evidenceHash: sha256(toHex(`correction-${tag}-${modelId}`)),
      evidenceURI: "ipfs://correction",
    });
    // the latest of its kind, rejected: its period goes back to the model (freed)
    rejected = (await sdk(OWNER).submitAttestation(attestation("first"))).result.id;
    await sdk(VERIFIER).reject({ id: rejected });
    assert.equal(await sdk(OWNER).effectiveStatus(rejected), Status.REJECTED);
    // the same period attested again, as the sentence advises
    again = (await sdk(OWNER).submitAttestation(attestation("again"))).result.id;

    browser = await launchBrowser();
    const context = await browser.newContext();
    wallet = new TestWallet(OWNER, RPC_URL);
    await wallet.install(context);
    page = await context.newPage();
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().includes("/api/evidence")) evidencePosts.push(r.url());
    });
    await page.goto(`${APP_URL}/models/${modelId}/attest`);
    await page.getByRole("button", { name: "Connect wallet" }).click();
    await page.getByRole("button", { name: "Greenprint Test Wallet" }).click();
    await page.getByTestId("connected-account").waitFor();
    await page.getByRole("tab", { name: "Enter figures" }).click();
    await page.selectOption("#kind", String(Kind.INFERENCE));
    await page.selectOption("#method", String(Method.METER));
    await page.fill("#energyWh", "4800");
    await page.fill("#pue", "1.2");
    await page.fill("#locationIntensity", "20");
    await page.fill("#acceleratorHours", "1");
    await page.fill("#region", "NO");
    await page.fill("#periodStart", toUtcInput(start));
    await page.fill("#periodEnd", toUtcInput(end));
  });

  after(async () => {
    await browser?.close();
  });

  it("says a rejected attestation whose period was freed can no longer be corrected, before storing or sending", async () => {
    await page.fill("#supersedes", rejected);
    await page.getByRole("button", { name: "Submit attestation" }).click();
    const message = (await page.getByTestId("tx-failed").textContent({ timeout: 30_000 })) ?? "";
    assert.match(
      message,
      /was rejected and its period given back to the model, so it can no longer be corrected/,
    );
    assert.match(message, /Attest that period again as a new attestation/);
    assert.match((await page.locator("#supersedes-error").textContent()) ?? "", /can no longer be corrected/);
    assert.equal(await page.inputValue("#supersedes"), rejected, "the form keeps its values");
    assert.equal(await page.inputValue("#energyWh"), "4800");
    assert.deepEqual(evidencePosts, [], "no evidence was stored");
    assert.ok(!wallet.requests.includes("eth_sendTransaction"), "nothing was sent");
    await screenshot(page, "attest-correction-refused-desktop");
  });

  it("corrects the period's new attestation from the same form", async () => {
    await page.fill("#supersedes", again);
    await page.getByRole("button", { name: "Submit attestation" }).click();
    const confirmed = await page.getByTestId("tx-confirmed").textContent({ timeout: 30_000 });
    assert.match(confirmed ?? "", /submitted for verification/);
    assert.equal(evidencePosts.length, 1);
    assert.equal(
      await sdk(OWNER).effectiveStatus(again),
      Status.SUBMITTED,
      "superseded once the correction is verified",
    );
  });
});

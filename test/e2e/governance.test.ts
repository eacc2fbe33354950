// Disputes and governance in the browser: a challenger disputes a Verified attestation with the
// bond, the arbiter upholds (the attestation is invalidated); the admin accredits a verifier,
// and an account without roles is told it has none.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { type Hex, sha256, toHex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { Kind, Method, Status } from "../../lib/spec";
import { ANVIL_KEYS } from "../../script/lib/anvil";
import { APP_URL, launchBrowser, RPC_URL, screenshot } from "./browser";
import { registerModel, sdk, untilIndexed } from "./helpers";
import { TestWallet } from "./wallet";

const ADMIN = ANVIL_KEYS[0]; // the deployer holds the admin, arbiter and pauser roles locally
const OWNER = ANVIL_KEYS[5];
const VERIFIER = ANVIL_KEYS[2];
const CHALLENGER = ANVIL_KEYS[3];

describe("disputes and governance", () => {
  let browser: Browser;
  let modelId: bigint;
  let attestation: Hex;

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

  before(async () => {
    const verifier = privateKeyToAccount(VERIFIER).address;
    if (!(await sdk(ADMIN).isVerifier(verifier))) {
      await sdk(ADMIN).accreditVerifier({ account: verifier, name: "E2E Verifier", uri: "" });
    }
    modelId = await registerModel(OWNER, "Disputed model");
    const start = BigInt(Math.floor(Date.now() / 1000)) - 10n * 86_400n;
    const { result } = await sdk(OWNER).submitAttestation({
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
      periodEnd: start + 3600n,
      region: "NO",
      // one evidence document per attestation (SPEC 4, v1.1)
      evidenceHash: sha256(toHex(`questionable-evidence-${modelId}`)),
      evidenceURI: "ipfs://questionable",
    });
    attestation = result.id;
    await sdk(VERIFIER).verify({ id: attestation });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  it("a challenger disputes a Verified attestation by posting the bond", async () => {
    const page = await pageAs(CHALLENGER, `/models/${modelId}/manage`);
    await page.getByRole("button", { name: "Dispute" }).click();
    await page.getByLabel("Where your reason is published").fill("https://example.org/meter-was-off");
    await page.getByRole("button", { name: "Post bond" }).click();
    await page.getByTestId("tx-confirmed").waitFor({ timeout: 30_000 });
    assert.equal(await sdk(OWNER).effectiveStatus(attestation), Status.DISPUTED);
  });

  it("the arbiter upholds it from the disputes page: the attestation is invalidated", async () => {
    const page = await pageAs(ADMIN, "/disputes");
    const item = page.getByRole("listitem").filter({ hasText: attestation.slice(0, 14) });
    await item.getByLabel("Ruling").fill("The meter readings do not match the invoice.");
    await screenshot(page, "disputes-arbiter-desktop");
    await item.getByRole("button", { name: "Uphold" }).click();
    // Once ruled on, the dispute leaves the list of open ones.
    await item.waitFor({ state: "detached", timeout: 30_000 });
    assert.equal(await sdk(OWNER).effectiveStatus(attestation), Status.INVALIDATED);
  });

  it("the admin accredits a verifier; an account without roles is told so", async () => {
    const candidate = privateKeyToAccount(ANVIL_KEYS[4]).address;
    const admin = await pageAs(ADMIN, "/admin");
    await admin.getByLabel("Verifier address").fill(candidate);
    await admin.getByLabel("Public name").fill("Nordic Energy Audit");
    await admin.getByRole("button", { name: "Accredit" }).click();
    await admin.getByTestId("tx-confirmed").waitFor({ timeout: 30_000 });
    assert.equal(await sdk(ADMIN).isVerifier(candidate), true);
    await screenshot(admin, "governance-admin-desktop");

    const nobody = await pageAs(ANVIL_KEYS[5], "/admin");
    assert.match((await nobody.getByTestId("admin-denied").textContent()) ?? "", /no admin or pauser role/);
  });
});

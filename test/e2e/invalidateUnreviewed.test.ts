// SPEC 5 (v1.1) in the browser: the arbiter invalidates, from the disputes page, a Verified attestation
// whose verifier was revoked; a refusal (the verifier accredited again meanwhile) is explained and the
// ruling stays in the form. The verifier is a fresh account of this test, so the suite's verifier stays
// accredited for the other files.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { createWalletClient, type Hex, http, parseEther, sha256, toHex } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { anvil } from "viem/chains";
import { ROLES } from "../../lib/client";
import { Kind, Method, Status } from "../../lib/spec";
import { ANVIL_KEYS } from "../../script/lib/anvil";
import { APP_URL, launchBrowser, RPC_URL, screenshot } from "./browser";
import { publicClient, registerModel, sdk, untilIndexed } from "./helpers";
import { TestWallet } from "./wallet";

const ADMIN = ANVIL_KEYS[0]; // the deployer holds the admin and arbiter roles locally
const OWNER = ANVIL_KEYS[5];
const VERIFIER = generatePrivateKey();
const verifier = privateKeyToAccount(VERIFIER).address;

describe("invalidate a revoked verifier's unreviewed verdict", () => {
  let browser: Browser;
  let attestation: Hex;
  let window: number;

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
    const admin = sdk(ADMIN);
    // the dev chain's 60 s window is short for a browser round trip under load: widen it for this file
    window = (await admin.getParams()).challengeWindow;
    await admin.setChallengeWindow({ seconds: 3600 });
    const fund = createWalletClient({
      account: privateKeyToAccount(ADMIN),
      chain: anvil,
      transport: http(RPC_URL),
    });
    await publicClient.waitForTransactionReceipt({
      hash: await fund.sendTransaction({ to: verifier, value: parseEther("1") }),
    });
    await admin.accreditVerifier({ account: verifier, name: "Revoked Audit Co", uri: "" });
    const modelId = await registerModel(OWNER, "Unreviewed model");
    const start = BigInt(Math.floor(Date.now() / 1000)) - 10n * 86_400n;
    const { result } = await sdk(OWNER).submitAttestation({
      modelId,
      kind: Kind.INFERENCE,
      method: Method.METER,
      energyWh: 7_000n,
      pueMilli: 1200n,
      locationIntensity: 30n,
      renewableBps: 0n,
      acceleratorHours: 1n,
      embodiedG: 0n,
      periodStart: start,
      periodEnd: start + 3600n,
      region: "NO",
      evidenceHash: sha256(toHex(`unreviewed-evidence-${modelId}`)),
      evidenceURI: "ipfs://unreviewed",
    });
    attestation = result.id;
    await sdk(VERIFIER).verify({ id: attestation });
    await admin.revokeRole({ role: ROLES.VERIFIER_ROLE, account: verifier });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await sdk(ADMIN).setChallengeWindow({ seconds: window });
  });

  it("the arbiter invalidates it from the disputes page; a refusal is explained and keeps the ruling", async () => {
    const page = await pageAs(ADMIN, "/disputes");
    const item = page.getByRole("listitem").filter({ hasText: attestation.slice(0, 14) });
    await item.getByText("verified by Revoked Audit Co (revoked)").waitFor();
    const ruling = "The verifier was revoked for rubber-stamping; its verdict was never reviewed.";
    await item.getByLabel("Ruling").fill(ruling);
    // accredited again behind the page's back: the contract refuses, the page says why
    await sdk(ADMIN).accreditVerifier({ account: verifier, name: "Revoked Audit Co", uri: "" });
    await item.getByRole("button", { name: "Invalidate unreviewed" }).click();
    const failed = item.getByTestId("tx-failed");
    await failed.waitFor({ timeout: 30_000 });
    assert.match((await failed.textContent()) ?? "", /is still accredited/);
    assert.equal(await item.getByLabel("Ruling").inputValue(), ruling, "the ruling stays in the form");
    await screenshot(page, "disputes-invalidate-unreviewed-refused-desktop");

    await sdk(ADMIN).revokeRole({ role: ROLES.VERIFIER_ROLE, account: verifier });
    await item.getByRole("button", { name: "Invalidate unreviewed" }).click();
    // Once indexed, the attestation leaves the queue.
    await item.waitFor({ state: "detached", timeout: 30_000 });
    assert.equal(await sdk(ADMIN).effectiveStatus(attestation), Status.INVALIDATED);
    assert.equal((await sdk(ADMIN).verifierRecord(verifier)).invalidatedVerdicts, 1n);
  });
});

// The once-per-model efficiency bonus through the UI: a sealed fine-tune that trained with less
// energy than its sealed parent; the owner requests, a verifier approves (tallying the runs first: SPEC 6
// v1.1 running sums), LEAF is paid; an incomplete tally is explained and nothing is approved.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { type Hex, sha256, toHex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { efficiencyBonusLeaf } from "../../lib/formulas";
import { Kind, Method } from "../../lib/spec";
import { formatLeaf } from "../../lib/units";
import { ANVIL_KEYS } from "../../script/lib/anvil";
import { APP_URL, launchBrowser, RPC_URL } from "./browser";
import { publicClient, sdk } from "./helpers";
import { TestWallet } from "./wallet";

const OWNER = ANVIL_KEYS[5];
const VERIFIER = ANVIL_KEYS[2];

/** A sealed model with one verified PRETRAINING attestation of `energyWh` (METER unless told). */
async function sealedModel(
  parentId: bigint,
  energyWh: bigint,
  start: bigint,
  method: Method = Method.METER,
): Promise<bigint> {
  const owner = sdk(OWNER);
  const {
    result: { modelId },
  } = await owner.registerModel({
    metadataURI: "ipfs://bonus",
    metadataHash: `0x${"cd".repeat(32)}`,
    parentId,
    parameterCount: 7_000_000_000n,
  });
  const { result } = await owner.submitAttestation({
    modelId,
    kind: Kind.PRETRAINING,
    method,
    energyWh,
    pueMilli: 1100n,
    locationIntensity: 300n,
    renewableBps: 0n,
    acceleratorHours: 100n,
    embodiedG: 0n,
    periodStart: start,
    periodEnd: start + 86_400n,
    region: "DE",
    // one evidence document per attestation (SPEC 4, v1.1)
    evidenceHash: sha256(toHex(`bonus-evidence-${modelId}`)),
    evidenceURI: "ipfs://bonus-evidence",
  });
  await sdk(VERIFIER).verify({ id: result.id });
  await owner.sealTraining({ modelId });
  return modelId;
}

describe("efficiency bonus", () => {
  let browser: Browser;
  let child: bigint;

  before(async () => {
    const admin = sdk(ANVIL_KEYS[0]);
    const verifierAddress = privateKeyToAccount(VERIFIER).address;
    if (!(await admin.isVerifier(verifierAddress))) {
      await admin.accreditVerifier({ account: verifierAddress, name: "E2E Verifier", uri: "" });
    }
    const start = BigInt(Math.floor(Date.now() / 1000)) - 90n * 86_400n;
    const parent = await sealedModel(0n, 10_000_000n, start);
    child = await sealedModel(parent, 6_000_000n, start);
    await publicClient.request({ method: "evm_increaseTime" as never, params: [61] as never });
    await publicClient.request({ method: "evm_mine" as never, params: [] as never });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  async function managePage(key: Hex, modelId = child): Promise<Page> {
    const context = await browser.newContext();
    await new TestWallet(key, RPC_URL).install(context);
    const page = await context.newPage();
    await page.goto(`${APP_URL}/models/${modelId}/manage`);
    await page.getByRole("button", { name: "Connect wallet" }).click();
    await page.getByRole("button", { name: "Greenprint Test Wallet" }).click();
    await page.getByTestId("connected-account").waitFor();
    return page;
  }

  it("the owner requests and a verifier approves; the bonus follows the SPEC formula", async () => {
    const owner = await managePage(OWNER);
    await owner.getByRole("button", { name: "Request the efficiency bonus" }).click();
    await owner.getByTestId("tx-confirmed").waitFor({ timeout: 30_000 });

    const verifier = await managePage(VERIFIER);
    assert.match((await verifier.getByTestId("bonus-state").textContent()) ?? "", /requested/);
    const tally = verifier.getByTestId(`training-tally-${child}`);
    assert.match(
      (await tally.textContent()) ?? "",
      /0 of 1 training runs tallied.*1 Final run\(s\) ready to tally/,
    );
    await verifier.getByRole("button", { name: "Approve (models are comparable)" }).click();
    const message = (await verifier.getByTestId("tx-confirmed").textContent({ timeout: 30_000 })) ?? "";
    // (10,000,000 - 6,000,000) Wh x 475 g/kWh / 1000 x 5000 / 10000 = 950,000 g = 950 LEAF
    const expected = efficiencyBonusLeaf(10_000_000n, 6_000_000n);
    assert.equal(expected, 950n * 10n ** 18n);
    assert.match(message, new RegExp(`Approved: ${formatLeaf(expected).replace(".", "\\.")} to the owner`));
    await verifier.getByTestId("bonus-state").filter({ hasText: "paid" }).waitFor({ timeout: 30_000 });
    assert.match(
      (await tally.textContent()) ?? "",
      /1 of 1 training runs tallied \(6(\.0)? MWh\) — complete\./,
    );
  });

  it("an ESTIMATE run keeps the tally incomplete: the verifier is told why, nothing is approved", async () => {
    const start = BigInt(Math.floor(Date.now() / 1000)) - 80n * 86_400n;
    const parent = await sealedModel(0n, 10_000_000n, start);
    // an estimate never counts (SPEC 6, v1.1), whether Final or not: no wait on the clock
    const fresh = await sealedModel(parent, 6_000_000n, start, Method.ESTIMATE);
    await sdk(OWNER).requestEfficiencyBonus({ modelId: fresh });
    const verifier = await managePage(VERIFIER, fresh);
    const tally = (await verifier.getByTestId(`training-tally-${fresh}`).textContent()) ?? "";
    assert.match(
      tally,
      /0 of 1 training runs tallied.*1 ESTIMATE run\(s\): estimates never count, so no bonus/,
    );
    await verifier.getByRole("button", { name: "Approve (models are comparable)" }).click();
    const failed = (await verifier.getByTestId("tx-failed").textContent({ timeout: 30_000 })) ?? "";
    assert.match(failed, new RegExp(`training tally of model ${fresh} is incomplete: 1 ESTIMATE run\\(s\\)`));
    assert.equal(await sdk(OWNER).bonusState(fresh), 1, "still requested");
  });
});

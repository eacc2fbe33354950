// The whole journey with two accounts, in the browser, on a real chain with the indexer:
// a developer registers a model, imports a real CodeCarbon CSV and submits; a verifier re-hashes
// the evidence and verifies; the challenge window passes (anvil time); the developer claims LEAF;
// the public leaderboard shows the model with the right grade and figures.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { createWalletClient, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { anvil } from "viem/chains";
import { createGreenprintClient } from "../../lib/client";
import { attestationReward, grade, intensity } from "../../lib/formulas";
import { aggregateRuns, parseCodeCarbonCsv } from "../../lib/importers/codecarbon";
import { Method } from "../../lib/spec";
import { formatIntensity, formatLeaf } from "../../lib/units";
import { ANVIL_KEYS } from "../../script/lib/anvil";
import { APP_URL, launchBrowser, RPC_URL, screenshot } from "./browser";
import { deployment, publicClient, untilIndexed } from "./helpers";
import { TestWallet } from "./wallet";

const DEVELOPER = ANVIL_KEYS[4];
const VERIFIER = ANVIL_KEYS[2];
// Space-padded fixed-width CodeCarbon 2.4.2 log, Québec grid (about 2 g/kWh).
const CSV = path.resolve("..", "shared", "fixtures", "codecarbon", "Ambroise012__EnergyTracker.csv");
const NAME = `Journey model ${Date.now()}`;

async function connect(page: Page) {
  await page.getByRole("button", { name: "Connect wallet" }).click();
  await page.getByRole("button", { name: "Greenprint Test Wallet" }).click();
  await page.getByTestId("connected-account").waitFor();
}

describe("journey: register, attest, verify, wait, claim, rank", () => {
  let browser: Browser;
  let developer: Page;
  let verifier: Page;
  let modelId = "";
  let reward = 0n;
  const expected = aggregateRuns(parseCodeCarbonCsv(readFileSync(CSV, "utf8")).runs);

  before(async () => {
    const admin = createGreenprintClient({
      publicClient,
      walletClient: createWalletClient({
        account: privateKeyToAccount(ANVIL_KEYS[0]),
        chain: anvil,
        transport: http(RPC_URL),
      }),
      deployment: deployment(),
    });
    const verifierAddress = privateKeyToAccount(VERIFIER).address;
    if (!(await admin.isVerifier(verifierAddress))) {
      await admin.accreditVerifier({
        account: verifierAddress,
        name: "E2E Verifier",
        uri: "https://example.org/e2e",
      });
    }
    browser = await launchBrowser();
    const devContext = await browser.newContext();
    await new TestWallet(DEVELOPER, RPC_URL).install(devContext);
    developer = await devContext.newPage();
    const verContext = await browser.newContext();
    await new TestWallet(VERIFIER, RPC_URL).install(verContext);
    verifier = await verContext.newPage();
  });

  after(async () => {
    await browser?.close();
  });

  it("developer registers a model", async () => {
    await developer.goto(`${APP_URL}/models/new`);
    await connect(developer);
    const fields = {
      name: NAME,
      version: "1.0",
      organization: "Journey Labs",
      architecture: "CNN",
      parameterCount: "25000000",
      license: "mit",
    };
    for (const [id, value] of Object.entries(fields)) await developer.fill(`#${id}`, value);
    await developer.selectOption("#task", "image-classification");
    await developer.getByRole("button", { name: "Register model" }).click();
    const confirmed = (await developer.getByTestId("tx-confirmed").textContent({ timeout: 30_000 })) ?? "";
    modelId = /Model #(\d+)/.exec(confirmed)?.[1] ?? "";
    assert.ok(modelId, confirmed);
  });

  it("developer imports a real CodeCarbon CSV and submits", async () => {
    await untilIndexed();
    await developer.goto(`${APP_URL}/models/${modelId}`);
    await developer.getByRole("link", { name: "Submit an attestation" }).click();
    await developer.setInputFiles("#codecarbon-file", CSV);
    await developer.getByRole("button", { name: /Use \d+ selected runs?/ }).click();
    assert.equal(await developer.inputValue("#energyWh"), expected.energyWh.toString());
    await developer.getByRole("button", { name: "Submit attestation" }).click();
    await developer.getByTestId("tx-confirmed").waitFor({ timeout: 30_000 });
  });

  it("verifier re-hashes the evidence and verifies", async () => {
    await untilIndexed();
    await verifier.goto(`${APP_URL}/verify?model=${modelId}`);
    await connect(verifier);
    const item = verifier.getByTestId("queue-item").filter({ hasText: NAME });
    await item.getByRole("button", { name: "Fetch and re-hash evidence" }).click();
    assert.match((await item.getByTestId("evidence-check").textContent()) ?? "", /Evidence matches/);
    await item.getByRole("button", { name: "Verify", exact: true }).click();
    await item.getByTestId("tx-confirmed").waitFor({ timeout: 30_000 });
  });

  it("the challenge window passes and the developer claims LEAF", async () => {
    // Chain id 31337 deploys with a 60-second challenge window; move anvil's clock past it.
    await publicClient.request({ method: "evm_increaseTime" as never, params: [61] as never });
    await publicClient.request({ method: "evm_mine" as never, params: [] as never });
    reward = attestationReward({
      energyWh: expected.energyWh,
      locationIntensity: expected.locationIntensity,
      renewableBps: 0n,
      method: Method.SOFTWARE,
    });
    assert.ok(reward > 0n, "a low-carbon run earns LEAF");
    await developer.goto(`${APP_URL}/models/${modelId}/manage`);
    await developer.getByTestId("connected-account").waitFor();
    await developer.getByRole("button", { name: `Claim ${formatLeaf(reward)}` }).click();
    const claimed = await developer.getByTestId("tx-confirmed").textContent({ timeout: 30_000 });
    assert.match(claimed ?? "", new RegExp(`Claimed ${formatLeaf(reward).replace(".", "\\.")}`));
    const sdk = createGreenprintClient({ publicClient, deployment: deployment() });
    assert.equal(await sdk.leafBalance(privateKeyToAccount(DEVELOPER).address), reward);
    await screenshot(developer, "model-claimed-desktop");
  });

  it("the public leaderboard ranks the model with the right grade and figures", async () => {
    const page = await browser.newPage(); // no wallet at all
    // One attestation: the ranked intensity (SPEC 9 v1.1, one rounding) is the attested one.
    const expectedIntensity = intensity(expected.energyWh * expected.locationIntensity, expected.energyWh);
    let row = "";
    for (let i = 0; i < 60 && !row.includes(NAME); i++) {
      await page.goto(`${APP_URL}/leaderboard?q=${encodeURIComponent(NAME)}`);
      row =
        (await page
          .getByTestId("leaderboard-table")
          .textContent()
          .catch(() => "")) ?? "";
      if (!row.includes(NAME)) await new Promise((r) => setTimeout(r, 500));
    }
    assert.ok(row.includes(NAME), "the indexer ranked the model");
    const ranked = page.getByTestId("leaderboard-table").getByRole("row").filter({ hasText: NAME });
    assert.equal(
      await ranked.locator('[data-col="grade"]').textContent(),
      `Grid grade ${grade(expectedIntensity)}`,
    );
    assert.equal(
      await ranked.locator('[data-col="intensity"]').textContent(),
      formatIntensity(expectedIntensity),
    );
    // Marked with who checked it, by the verifier's accredited name.
    assert.match((await ranked.getByTestId("trust-mark").textContent()) ?? "", /^final, verified by /);
    await screenshot(page, "leaderboard-desktop");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "leaderboard-phone");
  });

  it("shows the same intensity, grade and LEAF on every surface (one number, one value)", async () => {
    const expectedIntensity = intensity(expected.energyWh * expected.locationIntensity, expected.energyWh);
    const expectedGrade = grade(expectedIntensity);
    const shown = { intensity: formatIntensity(expectedIntensity), leaf: formatLeaf(reward) };
    // The API's SPEC integers.
    const detail = await (await fetch(`${APP_URL}/api/v1/models/${modelId}`)).json();
    assert.deepEqual(
      [detail.model.figures.intensity, detail.model.figures.gridGrade, detail.model.figures.leafEarnedWei],
      [String(expectedIntensity), expectedGrade, String(reward)],
    );
    // The CSV export: the same integers.
    const csv = await (await fetch(`${APP_URL}/api/v1/leaderboard.csv?q=${encodeURIComponent(NAME)}`)).text();
    const [header, line] = csv.trim().split("\r\n");
    const cells = new Map(
      (header as string).split(",").map((name, i) => [name, (line as string).split(",")[i]]),
    );
    assert.deepEqual(
      [cells.get("intensity"), cells.get("grade"), cells.get("leafEarnedWei")],
      [String(expectedIntensity), expectedGrade, String(reward)],
    );
    // The README badge: grade and intensity through the same formatter as the pages.
    const badge = await (await fetch(`${APP_URL}/api/v1/badge/${modelId}.svg`)).text();
    assert.ok(badge.includes(`${expectedGrade} · ${shown.intensity}`), badge.slice(0, 300));
    // The leaderboard row and the model page (no wallet, no JavaScript needed).
    const page = await browser.newPage();
    await page.goto(`${APP_URL}/leaderboard?q=${encodeURIComponent(NAME)}`);
    const row = page.getByTestId("leaderboard-table").getByRole("row").filter({ hasText: NAME });
    assert.deepEqual(
      [
        await row.locator('[data-col="intensity"]').textContent(),
        await row.locator('[data-col="grade"]').textContent(),
        await row.locator('[data-col="leafEarnedWei"]').textContent(),
      ],
      [shown.intensity, `Grid grade ${expectedGrade}`, shown.leaf],
    );
    await page.goto(`${APP_URL}/models/${modelId}`);
    const label = page.getByTestId("energy-label");
    assert.ok(((await label.textContent()) ?? "").includes(shown.intensity));
    assert.ok(((await label.textContent()) ?? "").includes(`Grid grade ${expectedGrade}`));
    assert.equal(await page.locator('dt:text-is("LEAF earned") + dd').textContent(), shown.leaf);
  });

  it("the home page's recent activity shows the claim and the verdict", async () => {
    const page = await browser.newPage(); // no wallet at all
    await page.goto(APP_URL);
    const feed = page.getByRole("region", { name: "Recent activity" });
    const claim = feed.getByRole("listitem").filter({ hasText: `claimed LEAF for ${NAME}` });
    assert.match((await claim.textContent()) ?? "", new RegExp(formatLeaf(reward).replace(".", "\\.")));
    const verdict = feed.getByRole("listitem").filter({ hasText: `verified an attestation of ${NAME}` });
    assert.equal(await verdict.count(), 1);
    // the verifier by its accredited name, the time in UTC once
    const verdictText = (await verdict.textContent()) ?? "";
    assert.match(verdictText, /^E2E Verifier verified an attestation of /);
    assert.match(verdictText, /\d{2}:\d{2} UTC$/);
    assert.ok(!verdictText.includes("UTC UTC"), verdictText);
    await screenshot(page, "home-activity-desktop");
  });
});

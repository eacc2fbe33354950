// The public leaderboard as a visitor of a young registry uses it (issue 13): self-reported
// footprints listed and marked beside the verified ranking, a verified one reaching the ranking once
// its window has passed, the compare view picked from the leaderboard (and working without
// JavaScript), the home list naming grid grades, and no page scrolling sideways at 390 px.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { privateKeyToAccount } from "viem/accounts";
import { formatEmissionsG, formatEnergyWh, mWhToWh } from "../../lib/units";
import { ANVIL_KEYS } from "../../script/lib/anvil";
import { attestDemo, register, sdk, submit, TAG, VERIFIER } from "./boardSeed";
import { APP_URL, launchBrowser, screenshot } from "./browser";
import { publicClient, untilIndexed } from "./helpers";
import { accessibilityViolations, DESKTOP, PHONE, pageWidth, sidewaysScrollers } from "./layout";

describe("leaderboard, compare and phones (issue 13)", () => {
  let browser: Browser;
  const ids = {} as Record<"gpt3" | "bloom" | "llama" | "opt" | "demoGpt3" | "demoBloom", bigint>;
  const names = {
    gpt3: `${TAG} GPT-3`,
    bloom: `${TAG} BLOOM`,
    llama: `${TAG} LLaMA`,
    opt: `${TAG} OPT`,
    demoGpt3: `${TAG} demo GPT-3`,
    demoBloom: `${TAG} demo BLOOM`,
  };
  let verifierName = "";

  before(async () => {
    const admin = sdk(ANVIL_KEYS[0]);
    const verifier = privateKeyToAccount(VERIFIER).address;
    if (!(await admin.isVerifier(verifier)))
      await admin.accreditVerifier({
        account: verifier,
        name: "E2E Verifier",
        uri: "https://example.org/e2e",
      });
    ids.gpt3 = await register(names.gpt3, 175_000_000_000n);
    ids.bloom = await register(names.bloom, 176_000_000_000n);
    ids.llama = await register(names.llama, 65_000_000_000n);
    ids.opt = await register(names.opt, 175_000_000_000n);
    const gpt3 = await submit(ids.gpt3, mWhToWh("1287"), 429n);
    const bloom = await submit(ids.bloom, mWhToWh("433"), 57n);
    await submit(ids.llama, mWhToWh("449"), 385n);
    await submit(ids.opt, mWhToWh("324"), 231n);
    ids.demoGpt3 = await attestDemo("GPT-3 (175B)", names.demoGpt3);
    ids.demoBloom = await attestDemo("BLOOM (176B)", names.demoBloom);
    await sdk(VERIFIER).verify({ id: gpt3 });
    await sdk(VERIFIER).verify({ id: bloom });
    await untilIndexed();
    const body = (await (await fetch(`${APP_URL}/api/v1/verifiers`)).json()) as {
      verifiers: { address: string; name: string }[];
    };
    verifierName = body.verifiers.find((v) => v.address.toLowerCase() === verifier.toLowerCase())?.name ?? "";
    assert.ok(verifierName, "the verifier is indexed with its name");
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  const rowOf = (page: Page, table: string, name: string) =>
    page.getByTestId(table).getByRole("row").filter({ hasText: name });

  it("lists self-reported footprints apart, marked, and ranks a verified one once its window has passed", async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    const url = `${APP_URL}/leaderboard?q=${encodeURIComponent(TAG)}`;
    await page.goto(url);
    // Still in the challenge window: not Final, so not in the default (Final) ranking.
    assert.equal(await rowOf(page, "leaderboard-table", names.bloom).count(), 0);
    for (const key of ["llama", "opt"] as const) {
      const row = rowOf(page, "self-reported-table", names[key]);
      assert.equal(await row.getByTestId("trust-mark").textContent(), "self-reported, not verified", key);
    }
    const llama = rowOf(page, "self-reported-table", names.llama);
    assert.equal(await llama.locator('[data-col="energyWh"]').textContent(), formatEnergyWh(mWhToWh("449")));
    // 449 MWh at 385 g/kWh = 172.865 t (location-based; no embodied).
    assert.equal(
      await llama.locator('[data-col="emissionsG"]').textContent(),
      formatEmissionsG((mWhToWh("449") * 385n) / 1000n),
    );
    // Verified ones are never in the self-reported table.
    assert.equal(await rowOf(page, "self-reported-table", names.bloom).count(), 0);
    await page.goto(`${url}&include=verified`);
    assert.match(
      (await rowOf(page, "leaderboard-table", names.bloom).getByTestId("trust-mark").textContent()) ?? "",
      new RegExp(`^verified by ${verifierName}, in challenge window$`),
    );
    // The chain's 60-second challenge window passes.
    await publicClient.request({ method: "evm_increaseTime" as never, params: [61] as never });
    await publicClient.request({ method: "evm_mine" as never, params: [] as never });
    await untilIndexed();
    await page.goto(url);
    for (const key of ["bloom", "gpt3"] as const) {
      const row = rowOf(page, "leaderboard-table", names[key]);
      assert.equal(
        await row.getByTestId("trust-mark").textContent(),
        `final, verified by ${verifierName}`,
        key,
      );
    }
    // Ranked by intensity, lowest first: BLOOM (57 g/kWh, grid grade B) above GPT-3 (429, D).
    const order = await page
      .getByTestId("leaderboard-table")
      .locator('[data-col="name"] a')
      .allTextContents();
    assert.ok(order.indexOf(names.bloom) < order.indexOf(names.gpt3), order.join(" | "));
    assert.equal(
      await rowOf(page, "leaderboard-table", names.gpt3).locator('[data-col="grade"]').textContent(),
      "Grid grade D",
    );
    await screenshot(page, "board-leaderboard-desktop");
    await page.close();
  });

  it("shows the demo data's training efficiency, self-reported, and compares it", async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await page.goto(`${APP_URL}/leaderboard?q=${encodeURIComponent(TAG)}`);
    // SPEC 9 (v1.1): GPT-3 1,287 MWh over 6 x 175e9 x 300e9 FLOP = 4.09 Wh/PFLOP; BLOOM 1.12.
    for (const [key, figure] of [
      ["demoGpt3", "4.09 Wh/PFLOP"],
      ["demoBloom", "1.12 Wh/PFLOP"],
    ] as const) {
      const row = rowOf(page, "self-reported-table", names[key]);
      assert.equal(await row.locator('[data-col="mWhPerPflop"]').textContent(), figure, key);
      assert.equal(await row.getByTestId("trust-mark").textContent(), "self-reported, not verified", key);
      // Two self-reported models with work units here: too few peers for a rating.
      assert.equal(await row.locator('[data-col="efficiency"]').textContent(), "not enough peers", key);
      assert.equal(await rowOf(page, "leaderboard-table", names[key]).count(), 0, key);
    }
    // No work units attested: no figure, not a zero.
    assert.equal(
      await rowOf(page, "self-reported-table", names.llama).locator('[data-col="mWhPerPflop"]').textContent(),
      "—",
    );
    for (const key of ["demoGpt3", "demoBloom", "llama"] as const)
      await page.getByRole("checkbox", { name: `Compare ${names[key]}` }).check();
    await page.getByRole("button", { name: "Compare selected" }).click();
    await page.waitForURL(/\/compare\?/);
    const table = page.getByTestId("compare-table");
    assert.equal(await table.locator("thead th").count(), 4);
    // Columns follow the order the models were picked in: read each column's model from its header.
    const headers = (await table.locator("thead th").allTextContents()).slice(1);
    const expected = { demoGpt3: "4.09 Wh/PFLOP", demoBloom: "1.12 Wh/PFLOP", llama: "not attested yet" };
    const efficiency = table.getByRole("row").filter({ hasText: /^Training efficiency(?! rating)/ });
    assert.deepEqual(
      await efficiency.locator("td").allTextContents(),
      headers.map((h) => {
        const key = (Object.keys(expected) as (keyof typeof expected)[]).find((k) => h.includes(names[k]));
        return key ? expected[key] : `no model in "${h}"`;
      }),
    );
    // The chart has a bar for each model with a figure, none for the one without.
    assert.equal((await page.getByTestId("chart-compare-efficiency").locator("svg rect").count()) >= 2, true);
    const chartTable = await page.getByTestId("chart-compare-efficiency").locator("table").textContent();
    assert.match(chartTable ?? "", /4\.09 Wh\/PFLOP/);
    assert.doesNotMatch(chartTable ?? "", new RegExp(names.llama));
    await screenshot(page, "board-compare-efficiency-desktop");
    await page.goto(`${APP_URL}/models/${ids.demoGpt3}`);
    assert.match(
      (await page.getByTestId("model-efficiency").textContent()) ?? "",
      /^4\.09 Wh\/PFLOP, rating not enough peers \(self-reported\)$/,
    );
    await page.close();
  });

  it("compares three models picked on the leaderboard, and the shared link works without JavaScript", async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await page.goto(`${APP_URL}/leaderboard?q=${encodeURIComponent(TAG)}`);
    for (const key of ["gpt3", "bloom", "llama"] as const)
      await page.getByRole("checkbox", { name: `Compare ${names[key]}` }).check();
    await page.getByRole("button", { name: "Compare selected" }).click();
    await page.waitForURL(/\/compare\?/);
    const table = page.getByTestId("compare-table");
    const headers = await table.locator("thead th").allTextContents();
    for (const key of ["gpt3", "bloom", "llama"] as const)
      assert.ok(
        headers.some((h) => h.includes(names[key])),
        `${key} in ${headers.join(" | ")}`,
      );
    const marks = await table.getByTestId("trust-mark").allTextContents();
    assert.deepEqual(marks.sort(), [
      `final, verified by ${verifierName}`,
      `final, verified by ${verifierName}`,
      "self-reported, not verified",
    ]);
    for (const chart of ["compare-energy", "compare-emissions", "compare-intensity"])
      assert.equal((await page.getByTestId(`chart-${chart}`).locator("svg rect").count()) > 0, true, chart);
    // The emissions chart: one shared scale (its title says so), numbers in a table for screen readers.
    assert.match(
      (await page.getByTestId("chart-compare-emissions").locator("svg title").first().textContent()) ?? "",
      /shared scale from 0 to /,
    );
    const shared = await page.getByRole("link", { name: /^\/compare\?ids=/ }).getAttribute("href");
    assert.ok(shared);
    await screenshot(page, "board-compare-desktop");
    const noJs = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    const plain = await noJs.newPage();
    const response = await plain.goto(`${APP_URL}${shared}`);
    assert.equal(response?.status(), 200);
    assert.equal(await plain.getByTestId("compare-table").locator("thead th").count(), 4);
    await screenshot(plain, "board-compare-phone");
    // Unusable ids: the API's sentence, on the page.
    await plain.goto(`${APP_URL}/compare?ids=${ids.gpt3}`);
    assert.match(
      (await plain.locator("main").textContent()) ?? "",
      /ids must name 2 to 4 models to compare, not 1\./,
    );
    await noJs.close();
    await page.close();
  });

  it("lists models with energy and CO2e, and a model page offers a comparison", async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await page.goto(`${APP_URL}/models?q=${encodeURIComponent(TAG)}`);
    const row = page.getByTestId("models-table").getByRole("row").filter({ hasText: names.opt });
    assert.match(
      (await row.textContent()) ?? "",
      new RegExp(formatEnergyWh(mWhToWh("324")).replace(".", "\\.")),
    );
    assert.equal(await row.getByTestId("trust-mark").textContent(), "self-reported, not verified");
    await page.goto(`${APP_URL}/models/${ids.gpt3}`);
    for (const chart of ["model-energy", "model-emissions"])
      assert.equal((await page.getByTestId(`chart-${chart}`).locator("svg text").count()) > 2, true, chart);
    await page.getByLabel("With models (ids, comma-separated)").fill(`${ids.bloom}`);
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await page.waitForURL(/\/compare\?/);
    assert.equal(await page.getByTestId("compare-table").locator("thead th").count(), 3);
    await page.close();
  });

  it("orders the home page's list by efficiency rating and says a D grid grade in words", async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await page.goto(APP_URL);
    const items = page.getByTestId("greenest-item");
    const texts = await items.allTextContents();
    for (const text of texts) {
      if (/Grid grade [DE]/.test(text)) assert.match(text, /high-carbon electricity/, text);
    }
    const gpt3 = items.filter({ hasText: names.gpt3 });
    if ((await gpt3.count()) > 0) assert.equal(await gpt3.getByTestId("high-carbon-note").count(), 1);
    // SPEC 9 (v1.1): ordered by efficiency rating, verified first, never by grid grade alone; each
    // item names its efficiency and, apart, the grid's intensity.
    const api = (await (
      await fetch(`${APP_URL}/api/v1/leaderboard?include=verified&sort=efficiency&pageSize=5`)
    ).json()) as { rows: { id: string; name: string | null }[] };
    const verified = page.getByRole("list", { name: "Verified models" }).getByTestId("greenest-item");
    assert.deepEqual(
      await verified.locator('a[href^="/models/"]').allTextContents(),
      api.rows.map((r) => r.name ?? `Model #${r.id}`),
    );
    for (const text of await items.getByTestId("greenest-efficiency").allTextContents())
      assert.match(
        text,
        /^(Efficiency [A-E]|Efficiency not enough peers|No efficiency figure yet).* · grid \d/,
        text,
      );
    await page.close();
  });

  it("never scrolls sideways at 390 px, meets WCAG 2.2 AA there; filters fold away", async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const pages: [string, string][] = [
      ["leaderboard", "/leaderboard"],
      ["leaderboard-self-reported", "/leaderboard?include=self-reported"],
      ["models", "/models"],
      ["compare", `/compare?ids=${ids.gpt3},${ids.bloom},${ids.llama},${ids.opt}`],
      ["model", `/models/${ids.gpt3}`],
      ["home", "/"],
    ];
    for (const [name, path] of pages) {
      const response = await page.goto(`${APP_URL}${path}`, { waitUntil: "networkidle" });
      assert.equal(response?.status(), 200, path);
      const width = await pageWidth(page);
      assert.ok(width <= PHONE.width, `${path} is ${width}px wide at ${PHONE.width}px`);
      if (name === "model") {
        // Nor does anything scroll sideways inside its own box (the attestation table becomes cards).
        assert.deepEqual(
          await sidewaysScrollers(page),
          [],
          `${path}: boxes that scroll sideways at ${PHONE.width}px`,
        );
        assert.ok(await page.getByTestId("attestations-table").isVisible(), "the attestations are shown");
      }
      // WCAG 2.2 AA as Lighthouse scores it; on a phone wrapped rows stack links (target size)
      assert.deepEqual(await accessibilityViolations(page), [], `${path}: WCAG 2.2 AA at ${PHONE.width}px`);
      await screenshot(page, `board-${name}-phone`);
    }
    await page.goto(`${APP_URL}/leaderboard`);
    assert.equal(await page.locator("details").first().getAttribute("open"), null, "filters folded");
    const desktop = await browser.newPage({ viewport: DESKTOP });
    for (const [name, path] of pages) {
      await desktop.goto(`${APP_URL}${path}`, { waitUntil: "networkidle" });
      // a desktop shows the columns it has room for: no table is cut off inside a scrolling box
      assert.deepEqual(
        await sidewaysScrollers(desktop),
        [],
        `${path}: boxes that scroll sideways at ${DESKTOP.width}px`,
      );
      await screenshot(desktop, `board-${name}-desktop`);
    }
    // A wide screen (2xl) adds every remaining column and the room for them.
    await desktop.setViewportSize({ width: 1536, height: 900 });
    for (const path of ["/leaderboard", "/leaderboard?include=self-reported"]) {
      await desktop.goto(`${APP_URL}${path}`, { waitUntil: "networkidle" });
      assert.ok(await desktop.locator('th:has-text("Certificates")').first().isVisible(), path);
      assert.deepEqual(await sidewaysScrollers(desktop), [], `${path}: boxes that scroll sideways at 1536px`);
      assert.ok((await pageWidth(desktop)) <= 1536, `${path} wider than the screen at 1536px`);
    }
    await screenshot(desktop, "board-leaderboard-self-reported-wide");
    await desktop.close();
    await context.close();
  });
});

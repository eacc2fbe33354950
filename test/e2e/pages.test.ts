// Every page, as a visitor without a wallet sees it, at desktop and phone width: it answers,
// has one main heading, does not scroll sideways on a phone, and (public pages) has no WCAG 2.2 AA
// violation axe-core finds; screenshots saved as artifacts.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { ANVIL_KEYS } from "../../script/lib/anvil";
import { APP_URL, launchBrowser, screenshot } from "./browser";
import { registerModel, untilIndexed } from "./helpers";
import { accessibilityViolations } from "./layout";

/** The public pages (no wallet): checked with axe-core for WCAG 2.2 AA, as Lighthouse's score does. */
const PUBLIC = new Set(["home", "leaderboard", "models", "model", "verifiers"]);

const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

describe("every page at desktop and phone width", () => {
  let browser: Browser;
  let pages: [string, string][];

  before(async () => {
    const id = await registerModel(ANVIL_KEYS[5], "Screenshot model");
    await untilIndexed();
    pages = [
      ["home", "/"],
      ["leaderboard", "/leaderboard?include=verified"],
      ["models", "/models"],
      ["model", `/models/${id}`],
      ["register", "/models/new"],
      ["attest", `/models/${id}/attest`],
      ["manage", `/models/${id}/manage`],
      ["verify", "/verify"],
      ["relay", "/relay"],
      ["verifiers", "/verifiers"],
      ["disputes", "/disputes"],
      ["governance", "/admin"],
    ];
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  for (const [viewport, size] of Object.entries(VIEWPORTS)) {
    it(`renders every page at ${viewport} width`, async () => {
      const context = await browser.newContext({ viewport: size });
      const page = await context.newPage();
      for (const [name, path] of pages) {
        const response = await page.goto(`${APP_URL}${path}`, { waitUntil: "networkidle" });
        assert.equal(response?.status(), 200, `${path} answers`);
        assert.equal(await page.locator("h1").count(), 1, `${path} has one main heading`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        // Name what sticks out, absolutely positioned elements first: they escape a scrolling
        // container whose box is not their containing block (e.g. an sr-only label in a wide table).
        const culprits = await page.evaluate(() =>
          [...document.querySelectorAll("body *")]
            .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
            .sort(
              (a, b) =>
                Number(getComputedStyle(b).position === "absolute") -
                Number(getComputedStyle(a).position === "absolute"),
            )
            .slice(0, 3)
            .map((e) => `<${e.tagName.toLowerCase()} class="${e.getAttribute("class") ?? ""}">`),
        );
        assert.ok(
          overflow <= 1,
          `${path} scrolls sideways by ${overflow}px at ${viewport} width: ${culprits.join(", ")}`,
        );
        if (PUBLIC.has(name)) {
          const violations = await accessibilityViolations(page);
          assert.deepEqual(violations, [], `${path} at ${viewport} width: WCAG 2.2 AA violations`);
        }
        await screenshot(page, `${name}-${viewport}`);
      }
      await context.close();
    });
  }

  it("answers an unknown model id with 404 and a way back, and a malformed one too", async () => {
    const page = await browser.newPage();
    for (const id of ["999999", "abc"]) {
      const response = await page.goto(`${APP_URL}/models/${id}`);
      assert.equal(response?.status(), 404, id);
      assert.equal(await page.locator("h1").textContent(), "No such model", id);
      assert.equal(
        await page.getByRole("link", { name: "Every registered model" }).getAttribute("href"),
        "/models",
      );
    }
    await page.close();
  });
});

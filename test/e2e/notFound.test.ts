// Unknown and malformed ids on the public detail pages, as curl, a crawler or a browser without
// JavaScript gets them: a real 404 whose HTML itself (not the script payload) explains what is
// missing and links onward.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { ANVIL_KEYS } from "../../script/lib/anvil";
import { APP_URL, launchBrowser, screenshot } from "./browser";
import { registerModel, untilIndexed } from "./helpers";

const UNKNOWN_32 = `0x${"7e".repeat(32)}`;

/** The response's status and its HTML with every <script> removed: what a reader without JavaScript sees. */
async function get(path: string): Promise<{ status: number; html: string }> {
  const response = await fetch(`${APP_URL}${path}`, { redirect: "manual" });
  const html = (await response.text()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
  return { status: response.status, html };
}

describe("unknown and malformed ids answer a readable 404", () => {
  let known: bigint;

  before(async () => {
    known = await registerModel(ANVIL_KEYS[5], "Not-found control model");
    await untilIndexed();
  });

  const cases: Array<[path: string, heading: string, sentence: RegExp, link: string]> = [
    ["/models/999999", "No such model", /no model #999999/, "/models"],
    ["/models/abc", "No such model", /“abc” is not a model id/, "/models"],
    ["/models/0", "No such model", /“0” is not a model id/, "/models"],
    [
      `/attestations/${UNKNOWN_32}`,
      "No such attestation",
      new RegExp(`no attestation ${UNKNOWN_32}`),
      "/models",
    ],
    ["/attestations/0x1234", "No such attestation", /“0x1234” is not an attestation id/, "/models"],
    ["/address/not-an-address", "Not an address", /“not-an-address” is not an account address/, "/models"],
    [`/tx/${UNKNOWN_32}`, "No such transaction", new RegExp(`no mined transaction ${UNKNOWN_32}`), "/"],
    ["/tx/0xnothex", "Not a transaction hash", /“0xnothex” is not a transaction hash/, "/"],
    ["/no/such/page", "Page not found", /no page at this address/, "/"],
  ];
  for (const [path, heading, sentence, link] of cases) {
    it(`${path}: 404 with "${heading}" in the HTML`, async () => {
      const { status, html } = await get(path);
      assert.equal(status, 404, `${path} answers ${status}`);
      assert.ok(!html.includes('id="__next_error__"'), `${path} is Next's empty error shell`);
      assert.match(html, new RegExp(`<h1[^>]*>${heading}</h1>`), `${path}: no readable heading`);
      assert.match(html, sentence, `${path}: no explanation`);
      // The way onward is in the explanation itself, not only in the site's navigation.
      const article = /<article[^>]*data-not-found[^>]*>([\s\S]*?)<\/article>/.exec(html)?.[1] ?? "";
      assert.match(article, new RegExp(`<a[^>]+href="${link}"`), `${path}: no link to ${link}`);
      assert.match(html, /<nav aria-label="Main"/, `${path}: the site's navigation`);
    });
  }

  it("a known model still answers 200 with its page", async () => {
    const { status, html } = await get(`/models/${known}`);
    assert.equal(status, 200);
    // Its metadata URI is not fetchable here, so the page names it as unnamed.
    assert.match(html, /<h1[^>]*>Unnamed model<\/h1>/);
  });

  it("an address that did nothing yet is a page, not a 404", async () => {
    const { status, html } = await get(`/address/0x${"00".repeat(19)}01`);
    assert.equal(status, 200);
    assert.doesNotMatch(html, /<h1[^>]*>Not an address<\/h1>/);
  });

  it("reads the same in a browser without JavaScript, at phone width", async () => {
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({
        javaScriptEnabled: false,
        viewport: { width: 390, height: 844 },
      });
      const page = await context.newPage();
      const response = await page.goto(`${APP_URL}/attestations/${UNKNOWN_32}`);
      assert.equal(response?.status(), 404);
      assert.equal(await page.locator("h1").textContent(), "No such attestation");
      assert.ok(await page.getByRole("link", { name: "Every registered model" }).isVisible());
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the 404 page scrolls sideways by ${overflow} px`);
      await screenshot(page, "not-found-attestation-phone");
      await context.close();
    } finally {
      await browser.close();
    }
  });
});

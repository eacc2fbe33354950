// Overlapping certificate ranges (SPEC 8): the contract refuses only an exactly equal serial, so a sub-range of a
// recorded range is a double claim it cannot see. The verifier's certificate queue and the model page show a
// Pending certificate whose range meets a Pending or Confirmed one of the same registry and series, and not a
// neighbouring range.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import type { Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { CertificateKind } from "../../lib/spec";
import { ANVIL_KEYS } from "../../script/lib/anvil";
import { APP_URL, launchBrowser, RPC_URL, screenshot } from "./browser";
import { registerModel, sdk, untilIndexed } from "./helpers";
import { TestWallet } from "./wallet";

const ADMIN = ANVIL_KEYS[0];
const OWNER = ANVIL_KEYS[5];
const VERIFIER = ANVIL_KEYS[2];

/** An I-REC certificate number (16 digits in groups of four) of this run. */
const base = (BigInt(Date.now()) % 10n ** 12n) * 1000n;
const irec = (n: bigint, sep = "-") =>
  (base + n)
    .toString()
    .padStart(16, "0")
    .replace(/(\d{4})(?=\d)/g, `$1${sep}`);

describe("overlapping certificate ranges", () => {
  let browser: Browser;
  let page: Page;
  let first: bigint;
  let second: bigint;
  let whole: Hex;
  let part: Hex;
  let neighbour: Hex;

  const record = async (modelId: bigint, serial: string) =>
    (
      await sdk(OWNER).recordCertificate({
        modelId,
        kind: CertificateKind.REC,
        amount: 1_000_000n,
        registry: "I-REC",
        serial,
        uri: "",
      })
    ).result;

  before(async () => {
    const verifier = privateKeyToAccount(VERIFIER).address;
    if (!(await sdk(ADMIN).isVerifier(verifier))) {
      await sdk(ADMIN).accreditVerifier({ account: verifier, name: "E2E Verifier", uri: "" });
    }
    first = await registerModel(OWNER, "Overlap model A");
    second = await registerModel(OWNER, "Overlap model B");
    whole = (await record(first, `${irec(1n)} TO ${irec(500n)}`)).id;
    // the same certificates 1..250 again, typed another way (no group separators, a dash): a different serial
    const r = await record(second, `${irec(1n, "")}-${irec(250n, "")}`);
    assert.equal(r.serial, `${irec(1n)} TO ${irec(250n)}`, "recorded in the normalised form");
    part = r.id;
    neighbour = (await record(second, `${irec(501n)} TO ${irec(600n)}`)).id;

    browser = await launchBrowser();
    const context = await browser.newContext();
    await new TestWallet(VERIFIER, RPC_URL).install(context);
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close();
  });

  const short = (id: Hex) => id.slice(0, 10);

  it("the verifier's certificate queue says which certificate a sub-range overlaps, and not for a neighbour", async () => {
    await untilIndexed();
    await page.goto(`${APP_URL}/verify?model=${second}`);
    await page.getByRole("button", { name: "Connect wallet" }).click();
    await page.getByRole("button", { name: "Greenprint Test Wallet" }).click();
    await page.getByTestId("connected-account").waitFor();
    const partItem = page.getByTestId("certificate-queue-item").filter({ hasText: irec(250n) });
    const note = (await partItem.getByTestId("certificate-overlap").textContent()) ?? "";
    assert.match(note, new RegExp(`Overlaps certificate ${short(whole)}.*Pending`));
    assert.ok(note.includes(`model #${first}`), note);
    const neighbourItem = page.getByTestId("certificate-queue-item").filter({ hasText: irec(600n) });
    await neighbourItem.waitFor();
    assert.equal(
      await neighbourItem.getByTestId("certificate-overlap").count(),
      0,
      "a neighbouring range is not flagged",
    );
    await screenshot(page, "certificate-overlap-queue-desktop");
  });

  it("the model page shows it too, once the overlapped certificate is Confirmed", async () => {
    await sdk(VERIFIER).confirmCertificate({ id: whole });
    await untilIndexed();
    await page.goto(`${APP_URL}/models/${second}`);
    const item = page.getByTestId("certificate").filter({ hasText: irec(250n) });
    const note = (await item.getByTestId("certificate-overlap").textContent()) ?? "";
    assert.match(note, new RegExp(`Overlaps certificate ${short(whole)}.*Confirmed`));
    const other = page.getByTestId("certificate").filter({ hasText: irec(600n) });
    assert.equal(await other.getByTestId("certificate-overlap").count(), 0);
    // the overlapped certificate itself is Confirmed, not Pending: no note on its own model page
    await page.goto(`${APP_URL}/models/${first}`);
    await page.getByTestId("certificate").first().waitFor();
    assert.equal(await page.getByTestId("certificate-overlap").count(), 0);
    assert.ok(part && neighbour);
  });
});

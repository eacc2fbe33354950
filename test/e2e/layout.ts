// Page layout checks of the browser tests: the viewports, and what scrolls sideways.
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

/** Boxes whose content scrolls sideways inside them (tag, class, content/box width). */
export function sidewaysScrollers(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((e) => e.scrollWidth > e.clientWidth + 1 && /auto|scroll/.test(getComputedStyle(e).overflowX))
      .map(
        (e) =>
          `<${e.tagName.toLowerCase()} class="${e.getAttribute("class") ?? ""}"> ${e.scrollWidth}/${e.clientWidth}px`,
      ),
  );
}

/** document.scrollingElement.scrollWidth: the page's own width, which must fit the phone. */
export async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth);
}

/**
 * WCAG 2.2 A/AA violations axe-core finds on the page as it is now (the engine Lighthouse's
 * accessibility score runs), each as "rule: the elements it names". Run at phone width too: some
 * rules (target size) only fail when a layout wraps.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve("axe-core/axe.min.js") });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResults> } }).axe;
    type AxeResults = { violations: { id: string; nodes: { html: string }[] }[] };
    const results = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    });
    return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 120)).join(" | ")}`);
  });
}

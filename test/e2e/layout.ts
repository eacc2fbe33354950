// Page layout checks of the browser tests: the viewports, and what scrolls sideways.
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

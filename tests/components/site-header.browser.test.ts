import { describe, expect, it } from "vitest";
import { atEachWidth, useSiteInBrowser } from "../support/site-in-browser.ts";

const site = useSiteInBrowser();

describe("the site header on a phone", () => {
  it("takes at most a quarter of a 390 × 844 screen with its menu folded, on every page of both languages", async () => {
    const tab = await site.browser.newPage();
    await tab.setViewport({ width: 390, height: 844 });
    const pages = site.built.pages.filter((page) => /^\/(de|en)\/.+/.test(page.url));
    expect(pages.length).toBeGreaterThan(20);
    for (const page of pages) {
      await tab.goto(site.origin + page.url, { waitUntil: "load" });
      const bottom = await tab.evaluate(async () => {
        await document.fonts.ready;
        return document.querySelector(".site-header")?.getBoundingClientRect().bottom ?? Infinity;
      });
      expect(bottom, page.url).toBeLessThanOrEqual(844 / 4);
    }
    await tab.close();
  });

  it("opens the menu with the keyboard, and shows it as a row of links on a wide screen", async () => {
    const tab = await site.browser.newPage();
    await tab.setViewport({ width: 390, height: 844 });
    await tab.goto(`${site.origin}/de/kennzahlen/`, { waitUntil: "load" });
    const visibleLinks = () =>
      tab.$$eval(".main-menu a", (links) =>
        links.filter((link) => link.checkVisibility()).map((link) => link.textContent),
      );
    expect(await visibleLinks()).toEqual([]);
    await tab.focus(".main-menu summary");
    await tab.keyboard.press("Enter");
    expect(await visibleLinks()).toHaveLength(7);
    await tab.setViewport({ width: 1280, height: 800 });
    await tab.reload({ waitUntil: "load" });
    expect(await visibleLinks()).toHaveLength(7);
    expect(await tab.$eval(".main-menu summary", (summary) => summary.checkVisibility())).toBe(
      false,
    );
    await tab.close();
  });
});

describe("the header bar", () => {
  it("starts at the top edge of the screen, and the footer ends the page, with nothing of the page around them", async () => {
    const tab = await site.browser.newPage();
    for (const url of ["/", "/de/", "/en/key-figures/", "/de/leichte-sprache/"]) {
      await atEachWidth(tab, site.origin + url, [390, 1280], async (width) => {
        const edges = await tab.evaluate(() => {
          const footer = document.querySelector(".site-footer");
          return {
            barTop: document.querySelector(".kern-kopfzeile")?.getBoundingClientRect().top,
            belowFooter:
              footer === null
                ? 0
                : document.documentElement.scrollHeight -
                  (footer.getBoundingClientRect().bottom + window.scrollY),
          };
        });
        expect(edges, `${url} at ${width} px`).toEqual({ barTop: 0, belowFooter: 0 });
      });
    }
    await tab.close();
  });
});

/// <reference lib="dom" />
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../src/checks/a11y/index.ts";
import { startSiteServer, type SiteServer } from "../../src/checks/a11y/server.ts";
import { findBrowser } from "../../src/checks/browser.ts";
import { buildRealSite } from "../support/built-site.ts";

let browser: Browser;
let server: SiteServer;
let tablePages: string[];

beforeAll(async () => {
  const built = await buildRealSite();
  tablePages = built.pages
    .filter((page) => page.html.includes('class="kern-table-responsive table-region"'))
    .map((page) => page.url);
  server = await startSiteServer(built.outputDir);
  browser = await launchBrowser(findBrowser(), ["--no-sandbox", "--disable-dev-shm-usage"]);
}, 60_000);

afterAll(async () => {
  await browser.close();
  await server.close();
});

/** What a reader sees of one table region. */
interface RegionView {
  caption: string;
  scrolls: boolean;
  hintShown: boolean;
  /** Words of column names and cells that stand on two lines: "Kenn|zahlen". */
  brokenWords: string[];
  /** Font sizes in px: the caption's, and a level-3 and level-4 heading's in the same content. */
  captionSize: number;
  h3Size: number;
  h4Size: number;
}

/** Runs in the page: each table region as a reader sees it. */
function viewRegions(): RegionView[] {
  const range = document.createRange();
  const lines = (rects: DOMRectList) => {
    const tops: number[] = [];
    for (const rect of rects) {
      if (rect.width > 0 && !tops.some((top) => Math.abs(top - rect.top) < rect.height / 2)) {
        tops.push(rect.top);
      }
    }
    return tops.length;
  };
  const size = (element: Element | null) =>
    element === null ? Number.NaN : parseFloat(getComputedStyle(element).fontSize);
  const headingSize = (region: Element, level: string) => {
    const heading = document.createElement(level);
    region.parentElement?.insertBefore(heading, region);
    const found = size(heading);
    heading.remove();
    return found;
  };
  return [...document.querySelectorAll(".table-region")].map((region) => {
    const brokenWords: string[] = [];
    for (const cell of region.querySelectorAll("td, th[scope=col]")) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text) {
        const segmenter = new Intl.Segmenter(
          node.parentElement?.closest("[lang]")?.getAttribute("lang") ?? "en",
          {
            granularity: "word",
          },
        );
        for (const word of segmenter.segment(node.data)) {
          if (word.isWordLike !== true) continue;
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word.segment.length);
          if (lines(range.getClientRects()) > 1)
            brokenWords.push(word.segment.replace(/\u00ad/g, ""));
        }
      }
    }
    const caption = region.querySelector("caption");
    return {
      caption: (caption?.textContent ?? "").replace(/\u00ad/g, ""),
      scrolls: region.scrollWidth > region.clientWidth,
      hintShown: region.querySelector(".table-region__hint")?.checkVisibility() ?? false,
      brokenWords,
      captionSize: size(caption),
      h3Size: headingSize(region, "h3"),
      h4Size: headingSize(region, "h4"),
    };
  });
}

async function regionsAt(tab: Page, url: string, width: number): Promise<RegionView[]> {
  await tab.setViewport({ width, height: 844 });
  await tab.goto(server.origin + url, { waitUntil: "load" });
  await tab.evaluate(() => document.fonts.ready.then(() => true));
  return tab.evaluate(viewRegions);
}

describe("a table on the built site", () => {
  it("scrolls inside its region on a phone instead of squeezing, and says so exactly while it does", async () => {
    expect(tablePages.length).toBeGreaterThanOrEqual(6);
    const tab = await browser.newPage();
    for (const url of tablePages) {
      for (const width of [320, 390, 768, 1280]) {
        for (const region of await regionsAt(tab, url, width)) {
          const where = `${url} at ${width} px, "${region.caption}"`;
          if (width <= 390) expect(region.scrolls, where).toBe(true);
          expect(region.hintShown, where).toBe(region.scrolls);
        }
      }
    }
    await tab.close();
  });

  it("keeps every word of its values and column names whole on a phone, soft hyphens unused", async () => {
    const tab = await browser.newPage();
    for (const url of tablePages) {
      for (const width of [320, 390]) {
        for (const region of await regionsAt(tab, url, width)) {
          expect(region.brokenWords, `${url} at ${width} px, "${region.caption}"`).toEqual([]);
        }
      }
    }
    await tab.close();
  });

  it("has a caption smaller than the headings around it, so it reads as the table's title", async () => {
    const tab = await browser.newPage();
    for (const url of tablePages) {
      for (const width of [390, 1280]) {
        for (const region of await regionsAt(tab, url, width)) {
          const where = `${url} at ${width} px, "${region.caption}"`;
          expect(region.captionSize, where).toBeLessThan(region.h3Size);
          expect(region.captionSize, where).toBeLessThanOrEqual(region.h4Size);
        }
      }
    }
    await tab.close();
  });
});

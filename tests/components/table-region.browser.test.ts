/// <reference lib="dom" />
import { describe, expect, it } from "vitest";
import { atEachWidth, useSiteInBrowser } from "../support/site-in-browser.ts";

const site = useSiteInBrowser();

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

/** A table region as a reader sees it at one width, and the words that say where it is. */
interface RegionAt extends RegionView {
  where: string;
  width: number;
}

let regions: Promise<RegionAt[]> | undefined;

/**
 * Every table region of every built page that has one, at 320, 390, 768 and 1280 px: looked at
 * once for all the tests of this file.
 */
function allRegions(): Promise<RegionAt[]> {
  regions ??= (async () => {
    const tablePages = site.built.pages
      .filter((page) => page.html.includes('class="kern-table-responsive table-region"'))
      .map((page) => page.url);
    const tab = await site.browser.newPage();
    const seen: RegionAt[] = [];
    for (const url of tablePages) {
      await atEachWidth(tab, site.origin + url, [320, 390, 768, 1280], async (width) => {
        for (const region of await tab.evaluate(viewRegions)) {
          seen.push({ ...region, width, where: `${url} at ${width} px, "${region.caption}"` });
        }
      });
    }
    await tab.close();
    return seen;
  })();
  return regions;
}

describe("a table on the built site", () => {
  it("scrolls inside its region on a phone instead of squeezing, and says so exactly while it does", async () => {
    const seen = await allRegions();
    // The key figures, the open data files and a source's spellings, in both languages.
    expect(seen.length).toBeGreaterThanOrEqual(6 * 4);
    for (const region of seen) {
      if (region.width <= 390) expect(region.scrolls, region.where).toBe(true);
      expect(region.hintShown, region.where).toBe(region.scrolls);
    }
  });

  it("keeps every word of its values and column names whole on a phone, soft hyphens unused", async () => {
    for (const region of await allRegions()) {
      if (region.width <= 390) expect(region.brokenWords, region.where).toEqual([]);
    }
  });

  it("has a caption smaller than the headings around it, so it reads as the table's title", async () => {
    for (const region of await allRegions()) {
      expect(region.captionSize, region.where).toBeLessThan(region.h3Size);
      expect(region.captionSize, region.where).toBeLessThanOrEqual(region.h4Size);
    }
  });
});

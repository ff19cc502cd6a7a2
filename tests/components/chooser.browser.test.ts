/// <reference lib="dom" />
import { describe, expect, it } from "vitest";
import { atEachWidth, useSiteInBrowser } from "../support/site-in-browser.ts";

const site = useSiteInBrowser();

/** Runs in the page: the lines an element's text stands on, as drawn, soft hyphens left out. */
function drawnLines(selector: string): string[] {
  const element = document.querySelector(selector);
  if (element === null) return [];
  const range = document.createRange();
  const lines: { top: number; text: string }[] = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    for (let offset = 0; offset < node.data.length; offset++) {
      range.setStart(node, offset);
      range.setEnd(node, offset + 1);
      const box = [...range.getClientRects()].find((rect) => rect.width > 0);
      if (box === undefined) continue;
      const line = lines.at(-1);
      if (line === undefined || box.top - line.top > box.height / 2) {
        lines.push({ top: box.top, text: node.data[offset] ?? "" });
      } else {
        line.text += node.data[offset] ?? "";
      }
    }
  }
  return lines.map((line) =>
    line.text
      .replace(/\u00ad/g, "")
      .replace(/\s+/g, " ")
      .trim(),
  );
}

describe("the root page's title and header bar, in both languages", () => {
  it("never begin a line with the dot between the languages, at any width", async () => {
    const tab = await site.browser.newPage();
    await atEachWidth(tab, `${site.origin}/`, [320, 390, 768, 1280], async (width) => {
      for (const selector of ["h1", ".kern-kopfzeile__label"]) {
        const lines = await tab.evaluate(drawnLines, selector);
        expect(lines.length, `${selector} at ${width} px`).toBeGreaterThan(0);
        expect(
          lines.filter((line) => line.startsWith("·")),
          `${selector} at ${width} px: ${JSON.stringify(lines)}`,
        ).toEqual([]);
      }
    });
    await tab.close();
  });

  it("put each language on a line of its own on a phone", async () => {
    const tab = await site.browser.newPage();
    await tab.setViewport({ width: 390, height: 844 });
    await tab.goto(`${site.origin}/`, { waitUntil: "load" });
    await tab.evaluate(() => document.fonts.ready.then(() => true));
    expect(await tab.evaluate(drawnLines, "h1")).toEqual([
      "Gesundheitswirtschaft",
      "Health economy",
    ]);
    expect(await tab.evaluate(drawnLines, ".kern-kopfzeile__label")).toEqual([
      "Vorschau – keine offizielle Website",
      "Preview – not an official website",
    ]);
    await tab.close();
  });
});

import { gzipSync } from "node:zlib";
import { glob } from "tinyglobby";
import { describe, expect, it } from "vitest";
import { buildRealSite } from "../support/built-site.ts";
import { attribute, parseHtml, tag } from "../support/html.ts";

/** What a first round trip of a new connection carries: 10 TCP segments of about 1,460 bytes. */
const FIRST_ROUND_TRIP = 14 * 1024;

describe("what a reader downloads", () => {
  it("fits each page's HTML with the stylesheet, gzipped, into the first round trip", async () => {
    const site = await buildRealSite();
    const stylesheet = gzipSync(await site.read(site.stylesheet)).length;
    expect(stylesheet).toBeGreaterThan(1000);
    for (const page of site.pages) {
      expect(gzipSync(page.html).length + stylesheet, page.url).toBeLessThan(FIRST_ROUND_TRIP);
    }
  });

  it("holds no JavaScript: no script file, and no script element but the data block of the data pages", async () => {
    const site = await buildRealSite();
    expect(await glob("**/*.{js,mjs,cjs}", { cwd: site.outputDir })).toEqual([]);
    for (const page of site.pages) {
      const scripts = parseHtml(page.html).all(tag("script"));
      expect(
        scripts.filter((script) => attribute(script, "type") !== "application/ld+json"),
        page.url,
      ).toEqual([]);
    }
  });
});

import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fingerprintedPath } from "../../src/lib/fingerprint.ts";
import { fontFacesOf } from "../../src/lib/fonts.ts";
import { compileStylesheet, stylesheetUrl } from "../../src/lib/stylesheet.ts";
import { projectRoot } from "../../src/lib/project.ts";
import { buildRealSite } from "../support/built-site.ts";
import { attribute, parseHtml, tag } from "../support/html.ts";

describe("the published stylesheet", () => {
  it("is the stylesheet compiled from KERN and the site's layer, linked by every page", async () => {
    const site = await buildRealSite();
    const compiled = (await compileStylesheet(projectRoot)).css;
    const published = await site.read(site.stylesheet);
    const declared = fontFacesOf(compiled).map((face) => face.url);
    const served = fontFacesOf(published).map((face) => face.url);
    expect(served).toHaveLength(declared.length);
    expect(
      served.reduce((css, url, index) => css.replaceAll(url, declared[index] ?? ""), published),
    ).toBe(compiled);
    for (const page of site.pages) {
      const links = parseHtml(page.html).all(tag("link", { rel: "stylesheet" }));
      expect(
        links.map((link) => attribute(link, "href")),
        page.url,
      ).toEqual([`/${site.stylesheet}`]);
    }
  });

  it("and its fonts are published under names fingerprinted by their content, and under no other", async () => {
    const site = await buildRealSite();
    const published = await site.read(site.stylesheet);
    expect(`/${site.stylesheet}`).toBe(fingerprintedPath(stylesheetUrl, published));
    const declared = fontFacesOf((await compileStylesheet(projectRoot)).css);
    for (const [index, face] of fontFacesOf(published).entries()) {
      const original = declared[index]?.url ?? "";
      const bytes = await readFile(path.join(site.outputDir, face.url));
      expect(face.url).toBe(fingerprintedPath(original, bytes));
      expect(existsSync(path.join(site.outputDir, original)), original).toBe(false);
    }
    expect(existsSync(path.join(site.outputDir, stylesheetUrl))).toBe(false);
  });
});

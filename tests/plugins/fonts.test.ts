import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import fontverter from "fontverter";
import * as hb from "harfbuzzjs";
import { describe, expect, it } from "vitest";
import { fontFacesOf } from "../../src/lib/fonts.ts";
import { buildRealSite } from "../support/built-site.ts";
import { parseHtml, rawText, tag } from "../support/html.ts";

/** The characters a font file has glyphs for, read from its character map with HarfBuzz. */
async function charactersOf(file: string): Promise<Set<string>> {
  const sfnt = await fontverter.convert(await readFile(file), "sfnt");
  const face = new hb.Face(new hb.Blob(new Uint8Array(sfnt)));
  return new Set([...face.collectUnicodes()].map((code) => String.fromCodePoint(code)));
}

describe("the site's fonts", () => {
  it("are at most 3 files of at most 120 KB together, each declared in the stylesheet", async () => {
    const site = await buildRealSite();
    const faces = fontFacesOf(await site.read(site.stylesheet));
    expect(faces.map((face) => face.weight)).toEqual([400, 500, 600]);
    const sizes = await Promise.all(
      faces.map(async (face) => (await stat(path.join(site.outputDir, face.url))).size),
    );
    expect(sizes.every((size) => size > 1000)).toBe(true);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBeLessThanOrEqual(120 * 1024);
  });

  it("have a glyph for every character of every page's text, so no letter falls back to another font", async () => {
    const site = await buildRealSite();
    const used = new Set<string>();
    for (const page of site.pages) {
      const body = parseHtml(page.html).first(tag("body"));
      for (const character of rawText(body)) if (!/\s/.test(character)) used.add(character);
    }
    expect(used).toContain("ß");
    expect(used).toContain("\u00ad");
    for (const face of fontFacesOf(await site.read(site.stylesheet))) {
      const glyphs = await charactersOf(path.join(site.outputDir, face.url));
      expect(
        [...used].filter((character) => !glyphs.has(character)),
        face.url,
      ).toEqual([]);
      // And no more than the pages need: the subset, not the whole font.
      expect(glyphs.size).toBeLessThan(400);
    }
  });
});

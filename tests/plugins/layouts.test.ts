import { describe, expect, it } from "vitest";
import { buildRealSite } from "../support/built-site.ts";
import { languages } from "../../src/lib/languages.ts";
import { notFoundPage } from "../../src/lib/published-files.ts";
import { attribute, parseHtml, rawText, tag, text } from "../support/html.ts";

/** The built pages with their main content's markup, by URL. */
async function mains(): Promise<Map<string, string>> {
  const site = await buildRealSite();
  return new Map(
    site.pages.map((page) => {
      const main = parseHtml(page.html).first(tag("main"));
      return [page.url, rawText(main)];
    }),
  );
}

describe("the page layout's hyphenation", () => {
  it("gives long words in headings and tables soft hyphens, in both languages", async () => {
    const pages = await mains();
    expect(pages.get("/de/kennzahlen/")).toContain(
      "Ge\u00adsund\u00adheits\u00adwirt\u00adschafts",
    );
    expect(pages.get("/en/north-rhine-westphalia/")).toContain("West\u00adphalia");
  });

  it("never breaks a word at a syllable on the pages in Leichte Sprache and easy-read English", async () => {
    const pages = await mains();
    for (const url of ["/de/leichte-sprache/", "/en/easy-read/"]) {
      expect(pages.get(url)?.length, url).toBeGreaterThan(500);
      expect(pages.get(url), url).not.toContain("\u00ad");
    }
  });

  it("keeps a hedge and its figure together with no-break spaces", async () => {
    const pages = await mains();
    expect(pages.get("/de/kennzahlen/")).toContain("fast\u00a0370.000");
    expect(pages.get("/de/kennzahlen/")).toContain("etwa\u00a01\u00a0von\u00a06");
    expect(pages.get("/en/key-figures/")).toContain("more\u00a0than\u00a01.1\u00a0million");
  });
});

describe("the 404 page at the site's root", () => {
  it("is written beside the languages' own, speaks every language and leads to each start page", async () => {
    const site = await buildRealSite();
    const root = parseHtml(await site.read(notFoundPage));
    expect(root.all(tag("section")).map((section) => attribute(section, "lang"))).toEqual([
      ...languages,
    ]);
    expect(
      root.all(tag("a", { class: "chooser__enter" })).map((link) => attribute(link, "href")),
    ).toEqual(languages.map((language) => `/${language}/`));
    for (const language of languages) {
      const own = parseHtml(await site.read(`${language}/${notFoundPage}`));
      expect(text(root.first(tag("h1")))).toContain(text(own.first(tag("h1"))));
    }
  });
});

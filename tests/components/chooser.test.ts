import { describe, expect, it } from "vitest";
import publisherData from "../../data/publisher.ts";
import { chooser, rootNotFound, type ChooserProps } from "../../src/components/chooser.ts";
import { pageIn } from "../../src/components/menu.ts";
import { publisherModule } from "../../src/lib/data/schemas.ts";
import type { Translator } from "../../src/lib/i18n.ts";
import type { Translations } from "../../src/lib/pages.ts";
import { attribute, parseHtml, tag, text, within } from "../support/html.ts";
import { translations } from "./support.ts";

/** Answers every key with the language and key, so tests see which language each part speaks. */
const translator: Translator = {
  t: (language, key, values) =>
    values === undefined ? `${language}:${key}` : `${language}:${key} ${JSON.stringify(values)}`,
  has: () => true,
};

/** A page in both languages, as the pairing gives it. */
function pair(key: string, de: string, en: string): Translations {
  const page = (url: string, language: string) => ({
    url,
    title: `${language} ${key}`,
    navTitle: `${language} ${key}`,
    inputPath: `src/site/${language}${url.slice(3, -1) || "/index"}.md`,
    sitemap: true,
    version: undefined,
  });
  return { [key]: { de: page(de, "de"), en: page(en, "en") } };
}

const site: Translations = {
  ...translations,
  ...pair("berlin-brandenburg", "/de/berlin-brandenburg/", "/en/berlin-brandenburg/"),
  ...pair("nrw", "/de/nordrhein-westfalen/", "/en/north-rhine-westphalia/"),
  ...pair("legal-notice", "/de/impressum/", "/en/legal-notice/"),
  ...pair("privacy", "/de/datenschutz/", "/en/privacy/"),
  ...pair("not-found", "/de/404.html", "/en/404.html"),
  ...pair("easy-read", "/de/leichte-sprache/", "/en/easy-read/"),
};

const publisher = publisherModule.parse(publisherData);

function rootPage(overrides: Partial<ChooserProps> = {}, component = chooser) {
  return parseHtml(
    component({
      translations: site,
      translator,
      official: false,
      publisher,
      contentSecurityPolicy: undefined,
      baseUrl: "https://example.org",
      ...overrides,
    }).markup,
  );
}

describe("the root page", () => {
  const page = rootPage();
  const sections = page.all(tag("section"));

  it("introduces the site in every language, in a section marked with that language", () => {
    expect(sections.map((section) => attribute(section, "lang"))).toEqual(["de", "en"]);
    for (const [index, language] of ["de", "en"].entries()) {
      const texts = within(sections[index] ?? null, tag("p")).map((paragraph) => text(paragraph));
      expect(texts).toEqual(
        expect.arrayContaining([`${language}:chooser.intro`, `${language}:chooser.regions`]),
      );
    }
  });

  it("links each language's start page, the pages of both regions and, at its foot, the pages a public body's site links everywhere, in that language", () => {
    const links = (index: number) =>
      within(sections[index] ?? null, tag("a")).map((link) => [
        attribute(link, "href"),
        text(link),
      ]);
    expect(links(0)).toEqual([
      ["/de/berlin-brandenburg/", "de berlin-brandenburg"],
      ["/de/nordrhein-westfalen/", "de nrw"],
      ["/de/", "de:chooser.enter"],
      ["/de/leichte-sprache/", "de easy-read"],
      ["/de/barrierefreiheit/", "Barrierefreiheit"],
      ["/de/barrierefreiheit/#feedback", "de:accessibility.reportBarrier"],
      ["/de/impressum/", "de legal-notice"],
      ["/de/datenschutz/", "de privacy"],
    ]);
    expect(links(1).map(([href]) => href)).toEqual([
      "/en/berlin-brandenburg/",
      "/en/north-rhine-westphalia/",
      "/en/",
      "/en/easy-read/",
      "/en/accessibility/",
      "/en/accessibility/#feedback",
      "/en/legal-notice/",
      "/en/privacy/",
    ]);
    const foot = within(sections[1] ?? null, tag("nav"));
    expect(foot.map((nav) => attribute(nav, "aria-label"))).toEqual(["en:common.footerNavigation"]);
    const start = page.first(tag("a", { href: "/en/" }));
    expect(attribute(start, "hreflang")).toBe("en");
  });

  it("says the publisher is still to be confirmed, and its header bar claims nothing official", () => {
    const texts = page.all(tag("p")).map((paragraph) => text(paragraph));
    expect(texts).toEqual(
      expect.arrayContaining([
        "de:chooser.publisherUnconfirmed",
        "en:chooser.publisherUnconfirmed",
      ]),
    );
    const bar = page.first(tag("div", { class: "kern-kopfzeile" }));
    expect(text(bar).replace(/\s+/g, " ").trim()).toBe(
      "de:common.headerBar.unofficial · en:common.headerBar.unofficial",
    );
    expect(within(bar, tag("svg"))).toEqual([]);
  });

  it("names a confirmed publisher, and only then calls itself official, with KERN's flag", () => {
    const official = rootPage({
      official: true,
      publisher: {
        ...publisher,
        organisation: { placeholder: false, value: "Landesamt für Beispiele" },
      },
    });
    const texts = official.all(tag("p")).map((paragraph) => text(paragraph));
    expect(texts).toContain(
      `de:chooser.publisherConfirmed ${JSON.stringify({ organisation: "Landesamt für Beispiele" })}`,
    );
    const bar = official.first(tag("div", { class: "kern-kopfzeile" }));
    expect(text(bar)).toContain("de:common.headerBar.official");
    expect(within(bar, tag("svg"))).toHaveLength(1);
  });

  it("names itself in every language, marking the parts not in the page's language", () => {
    expect(attribute(page.first(tag("html")), "lang")).toBe("de");
    expect(text(page.first(tag("h1")))).toBe("de:chooser.title\u00a0· en:chooser.title");
    const marked = within(page.first(tag("h1")), tag("span", { lang: "en" }));
    expect(marked.map((span) => [attribute(span, "lang"), text(span)])).toEqual([
      ["en", "en:chooser.title"],
    ]);
    expect(text(page.first(tag("title")))).toBe("de:chooser.title · en:chooser.title");
  });

  it("is its own canonical and x-default page, with both start pages as alternates", () => {
    expect(attribute(page.first(tag("link", { rel: "canonical" })), "href")).toBe(
      "https://example.org/",
    );
    const alternates = page.all(tag("link", { rel: "alternate" }));
    expect(
      alternates.map((link) => [attribute(link, "hreflang"), attribute(link, "href")]),
    ).toEqual([
      ["de", "https://example.org/de/"],
      ["en", "https://example.org/en/"],
      ["x-default", "https://example.org/"],
    ]);
  });
});

describe("the root 404 page", () => {
  const page = rootPage({}, rootNotFound);
  const sections = page.all(tag("section"));

  it("says in every language, in a part marked with it, that the address does not exist, and leads to its start page", () => {
    expect(sections.map((section) => attribute(section, "lang"))).toEqual(["de", "en"]);
    for (const [index, language] of ["de", "en"].entries()) {
      const section = sections[index] ?? null;
      expect(within(section, tag("p")).map((paragraph) => text(paragraph))).toEqual([
        `${language}:chooser.notFoundText`,
        `${language}:chooser.enter`,
      ]);
      expect(within(section, tag("a")).map((link) => attribute(link, "href"))).toEqual([
        `/${language}/`,
      ]);
    }
  });

  it("is named by each language's 404 page, marking the parts not in the page's language", () => {
    expect(attribute(page.first(tag("html")), "lang")).toBe("de");
    expect(text(page.first(tag("title")))).toBe("de not-found · en not-found");
    expect(text(page.first(tag("h1")))).toBe("de not-found\u00a0· en not-found");
    expect(attribute(page.first(tag("meta", { name: "description" })), "content")).toBe(
      "de:chooser.notFoundDescription",
    );
  });

  it("is its own canonical and x-default page, kept out of search indexes, with each language's 404 page as alternate", () => {
    expect(attribute(page.first(tag("link", { rel: "canonical" })), "href")).toBe(
      "https://example.org/404.html",
    );
    expect(attribute(page.first(tag("meta", { name: "robots" })), "content")).toBe("noindex");
    const alternates = page.all(tag("link", { rel: "alternate" }));
    expect(
      alternates.map((link) => [attribute(link, "hreflang"), attribute(link, "href")]),
    ).toEqual([
      ["de", "https://example.org/de/404.html"],
      ["en", "https://example.org/en/404.html"],
      ["x-default", "https://example.org/404.html"],
    ]);
  });

  it("leaves out a language that has no 404 page, while the root page still introduces it", () => {
    const withoutEnglish: Translations = {
      ...site,
      "not-found": { de: pageIn(site, "not-found", "de") },
    };
    const notFound = rootPage({ translations: withoutEnglish }, rootNotFound);
    expect(notFound.all(tag("section")).map((section) => attribute(section, "lang"))).toEqual([
      "de",
    ]);
    expect(text(notFound.first(tag("h1")))).toBe("de not-found");
    const root = rootPage({ translations: withoutEnglish });
    expect(root.all(tag("section")).map((section) => attribute(section, "lang"))).toEqual([
      "de",
      "en",
    ]);
  });
});

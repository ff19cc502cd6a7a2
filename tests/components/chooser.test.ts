import { describe, expect, it } from "vitest";
import { chooser } from "../../src/components/chooser.ts";
import type { Translator } from "../../src/lib/i18n.ts";
import { attribute, parseHtml, tag, text, within } from "../support/html.ts";
import { translations } from "./support.ts";

/** Answers every key with the language and key, so tests see which language each part speaks. */
const translator: Translator = {
  t: (language, key) => `${language}:${key}`,
  has: () => true,
};

describe("chooser", () => {
  const page = parseHtml(
    chooser({
      startPages: translations.home ?? {},
      translator,
      contentSecurityPolicy: undefined,
      baseUrl: "https://example.org",
    }).markup,
  );

  it("offers every language in a section marked with that language, linking its start page", () => {
    const sections = page.all(tag("section"));
    expect(sections.map((section) => attribute(section, "lang"))).toEqual(["de", "en"]);
    const links = page.all(tag("a", { class: "chooser__link" }));
    expect(
      links.map((link) => [attribute(link, "href"), attribute(link, "hreflang"), text(link)]),
    ).toEqual([
      ["/de/", "de", "de:chooser.enter"],
      ["/en/", "en", "en:chooser.enter"],
    ]);
  });

  it("names itself in every language, marking the parts not in the page's language", () => {
    expect(attribute(page.first(tag("html")), "lang")).toBe("de");
    expect(text(page.first(tag("h1")))).toBe("de:chooser.title · en:chooser.title");
    const marked = within(page.first(tag("h1")), tag("span"));
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

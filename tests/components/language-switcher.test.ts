import { describe, expect, it } from "vitest";
import { languageSwitcher } from "../../src/components/language-switcher.ts";
import { attribute, parseHtml, tag, text } from "../support/html.ts";
import { echo, translations } from "./support.ts";

describe("languageSwitcher", () => {
  const page = parseHtml(
    languageSwitcher({ language: "en", pair: translations.sources ?? {}, t: echo }).markup,
  );

  it("links the other language to this page's twin, marked with its language", () => {
    const link = page.first(tag("a"));
    expect(attribute(link, "href")).toBe("/de/quellen/");
    expect(attribute(link, "lang")).toBe("de");
    expect(attribute(link, "hreflang")).toBe("de");
    expect(text(link)).toBe("Deutsch");
  });

  it("shows the current language as text, not as a link, with a hidden note in the page's language", () => {
    const current = page.first(tag("span", { class: "language-switcher__current" }));
    expect(attribute(current, "lang")).toBe("en");
    expect(text(current)).toBe("[common.currentLanguage]: English");
    expect(attribute(page.first(tag("span", { class: "visually-hidden" })), "lang")).toBe("en");
  });
});

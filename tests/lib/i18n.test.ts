import { describe, expect, it } from "vitest";
import { ContentError } from "../../src/lib/errors.ts";
import { allowsMarkup, createTranslator, parseLocaleFile } from "../../src/lib/i18n.ts";

const translator = createTranslator({
  de: {
    common: {
      hello: "Hallo {{name}}",
      item_one: "{{count}} Eintrag",
      item_other: "{{count}} Einträge",
    },
    notice: { link_html: 'Siehe <a href="/de/">{{target}}</a>' },
  },
  en: {
    common: {
      hello: "Hello {{name}}",
      item_one: "{{count}} entry",
      item_other: "{{count}} entries",
    },
    notice: { link_html: 'See <a href="/en/">{{target}}</a>' },
  },
});

describe("createTranslator", () => {
  it("looks up a key in the requested language with values interpolated", () => {
    expect(translator.t("de", "common.hello", { name: "Welt" })).toBe("Hallo Welt");
    expect(translator.t("en", "common.hello", { name: "world" })).toBe("Hello world");
  });

  it("picks the plural form by CLDR rules", () => {
    expect(translator.t("de", "common.item", { count: 1 })).toBe("1 Eintrag");
    expect(translator.t("en", "common.item", { count: 3 })).toBe("3 entries");
  });

  it("refuses a missing key, naming the locale file and key instead of showing the key", () => {
    expect(() => translator.t("en", "common.goodbye")).toThrow(ContentError);
    try {
      translator.t("en", "common.goodbye");
    } catch (error) {
      expect((error as ContentError).location).toEqual({
        file: "locales/en/common.json",
        key: "common.goodbye",
      });
    }
  });

  it("leaves plain strings unescaped, for the template engine to escape once", () => {
    expect(translator.t("en", "common.hello", { name: "<b>" })).toBe("Hello <b>");
  });

  it("escapes values interpolated into a markup string", () => {
    expect(translator.t("en", "notice.link_html", { target: "<script>" })).toBe(
      'See <a href="/en/">&lt;script&gt;</a>',
    );
  });
});

describe("allowsMarkup", () => {
  it("allows markup only in keys ending in _html", () => {
    expect(allowsMarkup("notice.link_html")).toBe(true);
    expect(allowsMarkup("notice.html_help")).toBe(false);
    expect(allowsMarkup("common.hello")).toBe(false);
  });
});

describe("parseLocaleFile", () => {
  it("names the line and column of broken JSON", () => {
    try {
      parseLocaleFile("locales/de/common.json", '{\n  "a": "x",\n  "b": "y"\n  "c": "z"\n}');
      expect.unreachable("broken JSON must be refused");
    } catch (error) {
      expect(error).toBeInstanceOf(ContentError);
      expect((error as ContentError).location).toMatchObject({
        file: "locales/de/common.json",
        line: 4,
      });
    }
  });

  it("refuses a file that holds something other than an object", () => {
    expect(() => parseLocaleFile("locales/de/x.json", "[1, 2]")).toThrow(/one JSON object/);
  });
});

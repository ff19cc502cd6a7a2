import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ContentError } from "../../src/lib/errors.ts";
import {
  allowsMarkup,
  createTranslator,
  loadLocales,
  parseLocaleFile,
} from "../../src/lib/i18n.ts";
import { contentErrorOf } from "../support/errors.ts";
import { makeTempDir } from "../support/temp.ts";

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

  it.each([
    ["a missing value", '{\n  "a": "x",\n  "b": ,\n  "c": "z"\n}', 3, 8],
    ["a trailing comma", '{\n  "a": "x",\n}', 3, 1],
    ["an unclosed object", '{\n  "a": "x"', 2, 11],
  ])(
    "names the line and column of %s, where the parser's own message gives no position",
    (_case, text, line, column) => {
      const error = contentErrorOf(() => parseLocaleFile("locales/de/common.json", text));
      expect(error.location).toEqual({ file: "locales/de/common.json", line, column });
      expect(error.message).toMatch(/^this is not valid JSON: /);
    },
  );

  it("refuses a file that holds something other than an object", () => {
    expect(() => parseLocaleFile("locales/de/x.json", "[1, 2]")).toThrow(/one JSON object/);
  });
});

describe("loadLocales", () => {
  /** A project with one locale file per language, the English one replaced by `english`. */
  async function localesWith(english: string): Promise<string> {
    const root = await makeTempDir("gw-locales-");
    await mkdir(path.join(root, "locales/de"), { recursive: true });
    await mkdir(path.join(root, "locales/en"), { recursive: true });
    await writeFile(path.join(root, "locales/de/common.json"), '{ "a": "A" }\n');
    await writeFile(path.join(root, "locales/en/common.json"), english);
    return root;
  }

  async function loadError(root: string): Promise<ContentError> {
    const error: unknown = await loadLocales(path.join(root, "locales"), root).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(ContentError);
    return error as ContentError;
  }

  it("reads a clean project's texts", async () => {
    const resources = await loadLocales(
      path.join(await localesWith('{ "a": "A" }\n'), "locales"),
      "/",
    );
    expect(resources.en).toEqual({ common: { a: "A" } });
  });

  it.each(["__proto__", "constructor", "prototype"])(
    "refuses a key named %s, naming the file, line and key, without touching Object.prototype",
    async (name) => {
      const root = await localesWith(
        `{\n  "a": "A",\n  "group": {\n    "${name}": { "polluted": "yes" }\n  }\n}\n`,
      );
      const error = await loadError(root);
      expect(error.location).toEqual({
        file: "locales/en/common.json",
        line: 4,
        column: 5,
        key: `common.group.${name}`,
      });
      expect(error.message).toContain(`"${name}" cannot be the name of a text or group`);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it("refuses a $t reference to a missing text, naming the file, line and key it stands in", async () => {
    const root = await localesWith('{\n  "a": "A",\n  "b": "see $t(common.missing)"\n}\n');
    const error = await loadError(root);
    expect(error.location).toEqual({
      file: "locales/en/common.json",
      line: 3,
      column: 3,
      key: "common.b",
    });
    expect(error.message).toContain("common.missing");
  });

  it("refuses a $t chain 3,000 texts long, naming the file and the key it starts at", async () => {
    const chain = Array.from(
      { length: 3000 },
      (_, index) => `  "k${index}": "${index === 2999 ? "end" : `a $t(common.k${index + 1})`}"`,
    );
    const error = await loadError(await localesWith(`{\n  "a": "A",\n${chain.join(",\n")}\n}\n`));
    expect(error.location).toEqual({
      file: "locales/en/common.json",
      line: 3,
      column: 3,
      key: "common.k0",
    });
    expect(error.message).toContain(
      '"$t(…)" references take 2999 steps (common.k0 → common.k1 → common.k2 → … → common.k2999), more than the 20',
    );
  });
});

import { ESLint, Linter } from "eslint";
import { describe, expect, it } from "vitest";
import languages from "../eslint.languages.js";

const linter = new Linter({ configType: "flat" });
/** Every file is linted; the language rule's own block says where it applies. */
const config: Linter.Config[] = [{ files: ["**/*.ts", "**/*.js"] }, ...languages];

/** The language rule's messages for `code` written in a file at `file`. */
function languageMessages(code: string, file = "src/plugins/example.ts"): string[] {
  return linter
    .verify(`${code}\n`, config, file)
    .map((message) => `${message.ruleId ?? "parse"}: ${message.message}`);
}

describe("the lint rule against language literals outside data/languages.ts", () => {
  it("refuses a language code as a string, and allows the code from the list", () => {
    expect(languageMessages('const target = "en";')).toEqual([
      expect.stringContaining(
        "project/no-language-literals: the site's languages are listed in data/languages.ts alone",
      ) as unknown,
    ]);
    expect(languageMessages('const locale = "de-DE";')).toHaveLength(1);
    expect(languageMessages("const target = targetLanguages[0];")).toEqual([]);
    expect(languageMessages('const word = "end";')).toEqual([]);
  });

  it("refuses languages as an object's keys, and allows other keys", () => {
    expect(languageMessages('const dialects = { de: ";", en: "," };')).toHaveLength(2);
    expect(languageMessages('const dialects = { source: ";", target: "," };')).toEqual([]);
  });

  it("refuses a language in an address, an attribute or a regular expression", () => {
    expect(languageMessages('const page = "/de/daten/";')).toHaveLength(1);
    expect(languageMessages('const tag = `<html lang="en">`;')).toHaveLength(1);
    expect(languageMessages("const folder = /^\\/(de|en)\\//;")).toHaveLength(1);
    expect(languageMessages('const page = "/data/facts.json";')).toEqual([]);
    expect(languageMessages('const tag = `<html lang="${toolLanguage}">`;')).toEqual([]);
    // German word endings are no languages.
    expect(languageMessages("const ending = /(?:e|er|en|em)$/;")).toEqual([]);
  });

  it("refuses a language's English name in a message, and allows it in a comment", () => {
    expect(languageMessages('throw new Error("the German text has changed");')).toHaveLength(1);
    expect(languageMessages("const m = `has no English twin`;")).toHaveLength(1);
    expect(languageMessages("// the German page\nconst m = languageName(sourceLanguage);")).toEqual(
      [],
    );
  });

  it("leaves the content, the data, the tests and module paths free to name languages", () => {
    const code = 'const folder = "/de/";';
    expect(languageMessages(code, "src/site/_includes/layouts/site-map.11ty.js")).toEqual([]);
    expect(languageMessages(code, "data/languages.ts")).toEqual([]);
    expect(languageMessages(code, "tests/build/publish.test.ts")).toEqual([]);
    expect(languageMessages(code, "scripts/bench/run.ts")).toHaveLength(1);
    expect(languageMessages('import german from "hyphen/de/index.js";')).toEqual([]);
  });

  it("is part of the project's ESLint configuration", async () => {
    const eslint = new ESLint();
    const config = (await eslint.calculateConfigForFile("src/lib/format.ts")) as Linter.Config;
    expect(config.rules?.["project/no-language-literals"]).toEqual([2]);
  });
});

import { describe, expect, it } from "vitest";
import list from "../../../data/languages.ts";
import { languagesModule, languageTag } from "../../../src/lib/data/language-list.ts";
import { validateDataModule } from "../../../src/lib/data/load.ts";
import { ContentError } from "../../../src/lib/errors.ts";

const file = "data/languages.ts";

/** The list with its languages changed by `edit`. */
function withLanguages(edit: (languages: (typeof list)["languages"]) => unknown[]) {
  return { ...list, languages: edit(list.languages) };
}

function problemOf(value: unknown): ContentError {
  try {
    validateDataModule(file, languagesModule, value);
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error("the list was accepted");
}

describe("data/languages.ts, the one list of languages", () => {
  it("accepts the project's own list", () => {
    expect(validateDataModule(file, languagesModule, list).source).toBe("de");
  });

  it("takes BCP 47 tags of any length in their canonical spelling, and refuses others", () => {
    for (const tag of ["de", "fr", "pt-BR", "zh-Hant", "es-419", "ast"]) {
      expect(languageTag.safeParse(tag).success, tag).toBe(true);
    }
    for (const tag of ["fr_FR", "german", "x", "pt-br", ""]) {
      expect(languageTag.safeParse(tag).success, tag).toBe(false);
    }
  });

  it("refuses a language listed twice, naming the field", () => {
    const [first] = list.languages;
    const error = problemOf(withLanguages((languages) => [...languages, { ...first }]));
    expect(error.location).toEqual({ file, key: "languages.2.code" });
    expect(error.message).toMatch(/"de" is listed twice/);
  });

  it("refuses a source language the list does not have", () => {
    const error = problemOf({ ...list, source: "fr" });
    expect(error.location).toEqual({ file, key: "source" });
  });

  it("refuses two languages publishing their CSV under one name", () => {
    const error = problemOf(
      withLanguages(([first, second]) => [
        first,
        { ...second, csv: { ...second?.csv, file: "kennzahlen.csv" } },
      ]),
    );
    expect(error.location).toEqual({ file, key: "languages.1.csv.file" });
  });

  it("refuses a text direction, hyphenation patterns or easy-language rules the code does not know", () => {
    const [first, second] = list.languages;
    expect(
      problemOf(withLanguages(() => [{ ...first, direction: "ttb" }, second])).location.key,
    ).toBe("languages.0.direction");
    expect(
      problemOf(withLanguages(() => [{ ...first, hyphenation: "klingon" }, second])).location.key,
    ).toBe("languages.0.hyphenation");
    expect(
      problemOf(withLanguages(() => [{ ...first, easyLanguage: "plain" }, second])).location.key,
    ).toBe("languages.0.easyLanguage");
    expect(problemOf(withLanguages(() => [{ ...first, ocr: "German" }, second])).location.key).toBe(
      "languages.0.ocr",
    );
  });
});

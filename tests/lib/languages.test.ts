import { describe, expect, it } from "vitest";
import {
  isLanguage,
  languageName,
  languageOfInputPath,
  otherLanguages,
} from "../../src/lib/languages.ts";

describe("languages", () => {
  it("reads a page's language from its folder under src", () => {
    expect(languageOfInputPath("./src/site/de/kennzahlen.md")).toBe("de");
    expect(languageOfInputPath("/tmp/x/src/site/en/key-figures.md")).toBe("en");
  });

  it("finds no language outside the language folders", () => {
    expect(languageOfInputPath("./src/index.njk")).toBeUndefined();
    expect(languageOfInputPath("./src/fr/page.md")).toBeUndefined();
  });

  it("accepts only the site's language codes", () => {
    expect(isLanguage("de")).toBe(true);
    expect(isLanguage("fr")).toBe(false);
    expect(isLanguage(undefined)).toBe(false);
  });

  it("lists the other languages for the switcher", () => {
    expect(otherLanguages("de")).toEqual(["en"]);
  });

  it("names the site's languages in English for messages, and any other code as a code", () => {
    expect(languageName("de")).toBe("German");
    expect(languageName("en")).toBe("English");
    expect(languageName("und")).toBe('language "und"');
  });
});

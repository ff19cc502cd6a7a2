import type UserConfig from "@11ty/eleventy/UserConfig";
import { textIn, type LocalizedText } from "../lib/data/schemas.ts";
import type { Translator } from "../lib/i18n.ts";
import { languageInfo, isLanguage, type Language } from "../lib/languages.ts";
import { pageLanguage, withPage, type TemplateContext } from "./context.ts";

/**
 * Picks the page language's version of a data text, the source language's while it has none
 * (the production build refuses such a gap); plain text passes through.
 */
export function localize(value: LocalizedText | string, language: Language): string {
  return typeof value === "string" ? value : textIn(value, language);
}

/**
 * UI strings and localized data in templates:
 * - `{{ "common.skipLink" | t }}` / `{{ "x.y" | t({ count: 2 }) }}`: a UI string in the page's language
 *   (`t({ lng: code })` asks for another language, for pages in several languages such as the root chooser);
 * - `{{ region.theme.meaning | localize }}`: the page language's version of a data text;
 * - `{{ code | nativeLanguageName }}`: a language's name in itself, for the language switcher.
 */
export default function translationsPlugin(
  eleventyConfig: UserConfig,
  options: { translator: Translator },
) {
  eleventyConfig.addFilter(
    "t",
    function (this: TemplateContext, key: string, values?: Record<string, unknown>) {
      const requested = values?.lng;
      const language = isLanguage(requested) ? requested : pageLanguage(this);
      return withPage(this, () => options.translator.t(language, key, values));
    },
  );
  eleventyConfig.addFilter(
    "localize",
    function (this: TemplateContext, value: LocalizedText | string) {
      return localize(value, pageLanguage(this));
    },
  );
  eleventyConfig.addFilter("nativeLanguageName", (language: string) =>
    isLanguage(language) ? languageInfo(language).name : language,
  );
}

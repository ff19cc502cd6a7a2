import { isLanguage, languages, toolLanguage } from "../../lib/languages.ts";

// A BCP 47 tag as a folder name: `de`, `fr`, `pt-BR`, `zh-Hant`, `es-419`.
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const languageNames = new Intl.DisplayNames([toolLanguage], { type: "language", fallback: "code" });
// Asking ICU is slow next to the thousands of files a check may read.
const knownFolders = new Map<string, boolean>();

/** The language "und" (undetermined) is compared only with itself. */
export const UNKNOWN_LANGUAGE = "und";

/**
 * Language of a Markdown page: the front matter's `lang` when given, else the
 * nearest folder named with a language tag (`src/site/pt-BR/…` → "pt-BR"; a folder such
 * as `js/` is no language).
 */
export function markdownLanguage(path: string, frontMatterLang: string | undefined): string {
  if (frontMatterLang !== undefined && frontMatterLang !== "") return baseLanguage(frontMatterLang);
  const folders = path.split(/[\\/]/).slice(0, -1);
  const folder = folders.findLast(isLanguageCode);
  return folder === undefined ? UNKNOWN_LANGUAGE : baseLanguage(folder);
}

/**
 * The language a tag names for this check: one of the site's languages as it is (`pt-BR` and
 * `pt-PT` are two languages of a site that has both); any other tag by its first part ("de-DE"
 * and "de" are the same language).
 */
export function baseLanguage(tag: string): string {
  const trimmed = tag.trim();
  if (languages.includes(trimmed)) return trimmed;
  const base = trimmed.toLowerCase().split("-")[0];
  return base === undefined || base === "" ? UNKNOWN_LANGUAGE : base;
}

function isLanguageCode(name: string): boolean {
  let known = knownFolders.get(name);
  if (known === undefined) {
    known = isLanguage(name) || (LANGUAGE_TAG.test(name) && languageNames.of(name) !== name);
    knownFolders.set(name, known);
  }
  return known;
}

const TWO_LETTERS = /^[a-z]{2}$/;
const languageNames = new Intl.DisplayNames(["en"], { type: "language", fallback: "code" });
// Asking ICU is slow next to the thousands of files a check may read.
const knownFolders = new Map<string, boolean>();

/** The language "und" (undetermined) is compared only with itself. */
export const UNKNOWN_LANGUAGE = "und";

/**
 * Language of a Markdown page: the front matter's `lang` when given, else the
 * nearest folder named with a two-letter language code (`src/site/de/…` → "de";
 * a folder such as `js/` is no language).
 */
export function markdownLanguage(path: string, frontMatterLang: string | undefined): string {
  if (frontMatterLang !== undefined && frontMatterLang !== "") return baseLanguage(frontMatterLang);
  const folders = path.split(/[\\/]/).slice(0, -1);
  const folder = folders.findLast(isLanguageCode);
  return folder ?? UNKNOWN_LANGUAGE;
}

/** "de-DE" and "de" are the same language for this check. */
export function baseLanguage(tag: string): string {
  const base = tag.trim().toLowerCase().split("-")[0];
  return base === undefined || base === "" ? UNKNOWN_LANGUAGE : base;
}

function isLanguageCode(name: string): boolean {
  let known = knownFolders.get(name);
  if (known === undefined) {
    known = TWO_LETTERS.test(name) && languageNames.of(name) !== name;
    knownFolders.set(name, known);
  }
  return known;
}

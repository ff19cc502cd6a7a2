import { createHash } from "node:crypto";

/**
 * Front-matter fields that are translated, so a change to them makes a translation outdated.
 * The others (translationKey, layout, permalink, …) are the same in every language or set by
 * developers, and do not count.
 */
export const translatedFields = ["title", "navTitle", "description"] as const;

/**
 * Unicode-normalised, with every run of whitespace (spaces, line breaks, blank lines) as one
 * space: re-wrapping a paragraph or adding a blank line changes nothing a translator must redo.
 */
export function normaliseForVersion(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim();
}

function versionOf(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 12);
}

/** What a page's version is made of. */
export interface VersionedPage {
  data: Record<string, unknown>;
  body: string;
}

/**
 * The version of a source page: a hash of its translated front-matter fields and its body
 * (text, headings, shortcodes and all), normalised by `normaliseForVersion`.
 */
export function pageVersion(page: VersionedPage): string {
  const fields = translatedFields.map((field) => {
    const value = page.data[field];
    return `${field}: ${normaliseForVersion(typeof value === "string" ? value : "")}`;
  });
  return versionOf([...fields, normaliseForVersion(page.body)].join("\n"));
}

/** The version of a source text in a locale file, normalised like a page. */
export function textVersion(value: unknown): string {
  return versionOf(normaliseForVersion(typeof value === "string" ? value : JSON.stringify(value)));
}

/**
 * What `translatedFrom` (a page's front matter) and `locales/translated-from.json` (a text) say of
 * a copy of its source not translated yet, as `npm run lang:add` writes it: the check and the
 * status call it untranslated, and a production build refuses it. Translating it and running
 * `npm run i18n:mark` replaces it with the source's version.
 */
export const untranslatedMark = "untranslated";

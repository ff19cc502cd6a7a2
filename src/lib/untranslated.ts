import { readKeyRecord } from "./translation-state.ts";
import { untranslatedMark } from "./translation-version.ts";
import type { SiteData } from "./data/schemas.ts";
import type { ContentLocation } from "./errors.ts";
import { languageName, languages, sourceLanguage, type Language } from "./languages.ts";
import { readPages } from "./page-sources.ts";
import { frontMatterLine } from "./pages.ts";
import { projectFiles } from "./project.ts";

/** A page, locale text or data text in a language that is not translated yet. */
export interface Untranslated {
  language: Language;
  location: ContentLocation;
  /** What it is, for a message: "the page", "the text", "the data text". */
  kind: "page" | "text" | "data";
}

/** Whether a value is a text by language (`LocalizedText`): only language keys, the source's among them, text values. */
function isLocalizedText(value: object): value is Record<string, string> {
  const entries = Object.entries(value);
  return (
    entries.length > 0 &&
    Object.hasOwn(value, sourceLanguage) &&
    entries.every(([key, text]) => languages.includes(key) && typeof text === "string")
  );
}

/**
 * The texts of the data modules (`{ de: …, en: … }`) that lack a language of the list, found by
 * their shape wherever they stand, with module and field: pages show the source language's text
 * in their place until a translation is added.
 */
export function untranslatedDataTexts(
  data: Partial<SiteData>,
  relativeFile: (module: string) => string,
): Untranslated[] {
  const found: Untranslated[] = [];
  const visit = (module: string, value: unknown, path: string[]): void => {
    if (value === null || typeof value !== "object") return;
    if (!Array.isArray(value) && isLocalizedText(value)) {
      for (const language of languages) {
        if (value[language] !== undefined) continue;
        found.push({
          language,
          kind: "data",
          location: { file: relativeFile(module), key: [...path, language].join(".") },
        });
      }
      return;
    }
    for (const [key, inner] of Object.entries(value)) visit(module, inner, [...path, key]);
  };
  for (const [module, value] of Object.entries(data)) visit(module, value, []);
  return found;
}

/**
 * The pages (`translatedFrom: untranslated`) and locale texts (`untranslated` in
 * `locales/translated-from.json`) that are copies of their source not translated yet.
 */
export async function untranslatedSources(projectRoot: string): Promise<Untranslated[]> {
  const [{ pages }, record] = await Promise.all([
    readPages(projectRoot),
    readKeyRecord(projectRoot),
  ]);
  const found: Untranslated[] = pages.flatMap((page) =>
    page.data.translatedFrom === untranslatedMark
      ? [
          {
            language: page.language,
            kind: "page" as const,
            location: {
              file: page.file,
              key: "translatedFrom",
              ...(frontMatterLine(page.text, "translatedFrom") === undefined
                ? {}
                : { line: frontMatterLine(page.text, "translatedFrom") }),
            },
          },
        ]
      : [],
  );
  for (const [language, entries] of record.versions) {
    for (const [key, entry] of entries) {
      if (entry.version !== untranslatedMark) continue;
      found.push({
        language,
        kind: "text",
        location: { file: projectFiles.localeFile(language, key.split(".")[0] ?? key), key },
      });
    }
  }
  return found;
}

/** What to do about an untranslated item, for the messages of the check and the production build. */
export function untranslatedMessage(item: Untranslated): string {
  const language = languageName(item.language);
  switch (item.kind) {
    case "page":
      return `not translated into ${language} yet (a copy of the ${languageName(sourceLanguage)} page): translate it, then run npm run i18n:mark -- ${item.location.file}`;
    case "text":
      return `not translated into ${language} yet (a copy of the ${languageName(sourceLanguage)} text): translate it, then run npm run i18n:mark -- --keys ${item.location.key ?? ""} --lang ${item.language}`;
    case "data":
      return `has no ${language} text yet: add it beside the ${languageName(sourceLanguage)} one (pages show the ${languageName(sourceLanguage)} text until then)`;
  }
}

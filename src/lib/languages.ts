import { projectFolders } from "./project.ts";

/** The site's languages, German first: German pages are the source, English pages their translations. */
export const languages = ["de", "en"] as const;

/** One of the site's languages, as an ISO 639-1 code. */
export type Language = (typeof languages)[number];

/** The language translations are made from. */
export const sourceLanguage: Language = "de";

/** How each language is named and how numbers are written in it. */
export const languageInfo: Record<
  Language,
  {
    /** The language's name in itself, as a reader looking for it would recognise it. */
    nativeName: string;
    /** The language's English name, for the messages of the project's tools. */
    englishName: string;
    /**
     * How large amounts of money are abbreviated: German readers expect "58 Mrd. €",
     * English readers "€58 billion" (Intl's short English form, "€58B", reads as jargon).
     */
    compactMoneyDisplay: "short" | "long";
  }
> = {
  de: { nativeName: "Deutsch", englishName: "German", compactMoneyDisplay: "short" },
  en: { nativeName: "English", englishName: "English", compactMoneyDisplay: "long" },
};

/** Tells whether a string is one of the site's language codes. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}

// A path's separators as either slash, so the site folder is found on every system.
const siteFolderPattern = projectFolders.site.split("/").join("[/\\\\]");
const pageFolder = new RegExp(`(?:^|[/\\\\])${siteFolderPattern}[/\\\\]([a-z]{2})[/\\\\]`);

/** The language a page belongs to, read from its folder (`src/site/de/…` → `de`), or undefined outside them. */
export function languageOfInputPath(inputPath: string): Language | undefined {
  const folder = pageFolder.exec(inputPath)?.[1];
  return isLanguage(folder) ? folder : undefined;
}

/** The site's other languages, for switchers and alternates. */
export function otherLanguages(language: Language): Language[] {
  return languages.filter((candidate) => candidate !== language);
}

/** A language's English name for messages ("German"); a code that is none of the site's languages is named as `language "fr"`. */
export function languageName(code: string): string {
  return isLanguage(code) ? languageInfo[code].englishName : `language "${code}"`;
}

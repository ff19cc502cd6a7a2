import { loadFailure, validateDataModule } from "./data/validate.ts";
import {
  languagesModule,
  type CsvDialect,
  type LanguageEntry,
  type LanguagesModule,
} from "./data/language-list.ts";
import { ContentError, describeContentError } from "./errors.ts";
import { projectFiles, projectFolders } from "./project.ts";

export type { CsvDialect, LanguageEntry } from "./data/language-list.ts";

/** `data/languages.ts`, loaded and validated; a mistake in it is a content error naming the field. */
async function readLanguageList(file: string): Promise<LanguagesModule> {
  const module = (await import("../../data/languages.ts").catch((error: unknown) => {
    throw loadFailure(file, error);
  })) as { default?: unknown };
  return validateDataModule(file, languagesModule, module.default);
}

/**
 * The site's languages, read from `data/languages.ts` (the one list) when this module loads.
 * Every command loads it before its harness could catch anything, so a list that cannot be read
 * or has a wrong entry ends the process here: one line naming the file and field (or line),
 * exit status 2 (could not run), never a stack trace.
 */
const languageList = await readLanguageList(projectFiles.dataModule("languages")).catch(
  (error: unknown) => {
    if (!(error instanceof ContentError)) throw error;
    process.stderr.write(`${describeContentError(error)}\n`);
    return process.exit(2);
  },
);

/** One of the site's languages: its BCP 47 tag, as `data/languages.ts` lists it. */
export type Language = string;

/** The site's languages, in the list's order. */
export const languages: readonly Language[] = languageList.languages.map((entry) => entry.code);

/** The language translations are made from. */
export const sourceLanguage: Language = languageList.source;

/** The language the project's tools write their messages and reports in. */
export const toolLanguage: string = languageList.tools;

const entries = new Map(languageList.languages.map((entry) => [entry.code, entry]));

/** Tells whether a string is one of the site's language codes. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && entries.has(value);
}

/** Everything the list says about a language; throws for a code that is none of the site's. */
export function languageInfo(language: Language): LanguageEntry {
  const entry = entries.get(language);
  if (entry === undefined) throw new Error(`"${language}" is not a language of the site`);
  return entry;
}

/** The CSV dialect and file name of the open data for readers of a language. */
export function csvDialectOf(language: Language): CsvDialect {
  return languageInfo(language).csv;
}

/** Which way a language's text runs. */
export function directionOf(language: Language): "ltr" | "rtl" {
  return languageInfo(language).direction;
}

/** The site's languages but the source: the languages translations are made into. */
export const targetLanguages: readonly Language[] = languages.filter(
  (language) => language !== sourceLanguage,
);

/** A pattern matching any of the site's language codes, longest first (`pt-BR` before `pt`). */
export const languagePattern = [...languages]
  .sort((a, b) => b.length - a.length)
  .map((code) => code.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
  .join("|");

// A path's separators as either slash, so the site folder is found on every system.
const siteFolderPattern = projectFolders.site.split("/").join("[/\\\\]");
const pageFolder = new RegExp(`(?:^|[/\\\\])${siteFolderPattern}[/\\\\]([^/\\\\]+)[/\\\\]`);

/** The language a page belongs to, read from its folder (`src/site/fr/…` → `fr`), or undefined outside them. */
export function languageOfInputPath(inputPath: string): Language | undefined {
  const folder = pageFolder.exec(inputPath)?.[1];
  return isLanguage(folder) ? folder : undefined;
}

/**
 * The site's language a BCP 47 tag written elsewhere (a CAT tool's file) stands for: tags are
 * compared ignoring case, and a tag with more subtags than the list's code stands for it, so
 * `EN`, `en-GB` and `en-gb` are `en`, `de-DE` is `de`; the longest code that fits wins
 * (`pt-BR-x-foo` is `pt-BR` where both `pt` and `pt-BR` are listed). Undefined for a tag that
 * is none of the site's languages.
 */
export function languageOfTag(tag: string): Language | undefined {
  const wanted = tag.trim().toLowerCase();
  return [...languages]
    .sort((a, b) => b.length - a.length)
    .find((code) => {
      const listed = code.toLowerCase();
      return wanted === listed || wanted.startsWith(`${listed}-`);
    });
}

/** The site's other languages, for switchers and alternates. */
export function otherLanguages(language: Language): Language[] {
  return languages.filter((candidate) => candidate !== language);
}

/** A language's name for the tools' messages ("German"); a code that is none of the site's languages is named as `language "fr"`. */
export function languageName(code: string): string {
  return entries.get(code)?.englishName ?? `language "${code}"`;
}

/**
 * A language's name in another language, as readers of that language write it (`Intl`):
 * "Französisch" on a German page. For the open data's descriptions.
 */
export function languageNameIn(code: Language, inLanguage: Language): string {
  const names = new Intl.DisplayNames([languageInfo(inLanguage).intlLocale], {
    type: "language",
    fallback: "code",
  });
  return names.of(code) ?? code;
}

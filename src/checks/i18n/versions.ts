import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { ContentError } from "../../lib/errors.ts";
import { parseLocaleFile } from "../../lib/i18n.ts";
import {
  languageName,
  otherLanguages,
  sourceLanguage,
  type Language,
} from "../../lib/languages.ts";
import { locateJsonKeys, type Position } from "./json-keys.ts";
import { locationOf } from "./locale-checks.ts";
import { inBrokenFile, type LocaleText, type Locales } from "./locales.ts";
import { frontMatterLine } from "../../lib/pages.ts";
import { pageVersion as versionOfPage, textVersion } from "../../lib/translation-version.ts";
import type { Page, PagePair, PageSource } from "./pages.ts";
import type { Finding } from "./types.ts";

export {
  normaliseForVersion,
  textVersion,
  translatedFields,
} from "../../lib/translation-version.ts";

/** The version of a source page (see `src/lib/translation-version.ts`). */
export function pageVersion(page: PageSource): string {
  return versionOfPage(page);
}

/** The record of which German version each translated locale text was made from. */
export const keyRecordFile = "locales/translated-from.json";

/** Whether a translation was made from the source as it is now. */
export type VersionState = "current" | "not-marked" | "outdated";

/** A translated page and the version of its source it was made from. */
export interface PageVersion {
  source: Page;
  translation: Page;
  state: VersionState;
  /** The source's version now. */
  version: string;
}

/** A translated locale text and the version of its source it was made from. */
export interface KeyVersion {
  source: LocaleText;
  translation: LocaleText;
  state: VersionState;
  version: string;
}

/** One entry of the record: the source version and where the entry is written. */
export interface RecordEntry extends Position {
  version: string;
}

/** The record as read: versions by translation language and key. */
export interface KeyRecord {
  versions: Map<Language, Map<string, RecordEntry>>;
  findings: Finding[];
}

const recordSchema = z.partialRecord(
  z.enum(otherLanguages(sourceLanguage)),
  z.record(
    z.string(),
    z.string().regex(/^[0-9a-f]{12}$/, "expected a version written by i18n:mark"),
  ),
);

/** Reads `locales/translated-from.json`; a project without one has marked nothing yet. */
export async function readKeyRecord(projectRoot: string): Promise<KeyRecord> {
  const record: KeyRecord = { versions: new Map(), findings: [] };
  let text: string;
  try {
    text = await readFile(path.join(projectRoot, keyRecordFile), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return record;
    throw error;
  }
  const invalid = (location: Finding["location"], problem: string): Finding => ({
    severity: "error",
    rule: "record-invalid",
    location,
    message: `${problem}. This file is written by "npm run i18n:mark -- --keys"; run that instead of editing it by hand`,
  });
  let parsed: unknown;
  try {
    parsed = parseLocaleFile(keyRecordFile, text);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    record.findings.push(invalid(error.location, error.message));
    return record;
  }
  const { positions } = locateJsonKeys(text);
  const result = recordSchema.safeParse(parsed);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = issue.path.map(String).join(".");
      record.findings.push(
        invalid(
          { file: keyRecordFile, ...positions.get(key), key },
          `the entry is invalid: ${issue.message}`,
        ),
      );
    }
    return record;
  }
  for (const [language, entries] of Object.entries(result.data) as [
    Language,
    Record<string, string>,
  ][]) {
    const versions = new Map<string, RecordEntry>();
    for (const [key, version] of Object.entries(entries)) {
      const position = positions.get(`${language}.${key}`) ?? { line: 1, column: 1 };
      versions.set(key, { version, ...position });
    }
    record.versions.set(language, versions);
  }
  return record;
}

/** The record's file content: languages and keys sorted, so edits show as small diffs. */
export function serialiseKeyRecord(
  versions: ReadonlyMap<Language, ReadonlyMap<string, string>>,
): string {
  const sorted = Object.fromEntries(
    [...versions.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([language, entries]) => [
        language,
        Object.fromEntries([...entries.entries()].sort(([a], [b]) => a.localeCompare(b))),
      ]),
  );
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

function stateOf(recorded: string | undefined, version: string): VersionState {
  return recorded === undefined ? "not-marked" : recorded === version ? "current" : "outdated";
}

/** Compares each translated page's `translatedFrom` with its source page as it is now. */
export function pageVersions(pairs: readonly PagePair[]): PageVersion[] {
  return pairs.flatMap((pair) => {
    const source = pair.pages[sourceLanguage];
    const version = source?.version;
    if (source === undefined || version === undefined) return [];
    return otherLanguages(sourceLanguage).flatMap((language) => {
      const translation = pair.pages[language];
      if (translation === undefined) return [];
      return [
        {
          source,
          translation,
          version,
          state: stateOf(translation.frontMatter.translatedFrom, version),
        },
      ];
    });
  });
}

/** Compares each translated locale text's recorded source version with the source text now. */
export function keyVersions(locales: Locales, record: KeyRecord): KeyVersion[] {
  return otherLanguages(sourceLanguage).flatMap((language) =>
    [...locales.texts[language].values()].flatMap((translation) => {
      const source = locales.texts[sourceLanguage].get(translation.key);
      if (source === undefined) return [];
      const version = textVersion(source.value);
      const recorded = record.versions.get(language)?.get(translation.key)?.version;
      return [{ source, translation, version, state: stateOf(recorded, version) }];
    }),
  );
}

function pageFinding({ source, translation, state }: PageVersion): Finding | undefined {
  const mark = `npm run i18n:mark -- ${translation.file}`;
  if (state === "not-marked") {
    return {
      severity: "warning",
      rule: "page-not-marked",
      location: { file: translation.file, key: "translatedFrom" },
      message: `not yet marked as translated from ${source.file}: once the translation is complete, run ${mark}`,
      related: [{ file: source.file }],
    };
  }
  if (state === "outdated") {
    const line = frontMatterLine(translation.text, "translatedFrom");
    return {
      severity: "warning",
      rule: "page-outdated",
      location: {
        file: translation.file,
        ...(line === undefined ? {} : { line }),
        key: "translatedFrom",
      },
      message: `outdated: the ${languageName(source.language)} page ${source.file} has changed since this translation was made. Bring this page up to date, then run ${mark}`,
      related: [{ file: source.file }],
    };
  }
  return undefined;
}

function keyFinding({ source, translation, state }: KeyVersion): Finding | undefined {
  const mark = `npm run i18n:mark -- --keys ${translation.key}`;
  if (state === "not-marked") {
    return {
      severity: "warning",
      rule: "key-not-marked",
      location: locationOf(translation),
      message: `not yet marked as translated from ${source.file}:${source.line}: once the translation is right, run ${mark}`,
      related: [locationOf(source)],
    };
  }
  if (state === "outdated") {
    return {
      severity: "warning",
      rule: "key-outdated",
      location: locationOf(translation),
      message: `outdated: the ${languageName(source.language)} text in ${source.file}:${source.line} has changed since this translation was made. Check the translation, then run ${mark}`,
      related: [locationOf(source)],
    };
  }
  return undefined;
}

/** Entries of the record whose text no longer exists in both languages. */
function staleEntries(locales: Locales, record: KeyRecord): Finding[] {
  return [...record.versions.entries()].flatMap(([language, entries]) =>
    [...entries.entries()].flatMap(([key, entry]): Finding[] =>
      (locales.texts[language].has(key) && locales.texts[sourceLanguage].has(key)) ||
      inBrokenFile(locales, key)
        ? []
        : [
            {
              severity: "warning",
              rule: "record-stale",
              location: { file: keyRecordFile, line: entry.line, column: entry.column, key },
              message: `the record names a text that is no longer in both languages: run "npm run i18n:mark -- --keys" to renew the record`,
            },
          ],
    ),
  );
}

/** Warnings for outdated and not yet marked translations, and problems of the record itself. */
export function versionFindings(
  pages: readonly PageVersion[],
  keys: readonly KeyVersion[],
  locales: Locales,
  record: KeyRecord,
): Finding[] {
  return [
    ...record.findings,
    ...pages.flatMap((page) => pageFinding(page) ?? []),
    ...keys.flatMap((key) => keyFinding(key) ?? []),
    ...staleEntries(locales, record),
  ];
}

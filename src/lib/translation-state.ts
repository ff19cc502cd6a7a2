import { textsIn } from "./locale-texts.ts";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { ContentError } from "./errors.ts";
import { parseLocaleFile } from "./i18n.ts";
import { locateJsonKeys, type Position } from "./json-keys.ts";
import { otherLanguages, sourceLanguage, type Language } from "./languages.ts";
import type { LocaleText, Locales } from "./locale-texts.ts";
import type { Page, PagePair } from "./page-sources.ts";
import type { Finding } from "./translation-findings.ts";
import { textVersion, untranslatedMark } from "./translation-version.ts";
import { projectFiles } from "./project.ts";

/** The record of which German version each translated locale text was made from. */
export const keyRecordFile = projectFiles.translationRecord;

/**
 * Whether a translation was made from the source as it is now: `untranslated` is a copy of the
 * source not translated yet (`untranslatedMark`, as `npm run lang:add` writes it).
 */
export type VersionState = "current" | "not-marked" | "outdated" | "untranslated";

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
    z
      .string()
      .regex(
        new RegExp(`^(?:[0-9a-f]{12}|${untranslatedMark})$`),
        `expected a version written by i18n:mark, or "${untranslatedMark}"`,
      ),
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
  if (recorded === untranslatedMark) return "untranslated";
  return recorded === undefined ? "not-marked" : recorded === version ? "current" : "outdated";
}

/** The source text a translated text answers to: the same key, or for a plural form the source lacks (Arabic's `_few`), the source's `_other`. */
export function sourceTextOf(locales: Locales, key: string): LocaleText | undefined {
  const source = textsIn(locales, sourceLanguage);
  const plural = /^(.*)_(zero|one|two|few|many|other)$/.exec(key);
  return source.get(key) ?? (plural === null ? undefined : source.get(`${plural[1] ?? ""}_other`));
}

/**
 * Compares each translated page's `translatedFrom` with its source page as it is now. A pair
 * whose page is an adaptation of its twin is no translation and has no version to compare.
 */
export function pageVersions(pairs: readonly PagePair[]): PageVersion[] {
  return pairs.flatMap((pair) => {
    if (pair.adaptation) return [];
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
    [...textsIn(locales, language).values()].flatMap((translation) => {
      const source = sourceTextOf(locales, translation.key);
      if (source === undefined) return [];
      const version = textVersion(source.value);
      const recorded = record.versions.get(language)?.get(translation.key)?.version;
      return [{ source, translation, version, state: stateOf(recorded, version) }];
    }),
  );
}

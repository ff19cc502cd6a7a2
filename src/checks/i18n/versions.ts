import { languageName, sourceLanguage } from "../../lib/languages.ts";
import { inBrokenFile, locationOf, type Locales, textsIn } from "../../lib/locale-texts.ts";
import type { PageSource } from "../../lib/page-sources.ts";
import { frontMatterLine } from "../../lib/pages.ts";
import type { Finding } from "../../lib/translation-findings.ts";
import {
  keyRecordFile,
  type KeyRecord,
  type KeyVersion,
  type PageVersion,
} from "../../lib/translation-state.ts";
import { pageVersion as versionOfPage, untranslatedMark } from "../../lib/translation-version.ts";

export {
  normaliseForVersion,
  textVersion,
  translatedFields,
} from "../../lib/translation-version.ts";

/** The version of a source page (see `src/lib/translation-version.ts`). */
export function pageVersion(page: PageSource): string {
  return versionOfPage(page);
}

function pageFinding({ source, translation, state }: PageVersion): Finding | undefined {
  const mark = `npm run i18n:mark -- ${translation.file}`;
  if (state === "untranslated") {
    return {
      severity: "warning",
      rule: "page-untranslated",
      location: { file: translation.file, key: "translatedFrom" },
      message: `not translated yet: a copy of ${source.file} (translatedFrom: ${untranslatedMark}). Translate it into ${languageName(translation.language)}, then run ${mark}; a production build refuses it until then`,
      related: [{ file: source.file }],
    };
  }
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
  const mark = `npm run i18n:mark -- --keys ${translation.key} --lang ${translation.language}`;
  if (state === "untranslated") {
    return {
      severity: "warning",
      rule: "key-untranslated",
      location: locationOf(translation),
      message: `not translated yet: a copy of ${source.file}:${source.line}. Translate it into ${languageName(translation.language)}, then run ${mark}; a production build refuses it until then`,
      related: [locationOf(source)],
    };
  }
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
      (textsIn(locales, language).has(key) && textsIn(locales, sourceLanguage).has(key)) ||
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

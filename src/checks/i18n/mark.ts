import { writeFile } from "node:fs/promises";
import path from "node:path";
import {
  languageName,
  languages,
  otherLanguages,
  sourceLanguage,
  targetLanguages,
  type Language,
} from "../../lib/languages.ts";
import { setFrontMatterField } from "../../lib/front-matter-field.ts";
import { refreshedMemory, saveMemory } from "../../translation/memory.ts";
import { readTranslationProject } from "../../translation/project.ts";
import { readLocales, textsIn } from "../../lib/locale-texts.ts";
import { pairPages, readPages } from "../../lib/page-sources.ts";
import { UsageError } from "../gate.ts";
import { portablePath } from "../../lib/translation-findings.ts";
import {
  keyRecordFile,
  readKeyRecord,
  serialiseKeyRecord,
  sourceTextOf,
} from "../../lib/translation-state.ts";
import { textVersion, untranslatedMark } from "../../lib/translation-version.ts";
import { projectFiles, projectFolders } from "../../lib/project.ts";

/** What marking did: lines to report, and whether anything could not be marked. */
export interface MarkOutcome {
  done: string[];
  problems: string[];
}

/**
 * Records in each translated page of the given pages' pairs which version of its source it
 * was made from (`translatedFrom`), and its segments in the translation memory. Accepts the
 * source or the translation's path.
 */
export async function markPages(
  projectRoot: string,
  files: readonly string[],
  only?: Language,
): Promise<MarkOutcome> {
  const outcome: MarkOutcome = { done: [], problems: [] };
  const read = await readPages(projectRoot);
  const { pairs, findings } = pairPages(read.pages, read.unreadable);
  const known = new Set([
    ...read.pages.map((page) => page.file),
    ...read.findings.map((finding) => finding.location.file),
  ]);
  const targets = files.map((given) => ({
    given,
    file: portablePath(path.relative(projectRoot, path.resolve(projectRoot, given))),
  }));
  // A wrong path is a wrong command line: refuse it before any file is written.
  const unknown = targets.filter((target) => !known.has(target.file));
  if (unknown.length > 0) {
    throw new UsageError(
      `${unknown.map((target) => target.given).join(", ")}: not a page. Give the path of a page under ${languages.map((language) => `${projectFolders.pages(language)}/`).join(" or ")}, e.g. ${projectFolders.pages(sourceLanguage)}/index.md`,
    );
  }
  const nothingToMark =
    "exists in one language only (onlyInThisLanguage), so there is nothing to mark";
  for (const { file } of targets) {
    const pair = pairs.find((candidate) =>
      Object.values(candidate.pages).some((page) => page?.file === file),
    );
    const source = pair?.pages[sourceLanguage];
    const version = source?.version;
    if (pair === undefined) {
      const problem = [...read.findings, ...findings].find(
        (finding) => finding.location.file === file,
      );
      outcome.problems.push(`${file}: not marked, ${problem?.message ?? "the page has a problem"}`);
    } else if (pair.adaptation) {
      outcome.done.push(
        `${file}: the pair is an adaptation (adaptation: true), not a translation, so there is nothing to mark`,
      );
    } else if (source === undefined || version === undefined) {
      outcome.done.push(`${file}: ${nothingToMark}`);
    } else {
      for (const language of otherLanguages(sourceLanguage)) {
        const translation = pair.pages[language];
        if (only !== undefined && language !== only) continue;
        if (translation === undefined) {
          outcome.done.push(`${source.file}: ${nothingToMark}`);
          continue;
        }
        // A copy not translated yet is marked only when named itself, or its language given.
        if (
          translation.frontMatter.translatedFrom === untranslatedMark &&
          translation.file !== file &&
          only !== language
        ) {
          outcome.done.push(
            `${translation.file}: not translated yet, left as it is (give its own path, or --lang ${language}, once it is translated)`,
          );
          continue;
        }
        await writeFile(
          path.join(projectRoot, translation.file),
          setFrontMatterField(translation.file, translation.text, "translatedFrom", version),
        );
        outcome.done.push(
          `${translation.file}: marked as translated from ${source.file} as it is now (translatedFrom: "${version}")`,
        );
      }
    }
  }
  for (const language of targetLanguages) {
    if (only !== undefined && language !== only) continue;
    const project = await readTranslationProject(projectRoot, language);
    await saveMemory(
      projectRoot,
      refreshedMemory(project, { pages: targets.map(({ file }) => file) }),
    );
  }
  return outcome;
}

/** Which locale texts to mark: all, those of some files, or some by name. */
export interface KeySelection {
  all: boolean;
  /** Only this language's texts; without it, every language's, but texts not translated yet stay so. */
  language?: Language;
  /** Locale file names, e.g. `common` for `locales/en/common.json`. */
  files: string[];
  keys: string[];
}

/**
 * Records in `locales/translated-from.json` which version of each selected source text its
 * translations were made from, and the pairs in the translation memory. Marking all texts
 * writes the record afresh, dropping texts that are gone; marking some keeps the other entries.
 */
export async function markKeys(projectRoot: string, selection: KeySelection): Promise<MarkOutcome> {
  const outcome: MarkOutcome = { done: [], problems: [] };
  const locales = await readLocales(projectRoot);
  const broken = locales.findings.find((finding) => finding.rule === "invalid-json");
  if (broken !== undefined) {
    outcome.problems.push(
      `${broken.location.file} is not valid JSON, so no text was marked: fix it first (npm run check:i18n shows where)`,
    );
    return outcome;
  }
  const source = textsIn(locales, sourceLanguage);
  const record = await readKeyRecord(projectRoot);
  if (!selection.all && record.findings.length > 0) {
    outcome.problems.push(
      `${keyRecordFile} cannot be read (${record.findings[0]?.message ?? ""}); run "npm run i18n:mark -- --keys" without names to write it afresh`,
    );
    return outcome;
  }
  const recorded = (language: Language) =>
    [...(record.versions.get(language) ?? [])].map(([key, entry]): [string, string] => [
      key,
      entry.version,
    ]);
  const chosen = (language: Language) =>
    selection.language === undefined || selection.language === language;
  const versions = new Map<Language, Map<string, string>>(
    otherLanguages(sourceLanguage).map((language) => [
      language,
      new Map(
        selection.all && chosen(language)
          ? recorded(language).filter(([, version]) => version === untranslatedMark)
          : recorded(language),
      ),
    ]),
  );
  for (const key of selection.keys) {
    if (source.has(key)) continue;
    outcome.problems.push(
      `${key}: there is no such text in ${languageName(sourceLanguage)}, so it was not marked`,
    );
  }
  for (const name of selection.files) {
    if (!locales.files.some((file) => file.name === name)) {
      outcome.problems.push(
        `${projectFiles.localeFile("*", name)}: there is no such locale file, so nothing was marked for it`,
      );
    }
  }
  const marked = new Set<string>();
  const summaries: string[] = [];
  for (const [language, entries] of versions) {
    if (!chosen(language)) continue;
    let count = 0;
    let left = 0;
    for (const text of textsIn(locales, language).values()) {
      const original = sourceTextOf(locales, text.key);
      const selected =
        selection.all ||
        selection.keys.includes(text.key) ||
        selection.files.includes(text.key.split(".")[0] ?? "");
      if (!selected || original === undefined) continue;
      if (entries.get(text.key) === untranslatedMark && selection.language !== language) {
        left++;
        continue;
      }
      entries.set(text.key, textVersion(original.value));
      marked.add(text.key);
      count++;
    }
    for (const key of selection.keys) {
      if (source.has(key) && !textsIn(locales, language).has(key)) {
        outcome.problems.push(
          `${key}: there is no ${languageName(language)} translation yet, so it was not marked`,
        );
      }
    }
    summaries.push(
      `${count} ${languageName(language)} text${count === 1 ? "" : "s"} marked as translated from the ${languageName(sourceLanguage)} texts as they are now, in ${keyRecordFile}`,
      ...(left === 0
        ? []
        : [
            `${left} ${languageName(language)} text${left === 1 ? "" : "s"} not translated yet, left as ${untranslatedMark} (mark them with --lang ${language} once translated)`,
          ]),
    );
  }
  if (marked.size > 0 || selection.all) {
    await writeFile(path.join(projectRoot, keyRecordFile), serialiseKeyRecord(versions));
    for (const language of targetLanguages) {
      if (!chosen(language)) continue;
      const project = await readTranslationProject(projectRoot, language);
      await saveMemory(projectRoot, refreshedMemory(project, { keys: [...marked] }));
    }
    outcome.done.push(...summaries);
  }
  return outcome;
}

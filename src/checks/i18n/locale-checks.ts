import { allowsMarkup } from "../../lib/i18n.ts";
import {
  languageInfo,
  languageName,
  languages,
  otherLanguages,
  sourceLanguage,
  type Language,
} from "../../lib/languages.ts";
import { checkNesting } from "./nesting.ts";
import {
  inBrokenFile,
  localeFilePath,
  locationOf,
  type LocaleText,
  type Locales,
  textsIn,
} from "../../lib/locale-texts.ts";
import type { Finding } from "../../lib/translation-findings.ts";

const pluralSuffix = /_(zero|one|two|few|many|other)$/;
const placeholder = /\{\{-?\s*([^{}\s,]+)[^{}]*\}\}/g;
const markup = /<\/?[a-z][^<>]*>|<!--|&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i;

/** The name shared by a text's plural forms (`items_one` → `items`), or the key itself. */
export function pluralBase(key: string): string {
  return key.replace(pluralSuffix, "");
}

function placeholdersOf(value: unknown): string[] {
  return typeof value === "string"
    ? [...value.matchAll(placeholder)].map((match) => match[1] ?? "")
    : [];
}

function describePlaceholders(names: Iterable<string>): string {
  const list = [...names].map((name) => `{{${name}}}`);
  return list.length === 0 ? "none" : list.join(", ");
}

/** Locale files that exist in one language and not in another: one finding per file. */
function checkFilesExist(locales: Locales): Finding[] {
  const findings: Finding[] = [];
  for (const { language, name, file } of locales.files) {
    if (locales.brokenFiles.has(name)) continue;
    for (const other of otherLanguages(language)) {
      if (
        locales.files.some((candidate) => candidate.language === other && candidate.name === name)
      ) {
        continue;
      }
      findings.push({
        severity: "error",
        rule: "locale-file-missing",
        location: { file },
        message: `there is no ${languageName(other)} version of this file: create ${localeFilePath(other, name)} with the same texts in ${languageName(other)}`,
      });
    }
  }
  return findings;
}

/**
 * The plural categories a language's texts need (CLDR, as i18next picks them): German and
 * English `one` and `other`, Arabic six, Japanese one.
 */
export function pluralCategories(language: Language): readonly string[] {
  return new Intl.PluralRules(languageInfo(language).intlLocale).resolvedOptions().pluralCategories;
}

/** Whether a text is a plural form of a text the other language has, under another category. */
function isPluralFormOf(
  key: string,
  other: ReadonlyMap<string, unknown>,
  needed: readonly string[],
): boolean {
  const category = pluralSuffix.exec(key)?.[1];
  if (category === undefined) return false;
  const base = pluralBase(key);
  return !needed.includes(category) || [...pluralCategoriesOf(other, base)].length > 0;
}

function* pluralCategoriesOf(texts: ReadonlyMap<string, unknown>, base: string): Generator<string> {
  for (const key of texts.keys()) if (pluralBase(key) === base && key !== base) yield key;
}

/**
 * Texts that one language has and another lacks, named where they exist. Plural forms count by
 * the forms each language needs: Arabic's `_few` needs no German counterpart, and Japanese
 * needs no `_one`.
 */
function checkSameKeys(locales: Locales, missingFiles: Set<string>): Finding[] {
  const findings: Finding[] = [];
  const source = textsIn(locales, sourceLanguage);
  for (const language of otherLanguages(sourceLanguage)) {
    const translation = textsIn(locales, language);
    const needed = pluralCategories(language);
    for (const text of source.values()) {
      if (
        translation.has(text.key) ||
        missingFiles.has(text.file) ||
        inBrokenFile(locales, text.key) ||
        isPluralFormOf(text.key, translation, needed)
      ) {
        continue;
      }
      const target = localeFilePath(language, text.key.split(".")[0] ?? "");
      findings.push({
        severity: "error",
        rule: "missing-key",
        location: locationOf(text),
        message: `this text is missing in ${languageName(language)}: add "${text.path}" to ${target}, translated into ${languageName(language)}`,
        related: [{ file: target }],
      });
    }
    for (const text of translation.values()) {
      if (
        source.has(text.key) ||
        missingFiles.has(text.file) ||
        inBrokenFile(locales, text.key) ||
        isPluralFormOf(text.key, source, pluralCategories(sourceLanguage).concat(needed))
      ) {
        continue;
      }
      const target = localeFilePath(sourceLanguage, text.key.split(".")[0] ?? "");
      findings.push({
        severity: "error",
        rule: "extra-key",
        location: locationOf(text),
        message: `this text exists only in ${languageName(language)}: add "${text.path}" to ${target} (${languageName(sourceLanguage)} is the source language), or delete it here if it is no longer needed`,
        related: [{ file: target }],
      });
    }
  }
  return findings;
}

/** Problems a text has on its own: not text, empty, or HTML where none is allowed. */
function checkValue(text: LocaleText): Finding | undefined {
  const location = locationOf(text);
  if (typeof text.value !== "string") {
    return {
      severity: "error",
      rule: "not-text",
      location,
      message: `this must be a text in double quotes, e.g. "…", but it is ${text.value === null ? "null" : Array.isArray(text.value) ? "a list" : `a ${typeof text.value}`}: put the text in quotes`,
    };
  }
  if (text.value.trim() === "") {
    return {
      severity: "error",
      rule: "empty-value",
      location,
      message: `the text is empty: write the ${languageName(text.language)} text between the quotes`,
    };
  }
  const html = markup.exec(text.value)?.[0];
  if (html !== undefined && !allowsMarkup(text.key)) {
    return {
      severity: "error",
      rule: "markup-not-allowed",
      location,
      message: `the text contains HTML code ("${html}"), which the site would show as typed characters: write plain text, and type special characters such as a non-breaking space directly. Only texts whose name ends in "_html" may contain HTML; ask a developer if this one needs it`,
    };
  }
  return undefined;
}

/** Plural forms a language needs but a text lacks (see `pluralCategories`). */
function checkPlurals(locales: Locales, language: Language): Finding[] {
  const findings: Finding[] = [];
  const texts = textsIn(locales, language);
  const reported = new Set<string>();
  const needed = pluralCategories(language);
  for (const text of texts.values()) {
    const base = pluralBase(text.key);
    if (base === text.key || reported.has(base)) continue;
    reported.add(base);
    const missing = needed.filter((category) => !texts.has(`${base}_${category}`));
    if (missing.length === 0) continue;
    const forms = needed.map((category) => `"${base.slice(base.indexOf(".") + 1)}_${category}"`);
    findings.push({
      severity: "error",
      rule: "plural-incomplete",
      location: locationOf(text),
      message: `the plural forms of this text are incomplete: ${languageName(language)} needs ${forms.join(", ")}, but ${missing.map((category) => `"_${category}"`).join(" and ")} is missing: add it`,
    });
  }
  return findings;
}

/**
 * Placeholders such as `{{count}}` are filled in by the site, so a translation must keep
 * every one of them. Plural forms are compared as a set: "one item" may leave out `{{count}}`.
 */
function checkPlaceholders(locales: Locales): Finding[] {
  const findings: Finding[] = [];
  const collect = (language: Language) => {
    const groups = new Map<string, { texts: LocaleText[]; names: Set<string> }>();
    for (const text of textsIn(locales, language).values()) {
      const base = pluralBase(text.key);
      const group = groups.get(base) ?? { texts: [], names: new Set<string>() };
      group.texts.push(text);
      for (const name of placeholdersOf(text.value)) group.names.add(name);
      groups.set(base, group);
    }
    return groups;
  };
  const source = collect(sourceLanguage);
  for (const language of otherLanguages(sourceLanguage)) {
    for (const [base, group] of collect(language)) {
      const original = source.get(base);
      const [text] = group.texts;
      const [originalText] = original?.texts ?? [];
      if (original === undefined || text === undefined || originalText === undefined) continue;
      const lacking = [...original.names].filter((name) => !group.names.has(name));
      const extra = [...group.names].filter((name) => !original.names.has(name));
      if (lacking.length === 0 && extra.length === 0) continue;
      findings.push({
        severity: "error",
        rule: "placeholders-differ",
        location: locationOf(text),
        message: `the placeholders differ from ${languageName(sourceLanguage)} (${originalText.file}:${originalText.line}): ${languageName(sourceLanguage)} has ${describePlaceholders(original.names)}, ${languageName(language)} has ${describePlaceholders(group.names)}. The site fills in each {{…}} itself: keep them exactly as in ${languageName(sourceLanguage)} and translate only the words around them`,
        related: [locationOf(originalText)],
      });
    }
  }
  return findings;
}

/** Every check of the locale files themselves, without looking at where texts are used. */
export function checkLocales(locales: Locales): Finding[] {
  const fileFindings = checkFilesExist(locales);
  const missingFiles = new Set(fileFindings.map((finding) => finding.location.file));
  const allTexts = Object.values(locales.texts).flatMap((texts) => [...texts.values()]);
  return [
    ...locales.findings,
    ...fileFindings,
    ...checkSameKeys(locales, missingFiles),
    ...allTexts.flatMap((text) => checkValue(text) ?? []),
    ...languages.flatMap((language) => checkPlurals(locales, language)),
    ...checkPlaceholders(locales),
    ...checkNesting(locales),
  ];
}

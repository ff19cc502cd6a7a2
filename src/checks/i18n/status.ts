import {
  otherLanguages,
  sourceLanguage,
  targetLanguages,
  type Language,
} from "../../lib/languages.ts";
import { pageFrontMatter, type PageFrontMatter } from "../../lib/pages.ts";
import { changedTranslations, type ChangedTranslation } from "../../translation/diff.ts";
import { readTranslationProject } from "../../translation/project.ts";
import type { TranslationInspection } from "./check.ts";
import type { PageSource, UnreadablePage } from "../../lib/page-sources.ts";
import { textsIn } from "../../lib/locale-texts.ts";
import { untranslatedMark } from "../../lib/translation-version.ts";
import { pluralBase } from "./locale-checks.ts";
import type { VersionState } from "../../lib/translation-state.ts";

/** Where a text or page stands in one language. */
export type ItemState =
  "translated" | "adapted" | "not-marked" | "outdated" | "untranslated" | "missing" | "by-design";

/** The states in the order reports show them. */
export const itemStates: readonly ItemState[] = [
  "translated",
  "adapted",
  "not-marked",
  "outdated",
  "untranslated",
  "missing",
  "by-design",
];

/** A locale text or page in one language. */
export interface StatusItem {
  kind: "text" | "page";
  /** The text's full name, or the page's translation key. */
  name: string;
  state: ItemState;
  /** Where it is, or for a missing item where its counterpart is. */
  file: string;
  line?: number;
}

/** Counts and items of one language. */
export interface LanguageStatus {
  language: Language;
  isSource: boolean;
  texts: StatusItem[];
  pages: StatusItem[];
}

const fromVersion: Record<VersionState, ItemState> = {
  current: "translated",
  "not-marked": "not-marked",
  outdated: "outdated",
  untranslated: "untranslated",
};

function textStatus(inspection: TranslationInspection, language: Language): StatusItem[] {
  const { locales } = inspection;
  const versions = new Map(
    inspection.keyVersions
      .filter((version) => version.translation.language === language)
      .map((version) => [version.translation.key, version.state]),
  );
  const present = [...textsIn(locales, language).values()].map((text) => {
    const version = versions.get(text.key);
    return {
      kind: "text" as const,
      name: text.key,
      state: version === undefined ? ("translated" as const) : fromVersion[version],
      file: text.file,
      line: text.line,
    };
  });
  const missing = new Map<string, StatusItem>();
  for (const other of otherLanguages(language)) {
    for (const text of textsIn(locales, other).values()) {
      const own = textsIn(locales, language);
      // A plural form this language does not use (Arabic's `_few` in German) is no gap.
      const base = pluralBase(text.key);
      const hasForms = base !== text.key && [...own.keys()].some((key) => pluralBase(key) === base);
      if (own.has(text.key) || hasForms || missing.has(text.key)) continue;
      missing.set(text.key, {
        kind: "text",
        name: text.key,
        state: "missing",
        file: text.file,
        line: text.line,
      });
    }
  }
  return [...present, ...missing.values()];
}

/**
 * Pages with readable front matter, by translation key and language, and the places (key and
 * language) of pages whose front matter cannot be read: those are not missing, only unreadable.
 */
function pagesByKey(pages: readonly PageSource[], unreadable: readonly UnreadablePage[]) {
  type Entry = { page: PageSource; frontMatter: PageFrontMatter };
  const byKey = new Map<string, Map<Language, Entry>>();
  const unreadablePlaces = new Set(
    unreadable.map((page) => `${page.language}\n${page.translationKey}`),
  );
  for (const page of pages) {
    const result = pageFrontMatter.safeParse(page.data);
    if (!result.success) {
      const key = page.data.translationKey;
      if (typeof key === "string") unreadablePlaces.add(`${page.language}\n${key}`);
      continue;
    }
    const entry = byKey.get(result.data.translationKey) ?? new Map<Language, Entry>();
    entry.set(page.language, { page, frontMatter: result.data });
    byKey.set(result.data.translationKey, entry);
  }
  return { byKey, unreadablePlaces };
}

function pageStatus(inspection: TranslationInspection, language: Language): StatusItem[] {
  const versions = new Map(
    inspection.pageVersions.map((version) => [version.translation.file, version.state]),
  );
  const { byKey, unreadablePlaces } = pagesByKey(inspection.pages, inspection.unreadablePages);
  return [...byKey].flatMap(([name, pair]): StatusItem[] => {
    const own = pair.get(language);
    if (own !== undefined) {
      const version = versions.get(own.page.file);
      const adapted =
        language !== sourceLanguage &&
        [...pair.values()].some((entry) => entry.frontMatter.adaptation === true);
      const state =
        own.frontMatter.translatedFrom === untranslatedMark
          ? "untranslated"
          : adapted
            ? "adapted"
            : version === undefined
              ? "translated"
              : fromVersion[version];
      return [{ kind: "page", name, state, file: own.page.file }];
    }
    const [other] = pair.values();
    // A page that is there but cannot be read is listed as a problem, not as missing.
    if (other === undefined || unreadablePlaces.has(`${language}\n${name}`)) return [];
    const state = other.frontMatter.onlyInThisLanguage === undefined ? "missing" : "by-design";
    return [{ kind: "page", name, state, file: other.page.file }];
  });
}

/** Every language's texts and pages, each with its state; the source language first. */
export function translationStatus(inspection: TranslationInspection): LanguageStatus[] {
  return [sourceLanguage, ...otherLanguages(sourceLanguage)].map((language) => ({
    language,
    isSource: language === sourceLanguage,
    texts: textStatus(inspection, language),
    pages: pageStatus(inspection, language),
  }));
}

/** How many items are in each state. */
export function countStates(items: readonly StatusItem[]): Record<ItemState, number> {
  const counts = Object.fromEntries(itemStates.map((state) => [state, 0])) as Record<
    ItemState,
    number
  >;
  for (const item of items) counts[item.state]++;
  return counts;
}

/**
 * What changed in the source of each outdated page and text since its translation was made, in every language,
 * segment by segment, as the translation memory (`locales/translation-memory.tmx`) remembers it.
 */
export async function outdatedChanges(projectRoot: string): Promise<ChangedTranslation[]> {
  const changes: ChangedTranslation[] = [];
  for (const language of targetLanguages) {
    changes.push(...changedTranslations(await readTranslationProject(projectRoot, language)));
  }
  return changes;
}

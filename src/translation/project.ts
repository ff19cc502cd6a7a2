import { existsSync } from "node:fs";
import path from "node:path";
import { loadSiteData } from "../lib/data/load.ts";
import { formatFact } from "../lib/format.ts";
import { allowsMarkup, createTranslator, loadLocales } from "../lib/i18n.ts";
import { languageName, sourceLanguage, type Language } from "../lib/languages.ts";
import { readLocales, type LocaleText, type Locales, textsIn } from "../lib/locale-texts.ts";
import { pageAddress, pairPages, readPages, type Page } from "../lib/page-sources.ts";
import { projectFolders } from "../lib/project.ts";
import type { Finding } from "../lib/translation-findings.ts";
import {
  keyVersions,
  pageVersions,
  readKeyRecord,
  type KeyRecord,
  type VersionState,
} from "../lib/translation-state.ts";
import type { ExchangeUnit, UnitState } from "./exchange.ts";
import {
  codesOf,
  parseTextInline,
  serialise,
  shapeOf,
  spanLanguage,
  type Inline,
  type InlineCode,
} from "./inline.ts";
import { latestEntry, readMemories, type Memories, type Memory, type MemoryEntry } from "./tmx.ts";
import { pageSegments, type PageSegments, type Segment } from "./segments.ts";

/** A source page, its translation into the project's target language and how the two line up. */
export interface PageTranslation {
  source: Page;
  translation: Page;
  sourceSegments: PageSegments;
  translationSegments: PageSegments;
  /** Whether the translation has the source page's structure, block for block. */
  aligned: boolean;
  state: VersionState;
  /** The source page's version now, as `translatedFrom` records it. */
  version: string;
  units: ExchangeUnit[];
}

/** A source locale text and its translation. */
export interface TextTranslation {
  source: LocaleText;
  translation?: LocaleText;
  unit: ExchangeUnit;
}

/** Everything the exchange reads of a project, for one target language. */
export interface TranslationProject {
  projectRoot: string;
  /** The language the translations are into. */
  targetLanguage: Language;
  pages: PageTranslation[];
  texts: TextTranslation[];
  locales: Locales;
  record: KeyRecord;
  /** The memory of the source language into the target language. */
  memory: Memory;
  /** The memory of every language pair, which the memory file holds. */
  memories: Memories;
  /**
   * Pages and locale files that cannot be read or paired (front matter, broken JSON, a reserved
   * key): their segments are missing from `pages` and `texts` until they are fixed.
   */
  problems: Finding[];
  /** A link's target in the translation: a source page's address becomes its twin's. */
  localiseLink: (close: string) => string;
}

/**
 * What a template code shows readers: a fact's value formatted in the source language, any other code as
 * itself. A project without data modules (a test fixture) shows every code as itself.
 */
async function templateDescriber(projectRoot: string): Promise<(code: string) => string> {
  const dataDir = path.join(projectRoot, projectFolders.data);
  if (!existsSync(dataDir)) return (code) => code;
  const data = await loadSiteData(dataDir, projectRoot);
  const translator = createTranslator(
    await loadLocales(path.join(projectRoot, projectFolders.locales), projectRoot),
  );
  return (code) => {
    const id = /^\{%-?\s*fact\s+"([^"]+)"\s*-?%\}$/.exec(code)?.[1];
    const fact = id === undefined ? undefined : data.facts[id];
    if (fact === undefined) return code;
    return formatFact(fact, sourceLanguage, (key, values) =>
      translator.t(sourceLanguage, key, values),
    );
  };
}

/** How a code is recognised on the other side: what it stands for, not its id. */
function signature(code: InlineCode, localiseLink: (close: string) => string): string {
  if (code.type === "ph") return `${code.kind}:${code.markdown}`;
  if (code.kind === "link") return `link:${localiseLink(code.close)}`;
  return `${code.kind}:${code.kind === "lang" ? code.close : ""}`;
}

/**
 * The translated content with each code given the id of the source code it stands for. A
 * phrase marked as being in the source language (`[…]{lang=…}`) has no counterpart in the source
 * and gets an id of its own. Undefined when some other code has no counterpart: that translation
 * cannot be offered without the import refusing it.
 */
export function alignCodes(
  german: readonly Inline[],
  english: readonly Inline[],
  localiseLink: (close: string) => string,
): Inline[] | undefined {
  const available = codesOf(german).map((code) => ({
    code,
    key: signature(code, localiseLink),
  }));
  let extra = 0;
  const unmatched: InlineCode[] = [];
  const relabel = (items: readonly Inline[]): Inline[] =>
    items.map((item) => {
      if (typeof item === "string") return item;
      const key = signature(item, (close) => close);
      const index = available.findIndex((candidate) => candidate.key === key);
      const match = available[index];
      let id: string;
      if (match !== undefined) {
        available.splice(index, 1);
        id = match.code.id;
      } else if (spanLanguage(item) === sourceLanguage) {
        id = `${sourceLanguage}${++extra}`;
      } else {
        unmatched.push(item);
        id = item.id;
      }
      return item.type === "ph" ? { ...item, id } : { ...item, id, content: relabel(item.content) };
    });
  const relabelled = relabel(english);
  return unmatched.length > 0 ? undefined : relabelled;
}

function notesFor(
  segment: Segment,
  file: string,
  translationFile: string | undefined,
  previous: Inline[] | undefined,
  state: UnitState,
): string[] {
  return [
    `${file}:${segment.line}${segment.heading === undefined ? "" : ` (under the heading "${segment.heading}")`}`,
    ...(translationFile === undefined ? [] : [`Translation in ${translationFile}`]),
    ...(state !== "changed"
      ? []
      : [
          previous === undefined
            ? `The ${languageName(sourceLanguage)} has changed since the current translation was made; the earlier ${languageName(sourceLanguage)} is not in the translation memory.`
            : `The current translation was made from this ${languageName(sourceLanguage)}: ${serialise(previous, segment.format)}`,
        ]),
  ];
}

function unitState(
  recorded: VersionState,
  target: Inline[] | undefined,
  segment: Segment,
  memory: Memory,
): UnitState {
  if (target === undefined) return "new";
  if (recorded === "current") return "current";
  if (recorded === "not-marked") return "unconfirmed";
  const remembered = latestEntry(memory, segment.id);
  return remembered !== undefined && shapeOf(remembered.source) === shapeOf(segment.content)
    ? "current"
    : "changed";
}

function pageUnits(
  page: Omit<PageTranslation, "units">,
  memory: Memory,
  localiseLink: (close: string) => string,
): ExchangeUnit[] {
  const { sourceSegments: german, translationSegments: english, aligned } = page;
  const englishFields = new Map(english.fields.map((field) => [field.kind, field]));
  const segments = [...german.fields, ...german.blocks];
  return segments.map((segment, index) => {
    const counterpart =
      index < german.fields.length
        ? englishFields.get(segment.kind)
        : aligned
          ? english.blocks[index - german.fields.length]
          : undefined;
    const target =
      counterpart === undefined
        ? undefined
        : alignCodes(segment.content, counterpart.content, localiseLink);
    const state = unitState(page.state, target, segment, memory);
    return {
      segment,
      ...(target === undefined ? {} : { target }),
      state,
      notes: notesFor(
        segment,
        page.source.file,
        page.translation.file,
        latestEntry(memory, segment.id)?.source,
        state,
      ),
    };
  });
}

/** What a page not translated yet offers as its translation: nothing. */
const noSegments: PageSegments = { fields: [], blocks: [], skeleton: "" };

/** Whether two pages have the same structure: the same blocks, in the same order. */
function sameStructure(german: PageSegments, english: PageSegments): boolean {
  return (
    german.skeleton === english.skeleton &&
    german.blocks.length === english.blocks.length &&
    german.blocks.every((block, index) => english.blocks[index]?.kind === block.kind)
  );
}

/**
 * Reads a project's source pages and texts and their translations into `targetLanguage` into
 * segments, with their states. Pages that are adaptations of their twin (`adaptation: true`)
 * are no translation and are left out; a page or text not translated yet (a copy of its source)
 * offers no translation.
 */
export async function readTranslationProject(
  projectRoot: string,
  targetLanguage: Language,
): Promise<TranslationProject> {
  const [locales, read, record, memories, describe] = await Promise.all([
    readLocales(projectRoot),
    readPages(projectRoot),
    readKeyRecord(projectRoot),
    readMemories(projectRoot),
    templateDescriber(projectRoot),
  ]);
  const memory = memories.get(targetLanguage) ?? new Map<string, MemoryEntry[]>();
  const { pairs, findings } = pairPages(read.pages, read.unreadable);
  const problems = [
    ...read.findings,
    ...findings,
    ...locales.findings.filter((finding) => finding.rule !== "duplicate-key"),
  ];
  const urls = new Map<string, string>();
  for (const pair of pairs) {
    const german = pair.pages[sourceLanguage];
    const english = pair.pages[targetLanguage];
    const from = german === undefined ? undefined : pageAddress(german);
    const to = english === undefined ? undefined : pageAddress(english);
    if (from !== undefined && to !== undefined) urls.set(from, to);
  }
  const localiseLink = (close: string) =>
    close.replace(/^\]\(([^)#\s]*)/, (whole, url: string) => {
      const localised = urls.get(url);
      return localised === undefined ? whole : `](${localised}`;
    });
  const pages = pageVersions(pairs).flatMap((version): PageTranslation[] => {
    if (version.translation.language !== targetLanguage) return [];
    const segmentsOf = (page: Page) =>
      pageSegments(page.text, page.frontMatter.translationKey, page.data, describe);
    const sourceSegments = segmentsOf(version.source);
    // A copy of the source not translated yet offers nothing as its translation.
    const translationSegments =
      version.state === "untranslated" ? noSegments : segmentsOf(version.translation);
    const page = {
      source: version.source,
      translation: version.translation,
      sourceSegments,
      translationSegments,
      aligned: sameStructure(sourceSegments, translationSegments),
      state: version.state,
      version: version.version,
    };
    return [{ ...page, units: pageUnits(page, memory, localiseLink) }];
  });
  const states = new Map(
    keyVersions(locales, record)
      .filter((version) => version.translation.language === targetLanguage)
      .map((version) => [version.translation.key, version.state]),
  );
  const texts = [...textsIn(locales, sourceLanguage).values()].flatMap(
    (source): TextTranslation[] => {
      if (typeof source.value !== "string") return [];
      const copy = states.get(source.key) === "untranslated";
      const translation = copy ? undefined : textsIn(locales, targetLanguage).get(source.key);
      const segment: Segment = {
        id: source.key,
        kind: "text",
        format: "text",
        line: source.line,
        content: parseTextInline(source.value, allowsMarkup(source.key)),
      };
      const target =
        typeof translation?.value === "string"
          ? alignCodes(
              segment.content,
              parseTextInline(translation.value, allowsMarkup(source.key)),
              (close) => close,
            )
          : undefined;
      const state = unitState(states.get(source.key) ?? "not-marked", target, segment, memory);
      return [
        {
          source,
          ...(translation === undefined ? {} : { translation }),
          unit: {
            segment,
            ...(target === undefined ? {} : { target }),
            state,
            notes: notesFor(
              segment,
              source.file,
              translation?.file,
              latestEntry(memory, segment.id)?.source,
              state,
            ),
          },
        },
      ];
    },
  );
  return {
    projectRoot,
    targetLanguage,
    pages,
    texts,
    locales,
    record,
    memory,
    memories,
    problems,
    localiseLink,
  };
}

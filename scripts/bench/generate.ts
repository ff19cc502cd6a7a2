import { pageVersion } from "../../src/checks/i18n/versions.ts";
import { splitPage } from "../../src/lib/front-matter.ts";
import type { Fact, Facts } from "../../src/lib/data/schemas.ts";
import { languages, sourceLanguage, type Language } from "../../src/lib/languages.ts";
import { projectFolders } from "../../src/lib/project.ts";
import { createRandom } from "../lib/random.ts";
import { syntheticLanguage } from "./words.ts";

/** A Markdown page of the synthetic site. */
export interface SyntheticPage {
  /** Relative to the project, e.g. `src/site/de/bericht-0001.md`. */
  file: string;
  language: Language;
  translationKey: string;
  /** The page's URL path, e.g. `/de/bericht-0001/`. */
  url: string;
  /** The whole file: front matter and body. */
  text: string;
  /** The body's paragraphs as written (headings excluded), for tests. */
  paragraphs: string[];
  /** The fact ids the page inserts, in order. */
  factIds: string[];
}

/** How many paragraphs each synthetic page has, and where its two headings stand. */
const PARAGRAPHS_PER_PAGE = 5;
const HEADING_BEFORE = new Set([1, 3]);
const FACTS_PER_PAGE = 2;
const SENTENCES_PER_PARAGRAPH = { min: 3, max: 5 };
const WORDS_PER_SENTENCE = { min: 9, max: 16 };

type Random = () => number;

function between(random: Random, range: { min: number; max: number }): number {
  return range.min + Math.floor(random() * (range.max - range.min + 1));
}

function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new RangeError("cannot pick from an empty list");
  return item;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function words(random: Random, language: Language, count: number): string[] {
  return Array.from({ length: count }, () => pick(random, syntheticLanguage(language).words));
}

/** A sentence of random words; `insert` (a shortcode) stands somewhere in its middle. */
function sentence(random: Random, language: Language, insert?: string): string {
  const parts = words(random, language, between(random, WORDS_PER_SENTENCE));
  if (insert !== undefined) parts.splice(1 + Math.floor(random() * (parts.length - 1)), 0, insert);
  return `${capitalise(parts.join(" "))}.`;
}

function paragraph(random: Random, language: Language, insert?: string): string {
  const count = between(random, SENTENCES_PER_PARAGRAPH);
  const at = Math.floor(random() * count);
  return Array.from({ length: count }, (_, index) =>
    sentence(random, language, index === at ? insert : undefined),
  ).join(" ");
}

function number(index: number): string {
  return String(index + 1).padStart(4, "0");
}

function pageUrl(language: Language, index: number): string {
  return `/${language}/${syntheticLanguage(language).fileStem}-${number(index)}/`;
}

function pageTitle(random: Random, language: Language, index: number): string {
  return `${syntheticLanguage(language).titleWord} ${index + 1}: ${capitalise(words(random, language, 3).join(" "))}`;
}

/** YAML double-quoted scalar: the generated words hold no quotes or backslashes. */
function quoted(text: string): string {
  return `"${text}"`;
}

interface PageDraft {
  language: Language;
  /** The fact id each paragraph inserts, if any, by paragraph. */
  factAt: ReadonlyMap<number, string>;
  /** The next page in the same language, which the last paragraph links to. */
  next: { title: string; url: string };
}

/**
 * The body: paragraphs with two `##` headings between them. The fact shortcodes go into the
 * same paragraphs in both languages, so the translation check finds the same facts in each twin.
 */
function pageBody(
  random: Random,
  draft: PageDraft,
  unique: (make: () => string) => string,
): { body: string; paragraphs: string[] } {
  const paragraphs: string[] = [];
  const blocks: string[] = [];
  for (let index = 0; index < PARAGRAPHS_PER_PAGE; index++) {
    if (HEADING_BEFORE.has(index)) {
      const heading = words(random, draft.language, between(random, { min: 2, max: 4 }));
      blocks.push(`## ${capitalise(heading.join(" "))}`);
    }
    const factId = draft.factAt.get(index);
    const insert = factId === undefined ? undefined : `{% fact "${factId}" %}`;
    const isLast = index === PARAGRAPHS_PER_PAGE - 1;
    const text = unique(() => {
      const prose = paragraph(random, draft.language, insert);
      const link = `${syntheticLanguage(draft.language).nextPageLead} [${draft.next.title}](${draft.next.url}).`;
      return isLast ? `${prose} ${link}` : prose;
    });
    paragraphs.push(text);
    blocks.push(text);
  }
  return { body: `${blocks.join("\n\n")}\n`, paragraphs };
}

function frontMatter(fields: Record<string, string>): string {
  const lines = Object.entries(fields).map(([name, value]) => `${name}: ${value}`);
  return `---\n${lines.join("\n")}\n---\n`;
}

/** Which paragraphs insert a fact, and which: the same for both twins of a pair. */
function placeFacts(random: Random, factIds: readonly string[]): Map<number, string> {
  const factAt = new Map<number, string>();
  while (factAt.size < FACTS_PER_PAGE) {
    factAt.set(Math.floor(random() * PARAGRAPHS_PER_PAGE), pick(random, factIds));
  }
  return factAt;
}

/**
 * Generates `count` pages per language, German and English twins paired by `translationKey`
 * (`bench-0001`), each with several paragraphs of varied text made from the language's own
 * words by a seeded generator, two headings, and `{% fact "id" %}` shortcodes with ids from
 * `facts`. No two paragraphs of the whole site are equal. English pages carry
 * `translatedFrom` with the version of their German twin, as `npm run i18n:mark` writes it.
 * The last paragraph links to the next page of its language (the last page to the first).
 */
export function generatePages(count: number, facts: Facts, seed = 1): SyntheticPage[] {
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(`the number of pages must be a whole number of at least 1; got ${count}`);
  }
  const factIds = Object.keys(facts);
  const random = createRandom(seed);
  const seen = new Set<string>();
  const unique = (make: () => string) => {
    for (;;) {
      const text = make();
      if (!seen.has(text)) {
        seen.add(text);
        return text;
      }
    }
  };
  const titles = new Map(
    languages.map((language) => [
      language,
      Array.from({ length: count }, (_, index) => pageTitle(random, language, index)),
    ]),
  );
  const pages: SyntheticPage[] = [];
  for (let index = 0; index < count; index++) {
    const translationKey = `bench-${number(index)}`;
    const factAt = placeFacts(random, factIds);
    let sourceVersion = "";
    for (const language of languages) {
      const title = titles.get(language)?.[index] ?? "";
      const nextIndex = (index + 1) % count;
      const next = {
        title: titles.get(language)?.[nextIndex] ?? "",
        url: pageUrl(language, nextIndex),
      };
      const { body, paragraphs } = pageBody(random, { language, factAt, next }, unique);
      const description = sentence(random, language);
      const file = `${projectFolders.pages(language)}/${syntheticLanguage(language).fileStem}-${number(index)}.md`;
      const text = `${frontMatter({
        title: quoted(title),
        description: quoted(description),
        translationKey,
        ...(language === sourceLanguage ? {} : { translatedFrom: quoted(sourceVersion) }),
      })}${body}`;
      if (language === sourceLanguage) {
        sourceVersion = pageVersion({
          file,
          language,
          text,
          data: { title, description },
          ...splitPage(text),
        });
      }
      pages.push({
        file,
        language,
        translationKey,
        url: pageUrl(language, index),
        text,
        paragraphs,
        factIds: [...factAt.entries()].sort(([a], [b]) => a - b).map(([, id]) => id),
      });
    }
  }
  return pages;
}

/** A fact as a plain number, the way bare Eleventy's copy of the pages gives it. */
export function plainFigure(fact: Fact): string {
  return fact.kind === "fraction" ? `${fact.numerator}/${fact.denominator}` : String(fact.value);
}

/**
 * A page for bare Eleventy, which knows no `fact` shortcode: every `{% fact "id" %}` becomes
 * the fact's plain number, so both builds read the same Markdown apart from that.
 */
export function withPlainFigures(text: string, facts: Facts): string {
  return text.replace(/\{%-?\s*fact\s+"([^"]+)"\s*-?%\}/g, (shortcode, id: string) => {
    const fact = facts[id];
    return fact === undefined ? shortcode : plainFigure(fact);
  });
}

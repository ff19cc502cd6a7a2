import { lineAndColumn } from "../../lib/errors.ts";
import { otherLanguages, sourceLanguage } from "../../lib/languages.ts";
import { pageTextBlocks } from "../../lib/page-text.ts";
import type { Position } from "../../lib/json-keys.ts";
import type { Page, PagePair } from "../../lib/page-sources.ts";
import type { Finding } from "../../lib/translation-findings.ts";

interface Heading {
  depth: number;
  text: string;
  line: number;
}

interface FactUse extends Position {
  id: string;
}

const factShortcode = /\{%-?\s*fact\s+(["'])(.*?)\1/dg;

/** The page's headings in order, as the site's Markdown reads them. */
function headingsOf(page: Page): Heading[] {
  return pageTextBlocks(page.body, page.bodyLine)
    .filter((block) => block.kind === "heading")
    .map((block) => ({
      depth: block.level,
      text: `${"#".repeat(block.level)} ${block.source}`,
      line: block.startLine,
    }));
}

/** Every `{% fact "id" %}` of a page, by fact id, in order. */
function factsOf(page: Page): Map<string, FactUse[]> {
  const uses = new Map<string, FactUse[]>();
  for (const match of page.text.matchAll(factShortcode)) {
    const id = match[2] ?? "";
    const offset = match.indices?.[1]?.[0] ?? match.index;
    uses.set(id, [...(uses.get(id) ?? []), { id, ...lineAndColumn(page.text, offset) }]);
  }
  return uses;
}

function times(count: number): string {
  return count === 0
    ? "not at all"
    : count === 1
      ? "once"
      : count === 2
        ? "twice"
        : `${count} times`;
}

function describeLines(uses: readonly { line: number }[]): string {
  if (uses.length === 0) return "";
  return ` (line${uses.length === 1 ? "" : "s"} ${uses.map((use) => use.line).join(", ")})`;
}

/**
 * The first place where the two pages' outlines part: headings of other depths, or a heading
 * one page has and the other lacks (reported where it stands). Later differences usually
 * follow from the first, so only that one is reported.
 */
function compareHeadings(source: Page, translation: Page): Finding | undefined {
  const original = headingsOf(source);
  const translated = headingsOf(translation);
  for (let index = 0; index < Math.max(original.length, translated.length); index++) {
    const a = original[index];
    const b = translated[index];
    if (a !== undefined && b !== undefined && a.depth === b.depth) continue;
    const ordinal = `heading ${index + 1}`;
    const rule = "Both languages need the same headings, in the same order and at the same levels";
    if (a !== undefined && b !== undefined) {
      return {
        severity: "error",
        rule: "headings-differ",
        location: { file: translation.file, line: b.line },
        message: `${ordinal} ("${b.text}") is a level ${b.depth} heading here, but level ${a.depth} in ${source.file}:${a.line} ("${a.text}"). ${rule}`,
        related: [{ file: source.file, line: a.line }],
      };
    }
    const [extra, page, other, otherHeadings] =
      a === undefined
        ? ([b, translation, source, original] as const)
        : ([a, source, translation, translated] as const);
    if (extra === undefined) return undefined;
    const last = otherHeadings.at(-1);
    return {
      severity: "error",
      rule: "headings-differ",
      location: { file: page.file, line: extra.line },
      message: `${ordinal} ("${extra.text}") has no match in ${other.file}, which has only ${otherHeadings.length} heading${otherHeadings.length === 1 ? "" : "s"}${last === undefined ? "" : ` (the last at line ${last.line})`}. ${rule}`,
      related: [{ file: other.file, ...(last === undefined ? {} : { line: last.line }) }],
    };
  }
  return undefined;
}

/**
 * Facts used a different number of times in the two pages, as a multiset: each is reported
 * at its first use that has no counterpart, naming the other page's uses.
 */
function compareFacts(source: Page, translation: Page): Finding[] {
  const original = factsOf(source);
  const translated = factsOf(translation);
  const ids = new Set([...original.keys(), ...translated.keys()]);
  return [...ids].flatMap((id): Finding[] => {
    const a = original.get(id) ?? [];
    const b = translated.get(id) ?? [];
    if (a.length === b.length) return [];
    const [more, moreUses, fewer, fewerUses] =
      a.length > b.length ? [source, a, translation, b] : [translation, b, source, a];
    const surplus = moreUses[fewerUses.length];
    if (surplus === undefined) return [];
    return [
      {
        severity: "error",
        rule: "facts-differ",
        location: { file: more.file, line: surplus.line, column: surplus.column, key: id },
        message: `this page gives the fact "${id}" ${times(moreUses.length)}${describeLines(moreUses)}, but ${fewer.file} gives it ${times(fewerUses.length)}${describeLines(fewerUses)}. Both languages must give the same figures: add or remove {% fact "${id}" %} so they match`,
        related: [
          {
            file: fewer.file,
            ...(fewerUses[0] === undefined ? {} : { line: fewerUses[0].line }),
          },
        ],
      },
    ];
  });
}

/** Compares each page with its translations: same heading outline, same facts. */
export function checkPagePairs(pairs: readonly PagePair[]): Finding[] {
  return pairs.flatMap((pair) => {
    const source = pair.pages[sourceLanguage];
    if (source === undefined) return [];
    return otherLanguages(sourceLanguage).flatMap((language) => {
      const translation = pair.pages[language];
      if (translation === undefined) return [];
      return [compareHeadings(source, translation) ?? [], compareFacts(source, translation)].flat();
    });
  });
}

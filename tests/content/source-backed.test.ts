import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSiteData } from "../../src/lib/data/load.ts";
import type { SiteData } from "../../src/lib/data/schemas.ts";
import { languages, type Language } from "../../src/lib/languages.ts";
import { projectRoot } from "../support/project.ts";
import { readMarkdownPages, type MarkdownPage } from "./markdown-pages.ts";

/**
 * The pages whose content comes from the sources (by translation key), with the sources each
 * draws on and whether it must name them in its first section. Every other page is the site's
 * own text (navigation, statement, legal pages) and uses no fact.
 */
const sourceBacked: Record<string, { sources: string[]; namesThemFirst: boolean }> = {
  home: { sources: ["brandenburg", "lzg"], namesThemFirst: true },
  "berlin-brandenburg": { sources: ["brandenburg"], namesThemFirst: true },
  nrw: { sources: ["lzg"], namesThemFirst: true },
  "key-figures": { sources: ["brandenburg", "lzg"], namesThemFirst: true },
  "open-data": { sources: ["brandenburg", "lzg"], namesThemFirst: false },
  "easy-read": { sources: ["brandenburg", "lzg"], namesThemFirst: false },
  sources: { sources: ["brandenburg", "lzg"], namesThemFirst: true },
};

/** How a page names each source's publisher in running text, and how it hedges an unconfirmed one. */
const publisherNames: Record<string, Record<Language, RegExp>> = {
  brandenburg: { de: /Land Brandenburg/, en: /State of Brandenburg/ },
  lzg: { de: /Landes·?zentrum(?:s)? Gesundheit/, en: /Landeszentrum Gesundheit/ },
};
const attributionHedge: Record<Language, RegExp> = {
  de: /zugeordnet|vielleicht/i,
  en: /attributed|may be/i,
};

/** What the sentence around a figure must say, and must not, to keep its source's meaning. */
interface Wording {
  /** The word right after the figure (the source's noun). */
  follows?: RegExp;
  /** Words the sentence holding the figure must contain. */
  with?: RegExp[];
  /** Words that would shift the source's meaning. */
  never?: RegExp[];
}

/**
 * Each fact's wording, from its quote in `data/facts.ts`: "repräsentiert fast 370.000
 * Beschäftigte" stands for them (never "vertritt"); the revenue is "derzeit"; the 1-in-6 share
 * is of all employees in the state working "mittel- oder unmittelbar in der
 * Gesundheitsversorgung", not of the sector.
 */
const wording: Record<string, Record<Language, Wording>> = {
  "berlinBrandenburg.employees": {
    de: {
      follows: /^Beschäftigte/,
      with: [/repräsentiert|steht für|für\b.*\bsteht\b/],
      never: [/vertr(?:itt|eten)/],
    },
    en: { follows: /^employees/, with: [/represent|stands for/], never: [/speaks? for/] },
  },
  "berlinBrandenburg.companies": {
    de: { follows: /^(?:Unternehmen|Firmen)\b/ },
    en: { follows: /^(?:companies|firms)\b/ },
  },
  "berlinBrandenburg.masterplanYear": {
    de: { with: [/Masterplan/] },
    en: { with: [/master plan/] },
  },
  "berlinBrandenburg.focusAreas": {
    de: { follows: /^Schwerpunkte/ },
    en: { follows: /^focus areas/ },
  },
  "nrw.employees": {
    de: { follows: /^Menschen/, with: [/Gesundheitswirtschaft/] },
    en: { follows: /^people/, with: [/health economy/] },
  },
  "nrw.revenue": {
    de: { with: [/\bderzeit\b/, /Umsatz/] },
    en: { with: [/\bcurrently\b/, /revenue/] },
  },
  "nrw.workforceShare": {
    de: {
      with: [/Beschäftigten im Land/, /mittel- oder unmittelbar/, /Gesundheitsversorgung/],
      never: [/Branche/, /Gesundheitswirtschaft/],
    },
    en: {
      with: [/employees in the state/, /directly or indirectly/, /healthcare/],
      never: [/sector/, /health economy/],
    },
  },
  "nrw.healthRegionsShare": {
    de: { with: [/sechs anerkannten Regionen/, /Beschäftigten der Gesundheitswirtschaft/] },
    en: { with: [/six recognised regions/, /health economy employees/] },
  },
};

const factCode = /\{%-?\s*fact\s+"([^"]+)"\s*-?%\}/g;

/** Markdown as readers see its words: links and attributes gone, Mediopunkts removed. */
function prose(markdown: string): string {
  return markdown
    .replace(/\]\([^)]*\)|\{lang=[a-z]+\}|[[\]*_`]/g, "")
    .replace(/[·\u00ad]/g, "")
    .replace(/\s+/g, " ");
}

/** Every figure of a page with the sentence around it and the words right after it. */
function figures(page: MarkdownPage): { id: string; sentence: string; after: string }[] {
  const text = prose(page.body);
  return [...text.matchAll(factCode)].map((match) => {
    const start = match.index;
    const end = start + match[0].length;
    const from = Math.max(text.lastIndexOf(". ", start), text.lastIndexOf(": ", start)) + 2;
    const to = text.slice(end).search(/[.!?](?:\s|$)(?![^{]*%\})/);
    return {
      id: match[1] ?? "",
      sentence: text.slice(from, to === -1 ? undefined : end + to + 1),
      after: text.slice(end).trimStart(),
    };
  });
}

/** Where a figure's sentence departs from its source's wording. */
export function wordingProblems(
  page: MarkdownPage,
  rules: Record<string, Record<Language, Wording>>,
): string[] {
  return figures(page).flatMap(({ id, sentence, after }) => {
    const rule = rules[id]?.[page.language];
    if (rule === undefined) return [`${id}: no wording rule`];
    const problems: string[] = [];
    if (rule.follows !== undefined && !rule.follows.test(after)) {
      problems.push(`${id}: "${after.slice(0, 30)}…" should begin with ${rule.follows}`);
    }
    for (const pattern of rule.with ?? []) {
      if (!pattern.test(sentence)) problems.push(`${id}: "${sentence}" lacks ${pattern}`);
    }
    for (const pattern of rule.never ?? []) {
      if (pattern.test(sentence)) problems.push(`${id}: "${sentence}" says ${pattern}`);
    }
    return problems;
  });
}

/** How often a page's own prose says "die Quelle" / "the source", links to the sources page aside. */
export function sourceMentions(page: MarkdownPage): number {
  const text = page.body.replace(/\[[^\]]*\]\(\/(?:de\/quellen|en\/sources)\/\)/g, "");
  const pattern = page.language === "de" ? /\bQuelle[n]?\b/g : /\bsources?\b/gi;
  return text.match(pattern)?.length ?? 0;
}

/** The first section of a page: its text up to its second `##` heading. */
function firstSection(page: MarkdownPage): string {
  const headings = [...page.body.matchAll(/^## /gm)].map((match) => match.index);
  const end = page.body.startsWith("## ") ? headings[1] : headings[0];
  return prose(page.body.slice(0, end));
}

let data: SiteData;
let pages: MarkdownPage[];

beforeAll(async () => {
  data = await loadSiteData(path.join(projectRoot, "data"), projectRoot);
  pages = await readMarkdownPages();
});

function page(body: string, language: Language = "de"): MarkdownPage {
  return {
    file: `src/site/${language}/test.md`,
    language,
    translationKey: "test",
    easyLanguage: false,
    url: "/",
    body,
    factsUsed: new Set(),
  };
}

describe("the wording around a figure", () => {
  it("is flagged where it shifts the source's meaning, and not where it keeps it", () => {
    const bad = [
      'Das Cluster vertritt {% fact "berlinBrandenburg.employees" %} Beschäftigte.',
      'Ihr Jahresumsatz liegt bei {% fact "nrw.revenue" %}.',
      'Sie beschäftigt viele Menschen. Zählt man alle, die mittel- oder unmittelbar in der Gesundheitsversorgung tätig sind, sind es {% fact "nrw.workforceShare" %} Beschäftigten der Branche.',
    ];
    const good = [
      'Das Cluster repräsentiert {% fact "berlinBrandenburg.employees" %} Beschäftigte.',
      'Die Branche erreicht derzeit einen jährlichen Umsatz von {% fact "nrw.revenue" %}.',
      'Von allen Beschäftigten im Land ist {% fact "nrw.workforceShare" %} mittel- oder unmittelbar in der Gesundheitsversorgung tätig.',
    ];
    for (const body of bad) expect(wordingProblems(page(body), wording), body).not.toEqual([]);
    for (const body of good) expect(wordingProblems(page(body), wording), body).toEqual([]);
  });

  it("keeps each fact's source wording on every source-backed page, in both languages", () => {
    expect(Object.keys(wording).sort()).toEqual(Object.keys(data.facts).sort());
    for (const candidate of pages) {
      expect(wordingProblems(candidate, wording), candidate.file).toEqual([]);
    }
  });
});

describe("the source-backed pages", () => {
  it("are listed here: every page that shows a figure is one of them", () => {
    for (const candidate of pages.filter((each) => each.factsUsed.size > 0)) {
      expect(Object.keys(sourceBacked), candidate.file).toContain(candidate.translationKey);
    }
  });

  it("are flagged where they say 'the source' more than twice", () => {
    expect(sourceMentions(page("Die Quelle sagt. Die Quelle meint. Die Quellen zeigen."))).toBe(3);
    expect(
      sourceMentions(page("Mehr auf der Seite [Quellen](/de/quellen/). Die Quelle sagt.")),
    ).toBe(1);
  });

  it("name their sources once, near the top, with the caveat on an unconfirmed publisher", () => {
    for (const candidate of pages) {
      const entry = sourceBacked[candidate.translationKey];
      if (entry === undefined) continue;
      if (candidate.translationKey !== "sources") {
        expect(sourceMentions(candidate), candidate.file).toBeLessThanOrEqual(2);
      }
      const opening = entry.namesThemFirst ? firstSection(candidate) : prose(candidate.body);
      for (const id of entry.sources) {
        const name = publisherNames[id]?.[candidate.language];
        expect(name?.test(opening), `${candidate.file} names ${id}`).toBe(true);
        if (data.sources[id]?.publisher.confirmed === false) {
          expect(opening, `${candidate.file}: ${id} is only attributed`).toMatch(
            attributionHedge[candidate.language] ?? /attributed/,
          );
        }
      }
    }
  });
});

describe("every language", () => {
  it("has each source-backed page", () => {
    for (const language of languages) {
      const keys = pages
        .filter((each) => each.language === language)
        .map((each) => each.translationKey);
      for (const key of Object.keys(sourceBacked)) expect(keys, language).toContain(key);
    }
  });
});

import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSiteData } from "../../src/lib/data/load.ts";
import type { Fact, SiteData } from "../../src/lib/data/schemas.ts";
import { formatFact, type FactRegister } from "../../src/lib/format.ts";
import { createTranslator, loadLocales, type Translator } from "../../src/lib/i18n.ts";
import { languages, type Language } from "../../src/lib/languages.ts";
import { buildRealSite, type BuiltSite } from "../support/built-site.ts";
import { parseHtml, tag, text, type ParsedPage } from "../support/html.ts";
import { projectRoot } from "../support/project.ts";
import { readMarkdownPages, type MarkdownPage } from "./markdown-pages.ts";
import {
  blockWordingProblems,
  blocksShowing,
  firstSection,
  snippet,
  sourceMentions,
  type BlockWording,
} from "./rules.ts";

/**
 * The pages whose content comes from the sources (by translation key), with the sources each
 * draws on, whether it must name them in its first section, and how often its main content may
 * talk about them (`sourceMentions`: "Quelle", "Veröffentlichung", "Text", the table's source
 * row …). Every other page is the site's own text (navigation, statement, legal pages) and uses
 * no fact.
 */
const sourceBacked: Record<
  string,
  { sources: string[]; namesThemFirst: boolean; mentions: number | "unlimited" }
> = {
  home: { sources: ["brandenburg", "lzg"], namesThemFirst: true, mentions: 2 },
  "berlin-brandenburg": { sources: ["brandenburg"], namesThemFirst: true, mentions: 2 },
  nrw: { sources: ["lzg"], namesThemFirst: true, mentions: 2 },
  "key-figures": { sources: ["brandenburg", "lzg"], namesThemFirst: true, mentions: 2 },
  // Its files carry each figure's source in columns of their own, which the page describes, and
  // its citation names the sources, as a citation of data must.
  "open-data": { sources: ["brandenburg", "lzg"], namesThemFirst: false, mentions: 4 },
  // Where the numbers come from is a section of its own, in sentences that each say one thing.
  "easy-read": { sources: ["brandenburg", "lzg"], namesThemFirst: false, mentions: "unlimited" },
  // The sources are its subject.
  sources: { sources: ["brandenburg", "lzg"], namesThemFirst: true, mentions: "unlimited" },
};

/** How a page names each source's publisher in running text, and how it hedges an unconfirmed one. */
const publisherNames: Record<string, Record<Language, RegExp>> = {
  brandenburg: { de: /Land Brandenburg/, en: /State of Brandenburg/ },
  lzg: { de: /Landes·?zentrum(?:s)? Gesundheit/, en: /Landeszentrum Gesundheit/ },
};
const attributionHedge: Record<Language, RegExp> = {
  de: /zugeordnet|vielleicht|zu bestätigen/i,
  en: /attributed|may be|to be confirmed/i,
};

/**
 * What the sentence around a figure must say, and must not, to keep its source's meaning; and
 * (`everywhere`, `never`) what every other text showing it says too: each block of a built page
 * that shows it (a table row with its header, a list item) and its label in the open data.
 */
interface Wording extends BlockWording {
  /** The word right after the figure in running text (the source's noun). */
  follows?: RegExp;
  /** Words the sentence holding the figure in running text must contain. */
  with?: RegExp[];
}

/**
 * Each fact's wording, from its quote in `data/facts.ts`: "repräsentiert fast 370.000
 * Beschäftigte" stands for them (never "vertritt", nor the English "represents", which reads as
 * "speaks for"); the revenue is "derzeit" wherever it stands; the 1-in-6 share is of all
 * employees in the state working "mittel- oder unmittelbar in der Gesundheitsversorgung", not of
 * the sector.
 */
const wording: Record<string, Record<Language, Wording>> = {
  "berlinBrandenburg.employees": {
    de: {
      follows: /^Beschäftigte/,
      with: [/repräsentiert|steht für|für\b.*\bsteht\b/],
      never: [/vertr(?:itt|eten)/],
    },
    en: {
      follows: /^employees/,
      with: [/stands? for/],
      never: [/speaks? for/, /\brepresent(?:s|ed|ing)?\b/],
    },
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
    de: { with: [/\b(?:derzeit|zurzeit)\b/, /Umsatz/], everywhere: [/\b(?:derzeit|zurzeit)/i] },
    en: { with: [/\bcurrently\b/, /revenue/], everywhere: [/\bcurrent(?:ly)?\b/i] },
  },
  "nrw.workforceShare": {
    de: {
      with: [/Beschäftigten im Land/],
      everywhere: [/mittel- oder unmittelbar/, /Gesundheitsversorgung/],
      never: [/Branche/, /Gesundheitswirtschaft/],
    },
    en: {
      with: [/employees in the state/],
      everywhere: [/directly or indirectly/, /healthcare/],
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

/**
 * Figures that open a sentence: their hedge is written in lower case ("around 80 % …"), so
 * the sentence would begin with a small letter.
 */
export function sentenceOpeningFigures(page: MarkdownPage): string[] {
  const text = prose(page.body);
  return [...text.matchAll(factCode)]
    .filter((match) => /(?:^|[.!?]\s+)$/.test(text.slice(0, match.index)))
    .map((match) => `${match[1] ?? ""}: "${text.slice(match.index, match.index + 80)}…"`);
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
    for (const pattern of [...(rule.with ?? []), ...(rule.everywhere ?? [])]) {
      if (!pattern.test(sentence)) problems.push(`${id}: "${sentence}" lacks ${pattern}`);
    }
    for (const pattern of rule.never ?? []) {
      if (pattern.test(sentence)) problems.push(`${id}: "${sentence}" says ${pattern}`);
    }
    return problems;
  });
}

/** A built page of the site with its language and the Markdown page it comes from. */
interface BuiltPage {
  url: string;
  language: Language;
  doc: ParsedPage;
  source: MarkdownPage;
}

let data: SiteData;
let translator: Translator;
let pages: MarkdownPage[];
let site: BuiltSite;
let builtPages: BuiltPage[];

beforeAll(async () => {
  data = await loadSiteData(path.join(projectRoot, "data"), projectRoot);
  translator = createTranslator(await loadLocales(path.join(projectRoot, "locales"), projectRoot));
  pages = await readMarkdownPages();
  site = await buildRealSite();
  const byUrl = new Map(pages.map((page) => [page.url, page]));
  builtPages = site.pages.flatMap((built) => {
    const source = byUrl.get(built.url);
    return source === undefined
      ? []
      : [{ url: built.url, language: source.language, doc: parseHtml(built.html), source }];
  });
});

/** A fact as a page of the register writes it. */
function shown(fact: Fact, language: Language, register: FactRegister): string {
  return formatFact(fact, language, (key, values) => translator.t(language, key, values), register);
}

/** Where the blocks of a built page that show a fact leave out its qualifiers, per fact. */
function pageWordingProblems(page: BuiltPage): string[] {
  return Object.entries(data.facts).flatMap(([id, fact]) => {
    const rule = wording[id]?.[page.language] ?? {};
    const blocks = (["standard", "easy"] as const).flatMap((register) =>
      blocksShowing(page.doc, shown(fact, page.language, register)),
    );
    return blockWordingProblems(blocks, rule).map((problem) => `${id}: ${problem}`);
  });
}

/** An open-data file's figures as label and text in one language, by fact id. */
interface LabelledFigure {
  file: string;
  id: string;
  language: Language;
  words: string;
}

/** Every figure of the built CSV files and facts.json, with its label and text. */
async function openDataFigures(): Promise<LabelledFigure[]> {
  const figures: LabelledFigure[] = [];
  const csvFiles = [
    { file: "data/kennzahlen.csv", language: "de", delimiter: ";" },
    { file: "data/key-figures.csv", language: "en", delimiter: "," },
  ] as const;
  for (const { file, language, delimiter } of csvFiles) {
    const column = (name: string) => translator.t(language, `openData.csv.column.${name}`);
    const rows = parseCsv<Record<string, string>>(await site.read(file), {
      delimiter,
      bom: true,
      columns: true,
    });
    for (const row of rows) {
      figures.push({
        file,
        id: row[column("id")] ?? "",
        language,
        words: `${row[column("label")] ?? ""}: ${row[column("text")] ?? ""}`,
      });
    }
  }
  const json = JSON.parse(await site.read("data/facts.json")) as {
    facts: { id: string; label: Record<Language, string>; text: Record<Language, string> }[];
  };
  for (const fact of json.facts) {
    for (const language of languages) {
      figures.push({
        file: "data/facts.json",
        id: fact.id,
        language,
        words: `${fact.label[language]}: ${fact.text[language]}`,
      });
    }
  }
  return figures;
}

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

  it("is flagged where a figure opens its sentence, which would then begin in lower case", () => {
    const bad = page(
      'Die Regionen sind stark. {% fact "nrw.healthRegionsShare" %} der Beschäftigten arbeiten dort.',
    );
    const good = page(
      'Die Regionen sind stark. Dort arbeiten {% fact "nrw.healthRegionsShare" %} der Beschäftigten.',
    );
    expect(sentenceOpeningFigures(bad)).toHaveLength(1);
    expect(sentenceOpeningFigures(good)).toEqual([]);
    for (const candidate of pages) {
      expect(sentenceOpeningFigures(candidate), candidate.file).toEqual([]);
    }
  });

  it("keeps each fact's source wording on every source-backed page, in both languages", () => {
    expect(Object.keys(wording).sort()).toEqual(Object.keys(data.facts).sort());
    for (const candidate of pages) {
      expect(wordingProblems(candidate, wording), candidate.file).toEqual([]);
    }
  });
});

describe("every text that shows a figure", () => {
  const revenue = wording["nrw.revenue"];

  it("is flagged where a table row, list item or label drops the source's qualifier", () => {
    const row = (label: string) =>
      blocksShowing(
        snippet(
          "de",
          `<table><tr><th>${label}</th>\n<td>ca.\u00a058\u00a0Mrd.\u00a0€</td></tr></table>`,
        ),
        "ca. 58 Mrd. €",
      );
    expect(row("Umsatz pro Jahr")).toEqual(["Umsatz pro Jahr ca. 58 Mrd. €"]);
    expect(blockWordingProblems(row("Umsatz pro Jahr"), revenue?.de ?? {})).toHaveLength(1);
    expect(blockWordingProblems(row("Derzeitiger Umsatz pro Jahr"), revenue?.de ?? {})).toEqual([]);
    expect(blockWordingProblems(["Annual revenue: €58 billion"], revenue?.en ?? {})).toHaveLength(
      1,
    );
    expect(
      blockWordingProblems(["Current annual revenue: €58 billion"], revenue?.en ?? {}),
    ).toEqual([]);
    const employees = wording["berlinBrandenburg.employees"]?.en ?? {};
    expect(blockWordingProblems(["Employees represented by the cluster"], employees)).toHaveLength(
      1,
    );
  });

  it("keeps the source's qualifiers on every built page, layouts' tables and lists included", () => {
    for (const page of builtPages) {
      expect(pageWordingProblems(page), page.url).toEqual([]);
    }
    // The revenue stands on the home, NRW, key-figures, sources and easy pages of each language.
    const showingRevenue = builtPages.filter((page) =>
      (["standard", "easy"] as const).some(
        (register) =>
          blocksShowing(page.doc, shown(data.facts["nrw.revenue"] as Fact, page.language, register))
            .length > 0,
      ),
    );
    expect(showingRevenue.length).toBe(10);
  });

  it("keeps them in the open-data files' labels, in both languages", async () => {
    const figures = await openDataFigures();
    expect(figures.length).toBe(Object.keys(data.facts).length * 4);
    for (const { file, id, language, words } of figures) {
      expect(
        blockWordingProblems([words], wording[id]?.[language] ?? {}),
        `${file} ${id} (${language})`,
      ).toEqual([]);
    }
  });
});

describe("the source-backed pages", () => {
  it("are listed here: every page that shows a figure is one of them", () => {
    for (const candidate of pages.filter((each) => each.factsUsed.size > 0)) {
      expect(Object.keys(sourceBacked), candidate.file).toContain(candidate.translationKey);
    }
  });

  it("are flagged where they talk about their sources more than twice, in any words and in layouts' text", () => {
    const bad = snippet(
      "de",
      "<p>Nach Angaben des Landes gilt das.</p><p>Der Text nennt keinen Herausgeber.</p><table><caption>Kennzahlen, wie sie die jeweilige Quelle angibt</caption></table>",
    );
    expect(sourceMentions(bad, "de")).toBe(3);
    const good = snippet(
      "de",
      '<p>Mehr auf der Seite <a href="/de/quellen/">Quellen</a>.</p><table><tr><th>Quelle</th></tr></table>',
    );
    expect(sourceMentions(good, "de")).toBe(1);
    expect(
      sourceMentions(snippet("en", "<p>The publication says. According to the text, …</p>"), "en"),
    ).toBe(3);
  });

  it("talk about their sources no more often than their entry allows, counted on the built page", () => {
    for (const page of builtPages) {
      const limit = sourceBacked[page.source.translationKey]?.mentions;
      if (limit === undefined || limit === "unlimited") continue;
      expect(sourceMentions(page.doc, page.language), page.url).toBeLessThanOrEqual(limit);
    }
  });

  it("name their sources near the top of the built page, with the caveat on an unconfirmed publisher", () => {
    const checked = builtPages.filter(
      (page) => sourceBacked[page.source.translationKey] !== undefined,
    );
    expect(checked.length).toBe(Object.keys(sourceBacked).length * languages.length);
    for (const page of checked) {
      const entry = sourceBacked[page.source.translationKey];
      if (entry === undefined) continue;
      const opening = entry.namesThemFirst
        ? firstSection(page.doc)
        : text(page.doc.first(tag("main")))
            .replace(/·/g, "")
            .replace(/\s+/g, " ");
      for (const id of entry.sources) {
        const name = publisherNames[id]?.[page.language];
        expect(name?.test(opening), `${page.url} names ${id}`).toBe(true);
        if (data.sources[id]?.publisher.confirmed === false) {
          expect(opening, `${page.url}: ${id} is only attributed`).toMatch(
            attributionHedge[page.language] ?? /attributed/,
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

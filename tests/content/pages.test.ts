import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSiteData } from "../../src/lib/data/load.ts";
import type { Fact, SiteData } from "../../src/lib/data/schemas.ts";
import { formatFact } from "../../src/lib/format.ts";
import {
  createTranslator,
  loadLocales,
  type LocaleResources,
  type LocaleTree,
  type Translator,
} from "../../src/lib/i18n.ts";
import { isLanguage, languages, type Language } from "../../src/lib/languages.ts";
import { buildRealSite } from "../support/built-site.ts";
import { parseHtml, tag, text, within, type ParsedPage } from "../support/html.ts";
import { projectRoot } from "../support/project.ts";
import { readMarkdownPages, type MarkdownPage } from "./markdown-pages.ts";
import {
  americanDates,
  avoidedTerms,
  closedThemeList,
  clusterManagementSharedOut,
  jointResponsibility,
  hedgeDiffersFromSource,
  missingSourceDetails,
  pageWords,
  proseByLanguage,
  quotationMarkProblems,
  shareWithoutCareQualifier,
  snippet,
  termProblems,
  titleRepeatsSiteName,
  unmarkedForeignTerm,
  workInTheCluster,
  type SourceDetailNames,
} from "./rules.ts";

interface Page {
  url: string;
  language: Language;
  doc: ParsedPage;
  words: string;
}

let data: SiteData;
let locales: LocaleResources;
let translator: Translator;
let pages: Page[];
/** Every built page, the root page and the error pages included. */
let builtPages: { url: string; doc: ParsedPage }[];
let markdownPages: MarkdownPage[];

function stringsOf(tree: LocaleTree, prefix = ""): [key: string, value: string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string"
      ? [[`${prefix}${key}`, value] as [string, string]]
      : stringsOf(value as LocaleTree, `${prefix}${key}.`),
  );
}

/** Every text of the site in one language: each built page's own words and each UI string. */
function textsIn(language: Language): { where: string; words: string }[] {
  return [
    ...pages
      .filter((page) => page.language === language)
      .map((page) => ({ where: page.url, words: page.words })),
    ...stringsOf(locales[language] ?? {}).map(([key, words]) => ({ where: key, words })),
  ];
}

function formatted(fact: Fact, language: Language): string {
  return formatFact(fact, language, (key, values) => translator.t(language, key, values));
}

function page(translationKey: string, language: Language): Page {
  const urls: Record<string, Record<Language, string>> = {
    sources: { de: "/de/quellen/", en: "/en/sources/" },
    nrw: { de: "/de/nordrhein-westfalen/", en: "/en/north-rhine-westphalia/" },
  };
  const found = pages.find((candidate) => candidate.url === urls[translationKey]?.[language]);
  if (found === undefined) throw new Error(`no ${language} page for ${translationKey}`);
  return found;
}

beforeAll(async () => {
  data = await loadSiteData(path.join(projectRoot, "data"), projectRoot);
  locales = await loadLocales(path.join(projectRoot, "locales"), projectRoot);
  translator = createTranslator(locales);
  markdownPages = await readMarkdownPages();
  const site = await buildRealSite();
  builtPages = site.pages.map((built) => ({ url: built.url, doc: parseHtml(built.html) }));
  pages = site.pages.flatMap((built) => {
    const language = /^\/(de|en)\//.exec(built.url)?.[1];
    if (language === undefined) return [];
    const doc = parseHtml(built.html);
    return [{ url: built.url, language, doc, words: pageWords(doc, language) }];
  });
});

describe("the 1-in-6 share of North Rhine-Westphalia", () => {
  const share = { de: "etwa 1 von 6", en: "about 1 in 6" };

  it("is flagged where a block shows it without 'directly or indirectly in health care'", () => {
    const bad = snippet("de", "<p>Die Branche stellt etwa 1 von 6 Beschäftigten im Land.</p>");
    const good = snippet(
      "de",
      "<p>Mittel- oder unmittelbar in der Gesundheitsversorgung tätig: etwa 1 von 6.</p>",
    );
    const badRow = snippet(
      "en",
      "<table><tr><th>Share of all employees</th><td>about 1 in 6</td></tr></table>",
    );
    expect(shareWithoutCareQualifier(bad, share.de, "de")).toHaveLength(1);
    expect(shareWithoutCareQualifier(good, share.de, "de")).toEqual([]);
    expect(shareWithoutCareQualifier(badRow, share.en, "en")).toHaveLength(1);
  });

  it("keeps that qualifier wherever a page shows it, in both languages", () => {
    const fact = data.facts["nrw.workforceShare"];
    if (fact === undefined) throw new Error("data/facts.ts has no nrw.workforceShare");
    for (const language of languages) {
      const shown = formatted(fact, language);
      expect(shown).toBe(share[language as keyof typeof share]);
      const showing = pages.filter((candidate) => candidate.words.includes(shown));
      // The NRW page, the key-figures table and the sources list.
      expect(showing.length, language).toBeGreaterThanOrEqual(3);
      for (const candidate of showing) {
        expect(shareWithoutCareQualifier(candidate.doc, shown, language), candidate.url).toEqual(
          [],
        );
      }
    }
  });
});

describe("the health economy regions' themes", () => {
  it("are flagged where a page says each region has exactly one theme", () => {
    expect(closedThemeList("Jede Region hat ein Schwerpunktthema.", "de")).not.toEqual([]);
    expect(closedThemeList("Each region leads on one theme:", "en")).not.toEqual([]);
    expect(closedThemeList("Die Quelle nennt unter anderem diese Themen.", "de")).toEqual([]);
  });

  it("are never given as one theme per region, and the NRW pages say the list is open", () => {
    for (const language of languages) {
      for (const { where, words } of textsIn(language)) {
        expect(closedThemeList(words, language), where).toEqual([]);
      }
    }
    expect(page("nrw", "de").words).toContain("nicht abschließend");
    expect(page("nrw", "en").words).toContain("not exhaustive");
  });
});

describe("the Berlin-Brandenburg cluster", () => {
  it("is flagged where a text says people work in it, or that its management is shared out or the responsibility joint", () => {
    expect(workInTheCluster("Im Cluster arbeiten fast 370.000 Menschen.", "de")).toHaveLength(1);
    expect(
      workInTheCluster("370,000 people work in the health economy cluster", "en"),
    ).toHaveLength(1);
    expect(workInTheCluster("Das Cluster vertritt fast 370.000 Beschäftigte.", "de")).toEqual([]);
    expect(
      clusterManagementSharedOut("Das Clustermanagement teilen sich die Gesellschaften.", "de"),
    ).toHaveLength(1);
    expect(
      clusterManagementSharedOut("The agencies run the cluster management jointly.", "en"),
    ).toEqual([]);
    expect(
      jointResponsibility("Dafür sind die Gesellschaften gemeinsam zuständig.", "de"),
    ).toHaveLength(1);
    expect(
      jointResponsibility("Für das gemeinsame Clustermanagement sind sie zuständig.", "de"),
    ).toEqual([]);
    expect(jointResponsibility("The agencies are jointly responsible for it.", "en")).toHaveLength(
      1,
    );
  });

  it("represents its employees on every page and string, and its management is joint", () => {
    for (const language of languages) {
      for (const { where, words } of textsIn(language)) {
        expect(workInTheCluster(words, language), where).toEqual([]);
        expect(clusterManagementSharedOut(words, language), where).toEqual([]);
        expect(jointResponsibility(words, language), where).toEqual([]);
      }
    }
  });
});

describe("the sources' hedges", () => {
  it("are flagged where the German text uses another word than the source", () => {
    const fact = data.facts["berlinBrandenburg.companies"];
    if (fact === undefined) throw new Error("data/facts.ts has no berlinBrandenburg.companies");
    expect(hedgeDiffersFromSource(fact, "mehr als 21.400")).toHaveLength(1);
    expect(hedgeDiffersFromSource(fact, "über 21.400")).toEqual([]);
  });

  it("are the source's own words on the German pages, as the sources page says", () => {
    for (const [id, fact] of Object.entries(data.facts)) {
      expect(hedgeDiffersFromSource(fact, formatted(fact, "de")), id).toEqual([]);
    }
    for (const hedge of ["fast", "über", "mehr als", "rund", "etwa", "ca."]) {
      expect(page("sources", "de").words).toContain(`„${hedge}“`);
    }
  });
});

describe("the sources page", () => {
  const names = (language: Language): SourceDetailNames => ({
    url: translator.t(language, "sources.url"),
    retrievedOn: translator.t(language, "sources.retrievedOn"),
    unconfirmed: translator.t(language, "sources.publisherUnconfirmed"),
    placeholder: (value) => translator.t(language, "publisher.placeholder", { value }),
  });

  it("is flagged where a source lacks its address, retrieval date or publisher mark", () => {
    const bad = snippet(
      "de",
      '<section aria-labelledby="source-brandenburg"><dl><dt>Herausgegeben von</dt><dd>Land Brandenburg</dd></dl></section>',
    );
    const brandenburg = data.sources.brandenburg;
    if (brandenburg === undefined) throw new Error("data/sources.ts has no brandenburg");
    expect(missingSourceDetails(bad, { brandenburg }, "de", names("de"))).toEqual([
      'brandenburg: no "Webadresse"',
      'brandenburg: no "Abgerufen am"',
      "brandenburg: the publisher is not marked as to be confirmed",
    ]);
  });

  it("shows each source's web address and retrieval date, placeholders as such, in both languages", () => {
    expect(Object.values(data.sources).some((source) => !source.publisher.confirmed)).toBe(true);
    for (const language of languages) {
      expect(
        missingSourceDetails(
          page("sources", language).doc,
          data.sources,
          language,
          names(language),
        ),
        language,
      ).toEqual([]);
    }
  });

  it("names each publisher in the key-figures table as the sources page does, marking one still to be confirmed, in both languages", () => {
    const unconfirmed = Object.values(data.sources).filter((source) => !source.publisher.confirmed);
    expect(unconfirmed.length).toBeGreaterThan(0);
    for (const [language, url] of [
      ["de", "/de/kennzahlen/"],
      ["en", "/en/key-figures/"],
    ] as const) {
      const table = pages.find((candidate) => candidate.url === url)?.doc.first(tag("table"));
      const rows = within(table ?? null, tag("tr"));
      const sourceRow = text(rows.at(-1) ?? null);
      const mark = translator.t(language, "keyFigures.table.publisherUnconfirmed");
      for (const source of Object.values(data.sources)) {
        // The name as the source writes it; on a page in another language, what it means.
        const notes = [
          ...(language === source.language ? [] : [source.publisher.meaning[language]]),
          ...(source.publisher.confirmed ? [] : [mark]),
        ];
        const cell =
          notes.length === 0
            ? source.publisher.name
            : `${source.publisher.name} (${notes.join("; ")})`;
        expect(sourceRow, language).toContain(cell);
      }
    }
    const english = pages.find((candidate) => candidate.url === "/en/key-figures/");
    expect(text(english?.doc.first(tag("table")) ?? null)).toContain(
      "Land Brandenburg (State of Brandenburg; publisher to be confirmed)",
    );
  });

  it("lists every spelling the site corrects, in both languages", () => {
    for (const language of languages) {
      const table = page("sources", language).doc.first(tag("table"));
      for (const source of Object.values(data.sources)) {
        for (const correction of source.corrections) {
          for (const spelling of [correction.onSite, ...correction.inSource]) {
            expect(text(table), `${spelling} in ${language}`).toContain(spelling);
          }
        }
      }
    }
    expect(page("sources", "de").words).toContain("Vernetze Versorgung");
  });
});

describe("the glossary", () => {
  it("flags words it lists to avoid, but not the same letters inside another word", () => {
    expect(avoidedTerms("Die Zahlen kommen von 2 Ämtern.", data.glossary, "de")).toEqual([
      { found: "Ämtern", use: "Land Brandenburg" },
    ]);
    expect(avoidedTerms("Den Cluster unterstützt das Management.", data.glossary, "de")).toEqual([
      { found: "den Cluster", use: "das Cluster" },
    ]);
    expect(avoidedTerms("the numbers come from 2 offices", data.glossary, "en")).toEqual([
      { found: "offices", use: "State of Brandenburg" },
    ]);
    expect(avoidedTerms("das ehrenamtliche Sprecheramt", data.glossary, "de")).toEqual([]);
  });

  it("is followed by every page and string: no word it lists to avoid, a Land never an Amt or office", () => {
    const found = languages.flatMap((language) =>
      textsIn(language).flatMap(({ where, words }) =>
        avoidedTerms(words, data.glossary, language).map((term) => ({ where, ...term })),
      ),
    );
    expect(found).toEqual([]);
  });

  it("flags a page that lacks its term or uses a word listed as wrong, easy-read terms included", () => {
    const glossary = data.glossary;
    const easy = { language: "de" as const, easyLanguage: true, translationKey: "easy-read" };
    expect(termProblems("Die Website nennt Unternehmen in jedem Gebiet.", easy, glossary)).toEqual(
      expect.arrayContaining([
        'companies: uses "Unternehmen", which the glossary lists as wrong here',
      ]),
    );
    expect(
      termProblems("Die Website nennt Firmen in 2 Gebieten, Bundes·länder nicht.", easy, glossary),
    ).toEqual(
      expect.arrayContaining([
        'region: uses "Bundesländer", which the glossary lists as wrong here',
      ]),
    );
    expect(
      termProblems("Berlin und Brandenburg.", { ...easy, translationKey: "easy-read" }, glossary),
    ).toContain('website: lacks "Website"');
  });

  it("is followed page by page: each page uses the terms listed for it and none listed as wrong, in both languages", () => {
    const byUrl = new Map(markdownPages.map((each) => [each.url, each]));
    for (const candidate of pages) {
      const source = byUrl.get(candidate.url);
      if (source === undefined) continue;
      const withForeign = text(candidate.doc.first(tag("main")));
      expect(
        termProblems(candidate.words, source, data.glossary, withForeign),
        candidate.url,
      ).toEqual([]);
    }
    for (const [id, entry] of Object.entries(data.glossary)) {
      for (const key of entry.pages) {
        expect(
          markdownPages.some((each) => each.translationKey === key),
          `${id}: the page "${key}" exists`,
        ).toBe(true);
      }
    }
  });

  it("flags a German name left unmarked on an English page", () => {
    const bad = snippet("en", "<p>the Landeszentrum Gesundheit in Bochum</p>");
    const good = snippet("en", '<p>the <span lang="de">Landeszentrum Gesundheit</span></p>');
    expect(unmarkedForeignTerm(bad, "Landeszentrum Gesundheit", "de")).toHaveLength(1);
    expect(unmarkedForeignTerm(good, "Landeszentrum Gesundheit", "de")).toEqual([]);
  });

  it("has its German names marked as German wherever an English page uses them", () => {
    const foreign = Object.values(data.glossary).flatMap(({ terms: { en } }) =>
      en?.lang === undefined ? [] : [{ term: en.term, lang: en.lang }],
    );
    expect(foreign.length).toBeGreaterThan(0);
    for (const candidate of pages.filter((each) => each.language === "en")) {
      for (const { term, lang } of foreign) {
        expect(unmarkedForeignTerm(candidate.doc, term, lang), candidate.url).toEqual([]);
      }
    }
  });
});

describe("page titles and dates", () => {
  it("flag a title that says the site's name twice, and an American date", () => {
    expect(
      titleRepeatsSiteName("Gesundheitswirtschaft in Berlin-Brandenburg – Gesundheitswirtschaft"),
    ).toBe(true);
    expect(titleRepeatsSiteName("Berlin-Brandenburg – Gesundheitswirtschaft")).toBe(false);
    expect(americanDates("last tested on November 22, 2026.")).toEqual(["November 22, 2026"]);
    expect(americanDates("last tested on 22 November 2026.")).toEqual([]);
  });

  it("never repeat the site's name in a title, and English pages write dates the British way", () => {
    for (const candidate of pages) {
      expect(titleRepeatsSiteName(text(candidate.doc.first(tag("title")))), candidate.url).toBe(
        false,
      );
      if (candidate.language === "en") {
        expect(americanDates(candidate.words), candidate.url).toEqual([]);
      }
    }
  });
});

/**
 * Every text in data/ that gives the same words in each language (an object keyed by every
 * language of the list), one entry per language, with where it is.
 */
function localizedTexts(
  value: unknown,
  where: string,
): { where: string; language: Language; text: string }[] {
  if (typeof value !== "object" || value === null) return [];
  const texts = value as Record<string, unknown>;
  if (languages.every((language) => typeof texts[language] === "string")) {
    return languages.map((language) => ({ where, language, text: String(texts[language]) }));
  }
  return Object.entries(value).flatMap(([key, child]) => localizedTexts(child, `${where}.${key}`));
}

describe("quotation marks and apostrophes", () => {
  it("are flagged where English has a straight apostrophe or quote, German other quotes than „…“, or a quotation is left open", () => {
    expect(quotationMarkProblems("the state's law", "en")).toEqual([`' in "the state's law"`]);
    expect(quotationMarkProblems('the "Sources" page', "en")).toHaveLength(2);
    expect(quotationMarkProblems("the state’s law, on the “Sources” page", "en")).toEqual([]);
    expect(quotationMarkProblems('die Seite "Quellen"', "de")).toHaveLength(2);
    expect(quotationMarkProblems("die Seite “Quellen”", "de")).toHaveLength(2);
    expect(quotationMarkProblems("die Seite „Quellen", "de")).toEqual([
      `„ not closed in "die Seite „Quellen"`,
    ]);
    expect(quotationMarkProblems("die Seite „Quellen“ und „Daten“", "de")).toEqual([]);
  });

  it("are read from a page's prose in each of its languages, not from code, web addresses or the parts in another language", () => {
    const page = snippet(
      "en",
      `<p>It’s <code>a = 'b'</code>, see https://example.org/it's and the page <span lang="de">„Quellen“</span>.</p>`,
      "Sources – Health economy",
    );
    const runs = proseByLanguage(page);
    expect(runs.map((run) => run.lang)).toEqual(["en", "de"]);
    expect(runs.map((run) => quotationMarkProblems(run.text, run.lang))).toEqual([[], []]);
    const bad = snippet("en", `<p>It's the page <span lang="de">"Quellen"</span>.</p>`);
    expect(proseByLanguage(bad).map((run) => quotationMarkProblems(run.text, run.lang))).toEqual([
      [`' in "Seite – Website It's the page ."`],
      [`" in ""Quellen""`, `" in ""Quellen""`],
    ]);
  });

  it("are typographic in the prose of every built page, in each language a page speaks, title and description included", () => {
    expect(builtPages.length).toBeGreaterThan(20);
    for (const built of builtPages) {
      const runs = proseByLanguage(built.doc);
      expect(runs.length, built.url).toBeGreaterThan(0);
      for (const run of runs) {
        if (!isLanguage(run.lang)) continue;
        expect(quotationMarkProblems(run.text, run.lang), `${built.url} (${run.lang})`).toEqual([]);
      }
    }
  });

  it("are typographic in every UI string and in every text in data/, in its language", () => {
    for (const language of languages) {
      for (const [key, words] of stringsOf(locales[language] ?? {})) {
        expect(quotationMarkProblems(words, language), `locales/${language}: ${key}`).toEqual([]);
      }
    }
    const texts = localizedTexts(data, "data");
    expect(texts.length).toBeGreaterThan(20);
    for (const { where, language, text } of texts) {
      expect(quotationMarkProblems(text, language), `${where}.${language}`).toEqual([]);
    }
  });
});

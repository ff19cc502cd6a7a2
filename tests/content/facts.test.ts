import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSiteData } from "../../src/lib/data/load.ts";
import type { Fact, SiteData } from "../../src/lib/data/schemas.ts";
import {
  formatFact,
  formatNumber,
  formatPercent,
  keepTogether,
  type FactRegister,
} from "../../src/lib/format.ts";
import { createTranslator, loadLocales, type Translator } from "../../src/lib/i18n.ts";
import { languages, type Language } from "../../src/lib/languages.ts";
import { buildRealSite, type BuiltSite } from "../support/built-site.ts";
import { parseHtml, tag, text, within } from "../support/html.ts";
import { projectRoot } from "../support/project.ts";
import { readMarkdownPages, type MarkdownPage } from "./markdown-pages.ts";

let data: SiteData;
let translator: Translator;
let site: BuiltSite;
let sourcePages: MarkdownPage[];

function decodeEntities(html: string): string {
  return html
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

function formatted(fact: Fact, language: Language, register: FactRegister = "standard"): string {
  return formatFact(fact, language, (key, values) => translator.t(language, key, values), register);
}

/** A fact as pages show it: its words bound by no-break spaces. */
function shown(fact: Fact, language: Language, register: FactRegister = "standard"): string {
  return keepTogether(formatted(fact, language, register));
}

beforeAll(async () => {
  data = await loadSiteData(path.join(projectRoot, "data"), projectRoot);
  translator = createTranslator(await loadLocales(path.join(projectRoot, "locales"), projectRoot));
  site = await buildRealSite();
  sourcePages = await readMarkdownPages();
});

function builtHtml(url: string): string {
  const page = site.pages.find((candidate) => candidate.url === url);
  if (page === undefined) throw new Error(`${url} was not built`);
  return decodeEntities(page.html);
}

describe("the site's facts", () => {
  it("are each written on at least one page", () => {
    for (const id of Object.keys(data.facts)) {
      expect(
        sourcePages.some((page) => page.factsUsed.has(id)),
        id,
      ).toBe(true);
    }
  });

  it("appear on the same pages in German and English", () => {
    for (const language of languages) {
      for (const page of sourcePages.filter((candidate) => candidate.language === language)) {
        const twin = sourcePages.find(
          (candidate) =>
            candidate.language !== language && candidate.translationKey === page.translationKey,
        );
        expect([...(twin?.factsUsed ?? [])].sort(), `${page.file} and its twin`).toEqual(
          [...page.factsUsed].sort(),
        );
      }
    }
  });

  it("appear formatted for the page's language wherever a page uses them, in easy words on the easy-language pages", () => {
    for (const page of sourcePages) {
      const html = builtHtml(page.url);
      const register = page.easyLanguage ? "easy" : "standard";
      for (const id of page.factsUsed) {
        const fact = data.facts[id];
        if (fact === undefined) throw new Error(`${page.file} uses the unknown fact ${id}`);
        expect(html, `${id} on ${page.url}`).toContain(shown(fact, page.language, register));
      }
      if (page.easyLanguage) {
        // No abbreviation and no decimal number: "ungefähr 58 Milliarden Euro", "mehr als 1 Million".
        expect(html, page.url).not.toMatch(/\b(?:ca\.|Mrd\.)|€|\d[,.]\d(?!\d\d)/);
      }
    }
  });

  it("are compared cell by cell in the key-figures table, in both languages", () => {
    const { regions, measures } = data.site.keyFigures;
    for (const language of languages) {
      const page = sourcePages.find(
        (candidate) =>
          candidate.translationKey === "key-figures" && candidate.language === language,
      );
      const table = parseHtml(builtHtml(page?.url ?? "")).first(tag("table"));
      const rows = within(table, tag("tr"));
      for (const measure of measures) {
        const row = rows.find(
          (candidate) =>
            text(within(candidate, tag("th"))[0] ?? null) ===
            translator.t(language, `keyFigures.measure.${measure}`),
        );
        expect(row, `${measure} row in ${language}`).toBeDefined();
        const cells = within(row ?? null, tag("td")).map((cell) => text(cell));
        const expected = regions.map((region) => {
          const fact = data.facts[`${region}.${measure}`];
          return fact === undefined
            ? translator.t(language, "keyFigures.table.notGiven")
            : shown(fact, language);
        });
        expect(cells, `${measure} in ${language}`).toEqual(expected);
      }
    }
  });

  it("are all listed on the sources page, in both languages", () => {
    for (const language of languages) {
      const page = sourcePages.find(
        (candidate) => candidate.translationKey === "sources" && candidate.language === language,
      );
      const items = parseHtml(builtHtml(page?.url ?? ""))
        .all(tag("li"))
        .map((item) => text(item));
      for (const fact of Object.values(data.facts)) {
        expect(items, `${fact.label[language]} in ${language}`).toContain(
          `${fact.label[language]}: ${shown(fact, language)}`,
        );
      }
    }
  });

  it("are never typed into a page by hand", () => {
    const literals = Object.values(data.facts).flatMap((fact) => handTypedForms(fact));
    for (const page of sourcePages) {
      const prose = page.body.replace(/\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g, " ");
      for (const literal of literals) {
        const pattern = new RegExp(
          `(?<![\\d.,])${literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\d])`,
        );
        expect(
          pattern.test(prose),
          `${page.file} contains "${literal}"; use {% fact %} instead`,
        ).toBe(false);
      }
    }
  });
});

/** Ways an editor might type a fact's figure by hand, in either language. */
function handTypedForms(fact: Fact): string[] {
  const forms = languages.flatMap((language) => {
    switch (fact.kind) {
      case "fraction":
        return [
          `${fact.numerator} von ${fact.denominator}`,
          `${fact.numerator} in ${fact.denominator}`,
          `jeder ${fact.denominator}.`,
        ];
      case "percent":
        return [
          formatPercent(fact.value, language),
          formatPercent(fact.value, language).replace("\u00a0", " "),
          `${fact.value * 100} Prozent`,
          `${fact.value * 100} percent`,
        ];
      default:
        return [
          formatNumber(fact.value, language),
          String(fact.value),
          formatted(fact, language).replace(/^\D+/, ""),
        ];
    }
  });
  // Single digits are too common in prose ("2 Gegenden") to tell apart from a typed figure.
  return [...new Set(forms)].filter((form) => form.replace(/\D/g, "").length > 1);
}

describe("both languages", () => {
  it("have the same set of pages", () => {
    const keys = (language: Language) =>
      sourcePages
        .filter((page) => page.language === language)
        .map((page) => page.translationKey)
        .sort();
    expect(keys("en")).toEqual(keys("de"));
  });
});

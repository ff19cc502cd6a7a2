import { parse } from "csv-parse/sync";
import { Parser, type Quad } from "n3";
import { beforeAll, describe, expect, it } from "vitest";
import { sourceAttribution, sourcesAttribution } from "../../../src/lib/open-data/citation.ts";
import { datasetJsonLd } from "../../../src/lib/open-data/json-ld.ts";
import { buildTexts, realProject, testBaseUrl, type RealProject } from "./support.ts";

let project: RealProject;

beforeAll(async () => {
  project = await realProject();
});

const t = (language: "de" | "en") => (key: string, values?: Record<string, unknown>) =>
  project.translator.t(language, key, values);

/**
 * Attributions that put a name without its article into a sentence ("Nach Angaben von Land
 * Brandenburg", "from State of Brandenburg"): German needs "des Landes", English "the State".
 */
const articleless: Record<"de" | "en", RegExp> = {
  de: /\b(?:von|vom|aus) (?:Land|Landeszentrum)\b/,
  en: /\b(?:from|by|of) (?:State|North Rhine-Westphalia Centre)\b/,
};

/** An unconfirmed publisher named without its caveat. */
function caveatMissing(text: string, language: "de" | "en"): boolean {
  const name = { de: "Land Brandenburg", en: "State of Brandenburg" }[language];
  const caveat = { de: /noch zu bestätigen/, en: /to be confirmed/ }[language];
  return text.includes(name) && !caveat.test(text);
}

describe("the sources' attribution in the open data", () => {
  it("is flagged where a name stands without its article or an unconfirmed publisher without its caveat", () => {
    expect(articleless.de.test("Nach Angaben von Land Brandenburg.")).toBe(true);
    expect(articleless.en.test("Based on figures from State of Brandenburg.")).toBe(true);
    expect(articleless.de.test("Quellen: Land Brandenburg (zugeordnet)")).toBe(false);
    expect(caveatMissing("Quellen: Land Brandenburg und Landeszentrum", "de")).toBe(true);
    expect(caveatMissing("Land Brandenburg (Herausgeber noch zu bestätigen)", "de")).toBe(false);
  });

  it("names each publisher as a name, marking the unconfirmed one, in both languages", () => {
    const { brandenburg, lzg } = project.data.sources;
    if (brandenburg === undefined || lzg === undefined) throw new Error("a source is missing");
    expect(sourceAttribution(brandenburg, "de", t("de"))).toBe(
      "Land Brandenburg (zugeordnet; Herausgeber noch zu bestätigen)",
    );
    expect(sourceAttribution(brandenburg, "en", t("en"))).toBe(
      "Land Brandenburg (State of Brandenburg; attributed, publisher to be confirmed)",
    );
    expect(sourceAttribution(lzg, "de", t("de"))).toBe(
      "Landeszentrum Gesundheit Nordrhein-Westfalen",
    );
    expect(sourceAttribution(lzg, "en", t("en"))).toBe(
      "Landeszentrum Gesundheit Nordrhein-Westfalen (North Rhine-Westphalia Centre for Health)",
    );
    expect(sourcesAttribution(project.data.sources, "en", t("en"))).toBe(
      "Sources: Land Brandenburg (State of Brandenburg; attributed, publisher to be confirmed) and Landeszentrum Gesundheit Nordrhein-Westfalen (North Rhine-Westphalia Centre for Health)",
    );
  });

  it("carries the caveat into the CSV files, facts.json, dcat.ttl and the JSON-LD, grammatically", () => {
    const { files, text } = buildTexts(project.data, project.translator);
    const german = parse<Record<string, string>>(text("csv-de"), {
      delimiter: ";",
      bom: true,
      columns: true,
    });
    const english = parse<Record<string, string>>(text("csv-en"), { columns: true });
    const brandenburgRow = (rows: Record<string, string>[]) =>
      rows.find((row) => Object.values(row)[0] === "berlinBrandenburg.employees");
    expect(brandenburgRow(german)?.["Hinweis zum Herausgeber"]).toBe(
      "noch zu bestätigen, denn der Text selbst nennt seinen Herausgeber nicht",
    );
    expect(brandenburgRow(english)?.["note on the source publisher"]).toBe(
      "to be confirmed, as the text itself does not name its publisher",
    );
    expect(german.find((row) => row.Kennung === "nrw.employees")?.["Hinweis zum Herausgeber"]).toBe(
      "",
    );

    const facts = JSON.parse(text("factsJson")) as {
      facts: { id: string; source: { publisherNote: unknown } }[];
    };
    const note = (id: string) => facts.facts.find((fact) => fact.id === id)?.source.publisherNote;
    expect(note("berlinBrandenburg.companies")).toEqual({
      de: "noch zu bestätigen, denn der Text selbst nennt seinen Herausgeber nicht",
      en: "to be confirmed, as the text itself does not name its publisher",
    });
    expect(note("nrw.revenue")).toBeNull();

    const quads: Quad[] = new Parser().parse(text("dcat"));
    const descriptions = quads
      .filter(
        (quad) =>
          quad.subject.value.endsWith("#dataset") &&
          quad.predicate.value === "http://purl.org/dc/terms/description",
      )
      .map((quad) => quad.object as { value: string; language: string });
    expect(descriptions.map((literal) => literal.language).sort()).toEqual(["de", "en"]);
    for (const { value, language } of descriptions) {
      const lang = language as "de" | "en";
      expect(caveatMissing(value, lang), value).toBe(false);
      expect(articleless[lang].test(value), value).toBe(false);
    }

    type Tagged = { "@value": string; "@language": "de" | "en" }[];
    const jsonLd = JSON.parse(
      datasetJsonLd(
        files.filter((file) => file.distribution),
        {
          baseUrl: testBaseUrl,
          translator: project.translator,
          publisher: project.data.publisher,
          sources: project.data.sources,
          landingPages: { de: "/de/", en: "/en/" },
        },
      ),
    ) as { description: Tagged; creditText: Tagged };
    for (const language of ["de", "en"] as const) {
      const inLanguage = (texts: Tagged) =>
        texts.find((text) => text["@language"] === language)?.["@value"] ?? "";
      expect(inLanguage(jsonLd.creditText)).toBe(
        sourcesAttribution(project.data.sources, language, t(language)),
      );
      for (const value of [inLanguage(jsonLd.description), inLanguage(jsonLd.creditText)]) {
        expect(caveatMissing(value, language), value).toBe(false);
        expect(articleless[language].test(value), value).toBe(false);
      }
    }
  });
});

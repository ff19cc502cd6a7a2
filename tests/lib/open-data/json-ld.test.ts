import { beforeAll, describe, expect, it } from "vitest";
import { openDataCitation } from "../../../src/lib/open-data/citation.ts";
import { datasetJsonLd } from "../../../src/lib/open-data/json-ld.ts";
import type { Translator } from "../../../src/lib/i18n.ts";
import { withExamplePublisher } from "../../open-data/example-publisher.ts";
import {
  buildTexts,
  realProject,
  testBaseUrl,
  testLandingPages,
  type RealProject,
} from "./support.ts";

let project: RealProject;

beforeAll(async () => {
  project = await realProject();
});

function jsonLd(example: boolean, translator: Translator = project.translator) {
  const data = example ? withExamplePublisher(project.data) : project.data;
  const { files } = buildTexts(data, translator);
  return datasetJsonLd(
    files.filter((file) => file.distribution),
    {
      baseUrl: testBaseUrl,
      translator,
      publisher: data.publisher,
      sources: data.sources,
      landingPages: testLandingPages,
    },
  );
}

describe("datasetJsonLd", () => {
  it("names creator, publisher, licence and the dates of the example publisher, and leaves placeholders out", () => {
    const placeholders = JSON.parse(jsonLd(false)) as Record<string, unknown>;
    const filled = JSON.parse(jsonLd(true)) as Record<string, unknown>;
    for (const property of ["license", "creator", "publisher", "dateModified", "datePublished"]) {
      expect(placeholders).not.toHaveProperty(property);
    }
    const organisation = {
      "@type": "Organization",
      name: "Beispielamt für Gesundheitswirtschaft (Beispiel)",
    };
    expect(filled).toMatchObject({
      "@id": `${testBaseUrl}/data/dcat.ttl#dataset`,
      license: "http://dcat-ap.de/def/licenses/dl-by-de/2.0",
      creator: organisation,
      publisher: organisation,
      dateModified: "2026-11-23",
      datePublished: "2026-11-23",
    });
  });

  it("gives its name and description in each language, tagged, under one @id for both data pages", () => {
    const dataset = JSON.parse(jsonLd(true)) as {
      name: { "@value": string; "@language": string }[];
      description: { "@language": string }[];
      url: string[];
    };
    expect(dataset.name).toEqual(
      (["de", "en"] as const).map((language) => ({
        "@value": project.translator.t(language, "openData.dataset.title"),
        "@language": language,
      })),
    );
    expect(dataset.description.map((text) => text["@language"])).toEqual(["de", "en"]);
    expect(dataset.url).toEqual([`${testBaseUrl}/de/daten/`, `${testBaseUrl}/en/data/`]);
  });

  it("cannot end its script element early, whatever a text contains", () => {
    const hostile: Translator = {
      ...project.translator,
      t: (language, key, values) =>
        key === "openData.dataset.title"
          ? "</script><script>alert(1)</script>"
          : project.translator.t(language, key, values),
    };
    const text = jsonLd(false, hostile);
    expect(text).not.toContain("<");
    const { name } = JSON.parse(text) as { name: { "@value": string }[] };
    expect(name[0]?.["@value"]).toBe("</script><script>alert(1)</script>");
  });
});

describe("openDataCitation", () => {
  it("names the publisher, the dataset, the page and the sources' publishers in the page's language", () => {
    const citation = (language: "de" | "en", filledIn: boolean) =>
      openDataCitation({
        language,
        t: (key, values) => project.translator.t(language, key, values),
        publisher: (filledIn ? withExamplePublisher(project.data) : project.data).publisher,
        sources: project.data.sources,
        url: `${testBaseUrl}/de/daten/`,
      });
    expect(citation("de", true)).toBe(
      `Beispielamt für Gesundheitswirtschaft (Beispiel): ${project.translator.t("de", "openData.dataset.title")}. ${testBaseUrl}/de/daten/. Quellen: Land Brandenburg (zugeordnet; Herausgeber noch zu bestätigen) und Landeszentrum Gesundheit Nordrhein-Westfalen.`,
    );
    expect(citation("en", false)).toMatch(
      /^\[Placeholder: .+\]: .+\. Sources: Land Brandenburg \(State of Brandenburg; attributed, publisher to be confirmed\) and Landeszentrum Gesundheit Nordrhein-Westfalen \(North Rhine-Westphalia Centre for Health\)\.$/,
    );
  });
});

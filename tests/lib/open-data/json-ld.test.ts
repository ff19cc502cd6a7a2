import { beforeAll, describe, expect, it } from "vitest";
import { openDataCitation } from "../../../src/lib/open-data/citation.ts";
import { datasetJsonLd } from "../../../src/lib/open-data/json-ld.ts";
import {
  buildTexts,
  realProject,
  testBaseUrl,
  withPublisherFilledIn,
  type RealProject,
} from "./support.ts";

let project: RealProject;

beforeAll(async () => {
  project = await realProject();
});

function jsonLd(filledIn: boolean, t = (key: string) => project.translator.t("en", key)) {
  const data = filledIn ? withPublisherFilledIn(project.data) : project.data;
  const { files } = buildTexts(data, project.translator);
  return datasetJsonLd(
    files.filter((file) => file.distribution),
    {
      baseUrl: testBaseUrl,
      language: "en",
      t,
      publisher: data.publisher,
      sources: data.sources,
      landingPage: "/en/data/",
    },
  );
}

describe("datasetJsonLd", () => {
  it("names the publisher and licence once filled in, and leaves placeholders out", () => {
    const placeholders = JSON.parse(jsonLd(false)) as Record<string, unknown>;
    const filled = JSON.parse(jsonLd(true)) as Record<string, unknown>;
    expect(placeholders).not.toHaveProperty("license");
    expect(placeholders).not.toHaveProperty("publisher");
    expect(filled.license).toBe("http://dcat-ap.de/def/licenses/dl-by-de/2.0");
    expect(filled.publisher).toEqual({ "@type": "Organization", name: "Beispielbehörde" });
  });

  it("cannot end its script element early, whatever a text contains", () => {
    const text = jsonLd(false, (key) =>
      key === "openData.dataset.title" ? "</script><script>alert(1)</script>" : key,
    );
    expect(text).not.toContain("<");
    expect((JSON.parse(text) as { name: string }).name).toBe("</script><script>alert(1)</script>");
  });
});

describe("openDataCitation", () => {
  it("names the publisher, the dataset, the page and the sources' publishers in the page's language", () => {
    const citation = (language: "de" | "en", filledIn: boolean) =>
      openDataCitation({
        language,
        t: (key, values) => project.translator.t(language, key, values),
        publisher: (filledIn ? withPublisherFilledIn(project.data) : project.data).publisher,
        sources: project.data.sources,
        url: `${testBaseUrl}/de/daten/`,
      });
    expect(citation("de", true)).toBe(
      `Beispielbehörde: ${project.translator.t("de", "openData.dataset.title")}. ${testBaseUrl}/de/daten/. Quellen: Land Brandenburg (zugeordnet; Herausgeber noch zu bestätigen) und Landeszentrum Gesundheit Nordrhein-Westfalen.`,
    );
    expect(citation("en", false)).toMatch(
      /^\[Placeholder: .+\]: .+\. Sources: State of Brandenburg \(attributed; publisher to be confirmed\) and North Rhine-Westphalia Centre for Health\.$/,
    );
  });
});

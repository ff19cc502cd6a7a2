import { DataFactory, Store, type Quad } from "n3";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { requiresAttribution } from "../../../src/lib/open-data/dcat.ts";
import { withExamplePublisher } from "../../open-data/example-publisher.ts";
import { parseTurtle, shaclViolation, shaclWarning, validateDcat } from "../../open-data/shacl.ts";
import { buildTexts, realProject, testBaseUrl, type RealProject } from "./support.ts";

const dcat = "http://www.w3.org/ns/dcat#";
const dct = "http://purl.org/dc/terms/";
const dcatde = "http://dcat-ap.de/def/dcatde/";
const xsd = "http://www.w3.org/2001/XMLSchema#";

let project: RealProject;

beforeAll(async () => {
  project = await realProject();
});

afterEach(() => {
  vi.useRealTimers();
});

function catalogue(example: boolean): Quad[] {
  const data = example ? withExamplePublisher(project.data) : project.data;
  return parseTurtle(buildTexts(data, project.translator).text("dcat"));
}

/** Each distinct problem as `severity path`. */
async function problems(quads: Quad[]): Promise<string[]> {
  return [
    ...new Set((await validateDcat(quads)).map((result) => `${result.severity} ${result.path}`)),
  ];
}

/** The problems of the example's catalogue once every statement with `property` is removed. */
async function problemsWithout(property: string): Promise<string[]> {
  const quads = catalogue(true);
  const without = quads.filter((quad) => quad.predicate.value !== property);
  expect(without.length, property).toBeLessThan(quads.length);
  return problems(without);
}

describe("dcat.ttl", () => {
  it("has every mandatory and recommended DCAT-AP.de 3.0 property with the example publisher, but the period the figures refer to, which no source states", async () => {
    expect(await problems(catalogue(true))).toEqual([`${shaclWarning} ${dct}temporal`]);
  });

  it("names every placeholder a harvester would refuse: contributor id, licence, dates, the contact's email", async () => {
    const found = await problems(catalogue(false));
    for (const path of [
      `${dcatde}contributorID`,
      `${dct}license`,
      `${dct}issued`,
      `${dct}modified`,
      "http://www.w3.org/2006/vcard/ns#hasEmail",
    ]) {
      expect(found).toContain(`${shaclViolation} ${path}`);
    }
  });

  it("fails validation when a mandatory property is removed", async () => {
    for (const mandatory of [
      `${dct}title`,
      `${dct}publisher`,
      `${dcat}accessURL`,
      `${dct}license`,
      `${dcatde}contributorID`,
    ]) {
      expect(await problemsWithout(mandatory)).toContain(`${shaclViolation} ${mandatory}`);
    }
  });

  it("warns when a recommended property is removed", async () => {
    for (const recommended of [
      `${dct}issued`,
      `${dct}modified`,
      `${dcat}keyword`,
      `${dct}spatial`,
      "http://data.europa.eu/r5r/availability",
      `${dct}format`,
    ]) {
      expect(await problemsWithout(recommended)).toContain(`${shaclWarning} ${recommended}`);
    }
  });

  it("types the byte size as xsd:nonNegativeInteger, which DCAT-AP.de 3.0 requires (a decimal fails)", async () => {
    const quads = catalogue(true);
    const sizes = quads.filter((quad) => quad.predicate.value === `${dcat}byteSize`);
    expect(sizes.length).toBeGreaterThan(0);
    for (const size of sizes) {
      expect(size.object.termType === "Literal" && size.object.datatype.value).toBe(
        `${xsd}nonNegativeInteger`,
      );
    }
    const asDecimal = quads.map((quad) =>
      quad.predicate.value === `${dcat}byteSize`
        ? DataFactory.quad(
            quad.subject,
            quad.predicate,
            DataFactory.literal(quad.object.value, DataFactory.namedNode(`${xsd}decimal`)),
          )
        : quad,
    );
    expect(await problems(asDecimal)).toContain(`${shaclViolation} ${dcat}byteSize`);
  });

  it("gives the area covered in dct:spatial, not in the deprecated dcatde:politicalGeocodingURI (which the shapes warn of)", async () => {
    const quads = catalogue(true);
    expect(quads.some((quad) => quad.predicate.value === `${dcatde}politicalGeocodingURI`)).toBe(
      false,
    );
    const spatial = quads.filter((quad) => quad.predicate.value === `${dct}spatial`);
    expect(spatial.map((quad) => quad.object.value)).toContain(
      "http://dcat-ap.de/def/politicalGeocoding/stateKey/05",
    );
    const deprecated = [
      ...quads,
      DataFactory.quad(
        DataFactory.namedNode(`${testBaseUrl}/data/dcat.ttl#dataset`),
        DataFactory.namedNode(`${dcatde}politicalGeocodingURI`),
        DataFactory.namedNode("http://dcat-ap.de/def/politicalGeocoding/stateKey/05"),
      ),
    ];
    expect(await problems(deprecated)).toContain(`${shaclWarning} ${dcatde}politicalGeocodingURI`);
  });

  it("takes its dates and update frequency from the data, never from the build's clock", () => {
    const build = () =>
      buildTexts(withExamplePublisher(project.data), project.translator).text("dcat");
    vi.useFakeTimers({ now: new Date("2031-05-05T12:00:00Z") });
    const later = build();
    vi.useRealTimers();
    expect(build()).toBe(later);
    const store = new Store(parseTurtle(later));
    const dataset = `${testBaseUrl}/data/dcat.ttl#dataset`;
    expect(store.getObjects(dataset, `${dct}modified`, null).map((term) => term.value)).toEqual([
      "2026-11-23",
    ]);
    expect(store.getObjects(dataset, `${dct}accrualPeriodicity`, null)[0]?.value).toBe(
      "http://publications.europa.eu/resource/authority/frequency/IRREG",
    );
    expect(later).not.toContain("2031");
  });

  it("names the publisher in every distribution when the licence asks for attribution", () => {
    expect(requiresAttribution("http://dcat-ap.de/def/licenses/dl-by-de/2.0")).toBe(true);
    expect(requiresAttribution("http://dcat-ap.de/def/licenses/cc-by/4.0")).toBe(true);
    expect(requiresAttribution("http://dcat-ap.de/def/licenses/dl-zero-de/2.0")).toBe(false);
    expect(requiresAttribution("http://dcat-ap.de/def/licenses/cc-zero")).toBe(false);
    const store = new Store(catalogue(true));
    const distributions = store.getSubjects(`${dcat}accessURL`, null, null);
    expect(distributions.length).toBeGreaterThan(0);
    for (const distribution of distributions) {
      expect(
        store.getObjects(distribution, `${dcatde}licenseAttributionByText`, null)[0]?.value,
      ).toBe("Beispielamt für Gesundheitswirtschaft (Beispiel)");
    }
  });

  it("describes one distribution per data file, with its download URL, media type and the built file's byte size", () => {
    const { files, text } = buildTexts(project.data, project.translator);
    const store = new Store(parseTurtle(text("dcat")));
    const distributions = store
      .getSubjects(`${dcat}distribution`, null, null)
      .flatMap((dataset) => store.getObjects(dataset, `${dcat}distribution`, null));
    const described = distributions.map((distribution) => ({
      url: store.getObjects(distribution, `${dcat}downloadURL`, null)[0]?.value,
      mediaType: store.getObjects(distribution, `${dcat}mediaType`, null)[0]?.value,
      byteSize: Number(store.getObjects(distribution, `${dcat}byteSize`, null)[0]?.value),
    }));
    expect(described).toEqual(
      files
        .filter((file) => file.distribution)
        .map((file) => ({
          url: `${testBaseUrl}/data/${file.name}`,
          mediaType: `https://www.iana.org/assignments/media-types/${file.mediaType}`,
          byteSize: file.bytes.byteLength,
        })),
    );
  });
});

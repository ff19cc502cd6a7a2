import { readFile } from "node:fs/promises";
import path from "node:path";
import { Parser, Store, type Quad } from "n3";
import SHACLValidator from "rdf-validate-shacl";
import { beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../support/project.ts";
import {
  buildTexts,
  realProject,
  testBaseUrl,
  withPublisherFilledIn,
  type RealProject,
} from "./support.ts";

const dcat = "http://www.w3.org/ns/dcat#";
const dct = "http://purl.org/dc/terms/";
const dcatde = "http://dcat-ap.de/def/dcatde/";
const violation = "http://www.w3.org/ns/shacl#Violation";
const warning = "http://www.w3.org/ns/shacl#Warning";

let project: RealProject;
let shapes: Store;

beforeAll(async () => {
  project = await realProject();
  const file = path.join(projectRoot, "tests/open-data/shapes/dcat-ap-de.ttl");
  shapes = new Store(new Parser().parse(await readFile(file, "utf8")));
});

function parseTurtle(turtle: string): Quad[] {
  return new Parser({ format: "text/turtle" }).parse(turtle);
}

/** Validates quads against the shapes: each problem's severity and property path. */
async function problems(quads: Quad[]): Promise<{ severity: string; path: string }[]> {
  const report = await new SHACLValidator(shapes).validate(new Store(quads));
  return report.results
    .map((result) => ({ severity: result.severity.value, path: result.path.value }))
    .sort((a, b) => `${a.severity}${a.path}`.localeCompare(`${b.severity}${b.path}`));
}

function catalogue(filledIn: boolean): Quad[] {
  const data = filledIn ? withPublisherFilledIn(project.data) : project.data;
  return parseTurtle(buildTexts(data, project.translator).text("dcat"));
}

/** What DCAT-AP.de recommends but the sources and data cannot tell: dates of issue and change, and the period the figures refer to. */
const unknowable = [
  { severity: warning, path: `${dct}issued` },
  { severity: warning, path: `${dct}modified` },
  { severity: warning, path: `${dct}temporal` },
];

describe("dcat.ttl", () => {
  it("has every mandatory and recommended property DCAT-AP.de asks for, once the publisher's values are filled in", async () => {
    expect(await problems(catalogue(true))).toEqual(unknowable);
  });

  it("names every placeholder a harvester would refuse: the contributor id, the licence, the contact's email", async () => {
    const found = await problems(catalogue(false));
    const notUnknowable = found.filter(
      (problem) => !unknowable.some((known) => known.path === problem.path),
    );
    expect([
      ...new Set(notUnknowable.map((problem) => `${problem.severity} ${problem.path}`)),
    ]).toEqual([
      `${violation} ${dcatde}contributorID`,
      `${violation} ${dct}license`,
      `${warning} http://www.w3.org/2006/vcard/ns#hasEmail`,
    ]);
  });

  it("fails validation when a mandatory property is removed", async () => {
    const quads = catalogue(true);
    for (const mandatory of [`${dct}title`, `${dcat}accessURL`, `${dcatde}contributorID`]) {
      const without = quads.filter((quad) => quad.predicate.value !== mandatory);
      expect(without.length).toBeLessThan(quads.length);
      expect(await problems(without)).toContainEqual({ severity: violation, path: mandatory });
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

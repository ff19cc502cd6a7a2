import { beforeAll, describe, expect, it } from "vitest";
import type { SiteData } from "../../src/lib/data/schemas.ts";
import {
  describePublishProblem,
  notPublishableLine,
  publishReadiness,
  siteUrlProblems,
} from "../../src/lib/production.ts";
import { exampleSiteUrl, withExamplePublisher } from "../open-data/example-publisher.ts";
import { realProject, type RealProject } from "./open-data/support.ts";

let project: RealProject;
let example: SiteData;

beforeAll(async () => {
  project = await realProject();
  example = withExamplePublisher(project.data);
});

const relativeFile = (module: string) => `data/${module}.ts`;
const placeholder = { placeholder: true, value: { de: "Platzhalter", en: "placeholder" } } as const;

/** The errors of `data` at `siteUrl`, each as `file (field)`. */
function errorFields(data: SiteData, siteUrl: string | undefined = exampleSiteUrl): string[] {
  return publishReadiness(data, siteUrl, relativeFile).errors.map((error) =>
    describePublishProblem(error).replace(/: .*$/, ""),
  );
}

describe("publishReadiness", () => {
  it("finds nothing to refuse in the example publisher's data at an https address", () => {
    expect(publishReadiness(example, exampleSiteUrl, relativeFile).errors).toEqual([]);
  });

  it("lists every placeholder of the shipped data with its module and field", () => {
    expect(errorFields(project.data)).toEqual([
      ...[
        "organisation",
        "street",
        "postcodeAndTown",
        "representedBy",
        "email",
        "phone",
        "responsibleForContent",
        "dataProtectionOfficer",
        "hosting",
        "contributorId",
        "licence",
        "dataContact",
        "dataIssuedOn",
        "dataModifiedOn",
      ].map((field) => `data/publisher.ts (${field})`),
      ...["brandenburg.url", "brandenburg.retrievedOn", "lzg.url", "lzg.retrievedOn"].map(
        (field) => `data/sources.ts (${field})`,
      ),
    ]);
  });

  it("refuses each kind of placeholder on its own: a publisher detail, the licence, the contributor id, a date, a source's address and retrieval date", () => {
    const cases: [SiteData, string][] = [
      [
        { ...example, publisher: { ...example.publisher, email: placeholder } },
        "data/publisher.ts (email)",
      ],
      [
        { ...example, publisher: { ...example.publisher, licence: placeholder } },
        "data/publisher.ts (licence)",
      ],
      [
        { ...example, publisher: { ...example.publisher, contributorId: placeholder } },
        "data/publisher.ts (contributorId)",
      ],
      [
        { ...example, publisher: { ...example.publisher, dataModifiedOn: placeholder } },
        "data/publisher.ts (dataModifiedOn)",
      ],
      ...(["url", "retrievedOn"] as const).map((field): [SiteData, string] => [
        {
          ...example,
          sources: {
            ...example.sources,
            lzg: { ...(example.sources.lzg ?? ({} as never)), [field]: placeholder },
          },
        },
        `data/sources.ts (lzg.${field})`,
      ]),
    ];
    for (const [data, field] of cases) expect(errorFields(data)).toEqual([field]);
  });

  it("finds a placeholder wherever it stands, also in a field no check names", () => {
    const data = {
      ...example,
      site: { ...example.site, extra: { nested: [placeholder] } },
    } as unknown as SiteData;
    expect(errorFields(data)).toEqual(["data/site.ts (extra.nested.0)"]);
  });

  it("asks for the state arbitration body only from a publisher at state level, who names it", () => {
    const arbitration = example.publisher.arbitration;
    const state = { ...arbitration, state: { ...arbitration.state, name: placeholder } };
    const federal = { ...example, publisher: { ...example.publisher, arbitration: state } };
    expect(errorFields(federal)).toEqual([]);
    const stateLevel = {
      ...example,
      publisher: { ...example.publisher, arbitration: { ...state, level: "state" as const } },
    };
    expect(errorFields(stateLevel)).toContain("data/publisher.ts (arbitration.state.name)");
  });

  it("refuses dates that contradict each other or the sources, and accepts them in order", () => {
    const dated = (issued: string, modified: string) => ({
      ...example,
      publisher: {
        ...example.publisher,
        dataIssuedOn: { placeholder: false as const, value: issued },
        dataModifiedOn: { placeholder: false as const, value: modified },
      },
    });
    expect(errorFields(dated("2026-11-23", "2026-11-22"))).toEqual([
      "data/publisher.ts (dataModifiedOn)",
    ]);
    expect(errorFields(dated("2026-11-01", "2026-11-21"))).toEqual([
      "data/publisher.ts (dataModifiedOn)",
      "data/publisher.ts (dataModifiedOn)",
    ]);
    expect(errorFields(dated("2026-11-22", "2026-11-22"))).toEqual([]);
  });

  it("warns, without refusing, of a source whose publisher is not confirmed, naming it", () => {
    const { errors, warnings } = publishReadiness(example, exampleSiteUrl, relativeFile);
    expect(errors).toEqual([]);
    expect(warnings.map(describePublishProblem)).toEqual([
      expect.stringMatching(
        /^data\/sources\.ts \(brandenburg\.publisher\.confirmed\): .*Land Brandenburg.* not confirmed/,
      ),
    ]);
  });
});

describe("siteUrlProblems", () => {
  it("refuses a site address that is missing, not a web address, not https: or this machine", () => {
    for (const bad of [
      undefined,
      "",
      "gesundheit",
      "http://gesundheit.example.org",
      "https://localhost:8080",
      "https://127.0.0.1",
      "https://[::1]:8443",
      "https://preview.localhost",
    ]) {
      const problems = siteUrlProblems(bad);
      expect(problems, String(bad)).toHaveLength(1);
      expect(describePublishProblem(problems[0] ?? ({} as never))).toMatch(
        /^SITE_URL \(environment variable\): /,
      );
    }
  });

  it("accepts a public https address", () => {
    expect(siteUrlProblems("https://gesundheit.example.org")).toEqual([]);
    expect(siteUrlProblems("https://localhost.example.org")).toEqual([]);
  });
});

describe("notPublishableLine", () => {
  it("says in one line why a development build is not publishable, and nothing when it is", () => {
    const line = notPublishableLine(publishReadiness(project.data, undefined, relativeFile));
    expect(line).toBe(
      `Development build, not publishable: ${errorFields(project.data).length} placeholders in data/, SITE_URL is not set (npm run build -- --production lists every problem).`,
    );
    expect(
      notPublishableLine(publishReadiness(example, "http://localhost:8080", relativeFile)),
    ).toBe(
      "Development build, not publishable: SITE_URL is not https: (npm run build -- --production lists every problem).",
    );
    expect(notPublishableLine(publishReadiness(example, exampleSiteUrl, relativeFile))).toBe(
      undefined,
    );
  });
});

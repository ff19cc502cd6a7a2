import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { SiteData } from "../../src/lib/data/schemas.ts";
import {
  describePublishProblem,
  notPublishableLine,
  placeholderTextIn,
  publishedPlaceholderProblems,
  publishReadiness,
  siteUrlProblems,
} from "../../src/lib/production.ts";
import { exampleSiteUrl, withExamplePublisher } from "../open-data/example-publisher.ts";
import { makeTempDir } from "../support/temp.ts";
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

  it("refuses text that shows a placeholder although it is marked filled in, naming its field", () => {
    const markers = ["[Platzhalter", "[Placeholder"];
    const cases: [SiteData, string][] = [
      [
        {
          ...example,
          publisher: {
            ...example.publisher,
            organisation: {
              placeholder: false,
              value: "[Platzhalter: Name der herausgebenden Stelle]",
            },
          },
        },
        'data/publisher.ts (organisation): reads "[Platzhalter: Name der herausgebenden Stelle", which marks a value still to be filled in',
      ],
      [
        {
          ...example,
          publisher: { ...example.publisher, hosting: { placeholder: false, value: "TODO" } },
        },
        'data/publisher.ts (hosting): reads "TODO"',
      ],
      [
        {
          ...example,
          sources: {
            ...example.sources,
            lzg: { ...(example.sources.lzg ?? ({} as never)), title: "[placeholder: title]" },
          },
        },
        'data/sources.ts (lzg.title): reads "[placeholder: title"',
      ],
    ];
    for (const [data, message] of cases) {
      const errors = publishReadiness(data, exampleSiteUrl, relativeFile, markers).errors;
      expect(errors.map(describePublishProblem)).toEqual([expect.stringContaining(message)]);
    }
    expect(publishReadiness(example, exampleSiteUrl, relativeFile, markers).errors).toEqual([]);
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

  it.each([
    "https://localhost.",
    "https://LOCALHOST",
    "https://preview.localhost.",
    "https://ip6-localhost",
    "https://ip6-loopback",
    "https://localhost.localdomain",
    "https://127.0.0.1.",
    "https://2130706433",
    "https://0x7f.1",
    "https://0",
    "https://0.0.0.0",
    "https://[::]",
    "https://[0:0:0:0:0:0:0:1]",
    "https://[::ffff:127.0.0.1]",
    "https://[::ffff:0:127.0.0.1]",
    "https://[::127.0.0.1]",
  ])("refuses %s, another spelling of this machine", (siteUrl) => {
    expect(siteUrlProblems(siteUrl).map(describePublishProblem)).toEqual([
      `SITE_URL (environment variable): "${siteUrl}" names this machine, which no reader can reach: give the public address`,
    ]);
  });

  it("refuses an address with a path, query or fragment, as the build would, and says so first", () => {
    for (const siteUrl of [
      "https://gesundheit.example.org/sub/",
      "https://gesundheit.example.org/?a=1",
      "https://gesundheit.example.org/#top",
      "http://localhost:8080/sub/",
    ]) {
      expect(siteUrlProblems(siteUrl).map(describePublishProblem), siteUrl).toEqual([
        `SITE_URL (environment variable): "${siteUrl}" must be the site's origin only, such as https://example.org (no path, query, fragment or user name)`,
      ]);
    }
  });

  it("accepts a public https address, also one that only looks like this machine", () => {
    for (const siteUrl of [
      "https://gesundheit.example.org",
      "https://gesundheit.example.org/",
      "https://localhost.example.org",
      "https://127.example.org",
      "https://[2001:db8::1]",
      "https://[::ffff:192.0.2.1]",
      "https://128.0.0.1",
    ]) {
      expect(siteUrlProblems(siteUrl), siteUrl).toEqual([]);
    }
  });
});

describe("placeholderTextIn", () => {
  const markers = ["[Platzhalter", "[Placeholder"];

  it("finds how the pages show a placeholder, in any case and with soft hyphens, and the words left for later", () => {
    expect(placeholderTextIn("<dd>[Platz\u00adhal&shy;ter: E-Mail]</dd>", markers)).toBe(
      "[Platzhalter: E-Mail",
    );
    expect(placeholderTextIn("[PLACEHOLDER: phone]", markers)).toBe("[PLACEHOLDER: phone");
    for (const word of ["TODO", "FIXME", "TBD", "XXX", "Lorem ipsum"]) {
      expect(placeholderTextIn(`Text ${word} dolor`, markers), word).toBe(word);
    }
  });

  it("finds nothing in text that only mentions placeholders or resembles the words", () => {
    for (const text of [
      "Die Angaben in eckigen Klammern sind Platzhalter.",
      "Todos los datos",
      "XXXL",
      "Beispielamt für Gesundheitswirtschaft",
    ]) {
      expect(placeholderTextIn(text, markers), text).toBeUndefined();
    }
  });
});

describe("publishedPlaceholderProblems", () => {
  it("names each built file that shows a placeholder, with its first line, and leaves the assets alone", async () => {
    const folder = await makeTempDir("gw-placeholders-");
    await mkdir(path.join(folder, "de/impressum"), { recursive: true });
    await mkdir(path.join(folder, "assets"));
    await writeFile(
      path.join(folder, "de/impressum/index.html"),
      "<p>Beispielamt</p>\n<p>[Platz\u00adhalter: Telefon]</p>\n<p>TODO</p>\n",
    );
    await writeFile(path.join(folder, "de/index.html"), "<p>Beispielamt</p>\n");
    await writeFile(path.join(folder, "assets/site.css"), "/* TODO */");
    const problems = await publishedPlaceholderProblems(folder, "_site", ["[Platzhalter"]);
    expect(problems.map(describePublishProblem)).toEqual([
      '_site/de/impressum/index.html:2: shows "[Platzhalter: Telefon" (and on 1 more line(s)), which marks a value still to be filled in: fill it in where it is written (a data module, a page or a locale file)',
    ]);
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

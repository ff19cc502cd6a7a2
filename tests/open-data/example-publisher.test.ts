import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { replaceOnce } from "../build/support.ts";
import { attribute, parseHtml, tag, text } from "../support/html.ts";
import { buildInProcess, copyProject, editFile, type CommandResult } from "../support/project.ts";
import { hashFiles } from "../build/support.ts";
import { exampleSiteUrl, useExamplePublisher } from "./example-publisher.ts";
import { parseTurtle, shaclWarning, validateDcat } from "./shacl.ts";

let root: string;
let result: CommandResult;
const site = (file: string) => path.join(root, "_site", file);

beforeAll(async () => {
  root = await copyProject();
  await useExamplePublisher(root);
  // Shows what the site data says of the build, for the check below.
  await editFile(root, "src/site/_includes/layouts/open-data.njk", (layout) =>
    replaceOnce(
      layout,
      "{{ content | safe }}",
      "{{ content | safe }}<!-- production: {{ production }} -->",
    ),
  );
  vi.stubEnv("SITE_URL", exampleSiteUrl);
  result = await buildInProcess(root, { production: true });
  vi.unstubAllEnvs();
});

afterAll(() => {
  vi.unstubAllEnvs();
});

describe("a production build with the example publisher", () => {
  it("builds for publication, warning of the one attribution still to be confirmed, by name", () => {
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toContain("Built the site for publication");
    expect(result.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(
        /^warning: data\/sources\.ts \(brandenburg\.publisher\.confirmed\): .*Land Brandenburg/,
      ),
    ]);
  });

  it("lets the pages know they are the published site (the site data's `production`)", async () => {
    expect(await readFile(site("de/daten/index.html"), "utf8")).toContain(
      "<!-- production: true -->",
    );
  });

  it("says in the header bar of every page that it is an official website, as only a build for publication may", async () => {
    for (const file of ["index.html", "de/index.html", "en/key-figures/index.html"]) {
      const page = parseHtml(await readFile(site(file), "utf8"));
      expect(text(page.first(tag("div", { class: "kern-kopfzeile" }))).trim(), file).toMatch(
        /^(Eine offizielle Website der Bundesrepublik Deutschland|An official website of the Federal Republic of Germany)/,
      );
    }
  });

  it("publishes no placeholder and no address of this machine in any file", async () => {
    const files = [...hashFiles(path.join(root, "_site")).keys()];
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const content = await readFile(site(file), "utf8");
      for (const forbidden of [/Platzhalter/i, /placeholder/i, /localhost/i, /127\.0\.0\.1/]) {
        expect(forbidden.test(content), `${file} contains ${String(forbidden)}`).toBe(false);
      }
    }
  });

  it("publishes a dcat.ttl that conforms to DCAT-AP.de 3.0: no violation, and only the period no source states missing", async () => {
    const results = await validateDcat(parseTurtle(await readFile(site("data/dcat.ttl"), "utf8")));
    expect(results.map((found) => `${found.severity} ${found.path}`)).toEqual([
      `${shaclWarning} http://purl.org/dc/terms/temporal`,
    ]);
  });

  it("describes the dataset on both data pages with one complete JSON-LD: creator, publisher, licence, dateModified, tagged names, one @id", async () => {
    const blocks = await Promise.all(
      ["de/daten/index.html", "en/data/index.html"].map(async (file) => {
        const page = parseHtml(await readFile(site(file), "utf8"));
        return JSON.parse(
          text(page.first(tag("script", { type: "application/ld+json" }))),
        ) as Record<string, unknown>;
      }),
    );
    expect(blocks[1]).toEqual(blocks[0]);
    const organisation = {
      "@type": "Organization",
      name: "Beispielamt für Gesundheitswirtschaft (Beispiel)",
    };
    expect(blocks[0]).toMatchObject({
      "@type": "Dataset",
      "@id": `${exampleSiteUrl}/data/dcat.ttl#dataset`,
      creator: organisation,
      publisher: organisation,
      license: "http://dcat-ap.de/def/licenses/dl-by-de/2.0",
      dateModified: "2026-11-23",
    });
    const names = blocks[0]?.name as { "@language": string; "@value": string }[];
    expect(names.map((name) => name["@language"])).toEqual(["de", "en"]);
    expect(names.every((name) => name["@value"].length > 0)).toBe(true);
  });

  it("links the licence by its name to its text on the data pages, in each page's language", async () => {
    for (const [file, name] of [
      ["de/daten/index.html", "Datenlizenz Deutschland – Namensnennung – Version 2.0"],
      ["en/data/index.html", "Data licence Germany – attribution – version 2.0"],
    ] as const) {
      const page = parseHtml(await readFile(site(file), "utf8"));
      const link = page.first(tag("a", { href: "https://www.govdata.de/dl-de/by-2-0" }));
      expect(text(link), file).toContain(name);
      expect(attribute(link, "rel"), file).toContain("license");
    }
  });
});

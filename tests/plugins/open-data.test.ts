import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { Parser, Store } from "n3";
import { beforeAll, describe, expect, it } from "vitest";
import site from "../../data/site.ts";
import { resolveBaseUrl } from "../../src/lib/base-url.ts";
import { keepTogether } from "../../src/lib/format.ts";
import { languages } from "../../src/lib/languages.ts";
import { findBrokenLinks } from "../../src/lib/links.ts";
import { buildOpenData } from "../../src/lib/open-data/build.ts";
import { formatFileSize } from "../../src/lib/open-data/file-size.ts";
import { factRecords, type FactRecord } from "../../src/lib/open-data/records.ts";
import { buildRealSite, type BuiltSite } from "../support/built-site.ts";
import { attribute, parseHtml, tag, text, within } from "../support/html.ts";
import { realProject, type RealProject } from "../lib/open-data/support.ts";

/** The data pages, the dataset's landing pages. */
const dataPages = { de: "/de/daten/", en: "/en/data/" };

const baseUrl = resolveBaseUrl(process.env.SITE_URL, site.defaultBaseUrl);
const dcat = "http://www.w3.org/ns/dcat#";

let built: BuiltSite;
let project: RealProject;
let records: FactRecord[];

beforeAll(async () => {
  built = await buildRealSite();
  project = await realProject();
  records = factRecords(project.data.facts, project.data.sources, project.translator);
});

function pageHtml(url: string): string {
  const page = built.pages.find((candidate) => candidate.url === url);
  if (page === undefined) throw new Error(`the site has no page ${url}`);
  return page.html;
}

async function builtBytes(name: string): Promise<Buffer> {
  return readFile(path.join(built.outputDir, "data", name));
}

describe("the open-data files of the built site", () => {
  it("are written to /data/ with exactly the bytes the builders make", async () => {
    const expected = buildOpenData(project.data, {
      translator: project.translator,
      baseUrl,
      landingPages: dataPages,
    });
    expect(expected.map((file) => file.name)).toEqual([
      "facts.json",
      "kennzahlen.csv",
      "key-figures.csv",
      "facts.schema.json",
      "dcat.ttl",
    ]);
    for (const file of expected) {
      expect(Buffer.compare(await builtBytes(file.name), Buffer.from(file.bytes)), file.name).toBe(
        0,
      );
    }
  });

  it("hold the same figures as each other and as the pages", async () => {
    const json = JSON.parse((await builtBytes("facts.json")).toString("utf8")) as {
      facts: FactRecord[];
    };
    const german = parse<Record<string, string>>(await builtBytes("kennzahlen.csv"), {
      delimiter: ";",
      bom: true,
      columns: true,
    });
    const english = parse<Record<string, string>>(await builtBytes("key-figures.csv"), {
      columns: true,
    });
    expect(json.facts).toEqual(records);
    expect(
      german.map((row) => [row.Kennung, Number(row.Wert?.replace(",", ".")), row.Text]),
    ).toEqual(records.map((record) => [record.id, record.value, record.text.de]));
    expect(english.map((row) => [row.id, Number(row.value), row.text])).toEqual(
      records.map((record) => [record.id, record.value, record.text.en]),
    );
    // The sources page lists every figure with its label, as the pages write it.
    const sourcesPages = { de: "/de/quellen/", en: "/en/sources/" };
    for (const language of languages) {
      const items = parseHtml(pageHtml(sourcesPages[language as keyof typeof sourcesPages]))
        .all(tag("li"))
        .map((item) => text(item));
      for (const record of records) {
        expect(items, record.id).toContain(
          `${record.label[language] ?? ""}: ${keepTogether(record.text[language] ?? "")}`,
        );
      }
    }
  });
});

describe("the data pages", () => {
  it("are the dataset's landing pages, a pair in the main menu and in the sitemap", async () => {
    const sitemap = await built.read("sitemap.xml");
    for (const language of languages) {
      const html = pageHtml(dataPages[language as keyof typeof dataPages]);
      const menu = parseHtml(html).first(tag("nav", { class: "main-menu" }));
      expect(within(menu, tag("a")).map((link) => attribute(link, "href"))).toContain(
        dataPages[language as keyof typeof dataPages],
      );
      const otherLanguage = languages.find((candidate) => candidate !== language) ?? language;
      expect(
        parseHtml(html)
          .all(tag("link", { rel: "alternate", hreflang: otherLanguage }))
          .map((link) => attribute(link, "href")),
      ).toEqual([`${baseUrl}${dataPages[otherLanguage as keyof typeof dataPages]}`]);
      expect(sitemap).toContain(
        `<loc>${baseUrl}${dataPages[language as keyof typeof dataPages]}</loc>`,
      );
    }
  });

  it("link every file with its media type, a download attribute and its format and built size in the link text", async () => {
    for (const language of languages) {
      const links = parseHtml(pageHtml(dataPages[language as keyof typeof dataPages]))
        .all(tag("a"))
        .filter((link) => attribute(link, "download") !== undefined);
      expect(links.map((link) => attribute(link, "href"))).toEqual([
        "/data/facts.json",
        "/data/kennzahlen.csv",
        "/data/key-figures.csv",
        "/data/facts.schema.json",
        "/data/dcat.ttl",
      ]);
      for (const link of links) {
        const href = attribute(link, "href") ?? "";
        const size = formatFileSize((await builtBytes(path.basename(href))).byteLength, language);
        const row = parseHtml(pageHtml(dataPages[language as keyof typeof dataPages]))
          .all(tag("tr"))
          .find((candidate) => within(candidate, tag("a", { href })).length > 0);
        const cells = within(row ?? null, tag("td")).map((cell) => text(cell));
        expect(attribute(link, "type"), href).toMatch(/^[a-z]+\/[a-z+.-]+$/);
        expect(text(link), href).toContain(size);
        expect(text(link), href).toContain(cells[1]);
        expect(cells[2], href).toBe(size);
      }
    }
  });

  it("describe the dataset in JSON-LD with the same distributions as dcat.ttl", async () => {
    const store = new Store(new Parser().parse((await builtBytes("dcat.ttl")).toString("utf8")));
    const fromDcat = store.getObjects(null, `${dcat}distribution`, null).map((distribution) => ({
      url: store.getObjects(distribution, `${dcat}downloadURL`, null)[0]?.value,
      size: store.getObjects(distribution, `${dcat}byteSize`, null)[0]?.value,
    }));
    expect(fromDcat).toHaveLength(3);
    for (const language of languages) {
      const blocks = parseHtml(pageHtml(dataPages[language as keyof typeof dataPages])).all(
        tag("script", { type: "application/ld+json" }),
      );
      expect(blocks).toHaveLength(1);
      const dataset = JSON.parse(text(blocks[0] ?? null)) as {
        "@type": string;
        url: string[];
        distribution: { contentUrl: string; contentSize: string }[];
      };
      expect(dataset["@type"]).toBe("Dataset");
      expect(dataset.url).toContain(`${baseUrl}${dataPages[language as keyof typeof dataPages]}`);
      expect(
        dataset.distribution.map((download) => ({
          url: download.contentUrl,
          size: download.contentSize.replace(/ B$/, ""),
        })),
      ).toEqual(fromDcat);
    }
  });

  it("are covered by the link check: a download link to a missing file is reported", () => {
    // Every built page, so that the data pages' other links (menus, footer) find their targets.
    const pages = built.pages.map((page) => ({
      url: page.url,
      inputPath: `src/site${page.url}page.md`,
      html: page.html,
    }));
    const fileExists = (pathname: string) =>
      existsSync(path.join(built.outputDir, decodeURIComponent(pathname)));
    expect(findBrokenLinks(pages, { baseUrl, fileExists })).toEqual([]);
    const withoutCsv = (pathname: string) =>
      pathname !== "/data/kennzahlen.csv" && fileExists(pathname);
    expect(
      findBrokenLinks(pages, { baseUrl, fileExists: withoutCsv }).map((link) => link.href),
    ).toEqual(["/data/kennzahlen.csv", "/data/kennzahlen.csv"]);
  });
});

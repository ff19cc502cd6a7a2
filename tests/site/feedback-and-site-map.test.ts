import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Element } from "domhandler";
import { attribute, parseHtml, tag, text, within, type ParsedPage } from "../support/html.ts";
import { buildRealSite } from "../support/built-site.ts";
import { projectRoot } from "../support/project.ts";

const languages = ["de", "en"] as const;
type Language = (typeof languages)[number];

const statementUrl = { de: "/de/barrierefreiheit/", en: "/en/accessibility/" };
const siteMapUrl = { de: "/de/seitenuebersicht/", en: "/en/site-map/" };

interface Page {
  url: string;
  language: Language;
  doc: ParsedPage;
}

let pages: Page[];
const reportBarrier = {} as Record<Language, string>;

beforeAll(async () => {
  const site = await buildRealSite();
  pages = site.pages.flatMap((built) => {
    const language = languages.find((candidate) => built.url.startsWith(`/${candidate}/`));
    return language === undefined ? [] : [{ url: built.url, language, doc: parseHtml(built.html) }];
  });
  for (const language of languages) {
    const strings = JSON.parse(
      await readFile(path.join(projectRoot, "locales", language, "accessibility.json"), "utf8"),
    ) as { reportBarrier: string };
    reportBarrier[language] = strings.reportBarrier;
  }
});

function linksIn(page: Page | undefined, container: (element: Element) => boolean) {
  return within(page?.doc.first(container) ?? null, tag("a")).map((link) => [
    attribute(link, "href"),
    text(link),
  ]);
}

function isIndexed(page: Page): boolean {
  return !page.doc
    .all(tag("meta", { name: "robots" }))
    .some((meta) => (attribute(meta, "content") ?? "").includes("noindex"));
}

describe("every built page's footer", () => {
  it("links “Barriere melden” / “Report a barrier” to the statement's feedback section", () => {
    expect(pages.length).toBeGreaterThanOrEqual(20);
    for (const page of pages) {
      expect(linksIn(page, tag("footer")), page.url).toContainEqual([
        `${statementUrl[page.language]}#feedback`,
        reportBarrier[page.language],
      ]);
    }
  });

  it("links to the site map of its language", () => {
    for (const page of pages) {
      const targets = linksIn(page, tag("footer")).map(([href]) => href);
      expect(targets, page.url).toContain(siteMapUrl[page.language]);
    }
  });

  it("leads to a feedback section that exists", () => {
    for (const language of languages) {
      const statement = pages.find((page) => page.url === statementUrl[language]);
      expect(statement?.doc.first(tag("h2", { id: "feedback" })), language).not.toBeNull();
    }
  });
});

describe("the site map", () => {
  it.each(languages)(
    "in %s lists exactly the indexed built pages of its language, by their titles",
    (language) => {
      const siteMap = pages.find((page) => page.url === siteMapUrl[language]);
      const listed = linksIn(siteMap, tag("ul", { class: "site-map" }));
      const expected = pages
        .filter((page) => page.language === language && isIndexed(page))
        .map((page) => [page.url, text(page.doc.first(tag("h1")))]);
      expect(listed.length).toBeGreaterThanOrEqual(10);
      expect([...listed].sort()).toEqual([...expected].sort());
    },
  );
});

describe("the Leichte Sprache and easy-read pages", () => {
  const easyUrl = { de: "/de/leichte-sprache/", en: "/en/easy-read/" };

  it("end with how to reach the publisher and the arbitration body, written out on the page: name, address, email, telephone, web address", async () => {
    const publisher = (await import("../../data/publisher.ts")).default;
    for (const language of languages) {
      const page = pages.find((candidate) => candidate.url === easyUrl[language]);
      const main = page?.doc.first(tag("main")) ?? null;
      expect(main, easyUrl[language]).not.toBeNull();
      const headings = within(main, tag("h2"));
      expect(
        headings.slice(-2).map((heading) => attribute(heading, "id")),
        easyUrl[language],
      ).toEqual(["contact", "arbitration"]);
      const details = within(main, tag("dd")).map((dd) => text(dd));
      // The federal arbitration body, as the statement names it (data/publisher.ts).
      const { webAddress } = publisher.arbitration.federal;
      expect(
        details.some((detail) => detail.startsWith(webAddress)),
        `${easyUrl[language]}: ${webAddress}`,
      ).toBe(true);
      for (const entry of [publisher.organisation, publisher.email, publisher.phone]) {
        const shown = typeof entry.value === "string" ? entry.value : entry.value[language];
        expect(
          details.some((detail) => detail.includes(shown)),
          `${easyUrl[language]}: ${shown}`,
        ).toBe(true);
      }
    }
  });
});

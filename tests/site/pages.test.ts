import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { load } from "js-yaml";
import { glob } from "tinyglobby";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build.ts";
import { splitPage } from "../../src/lib/front-matter.ts";
import { attribute, parseHtml, tag, text, within, type ParsedPage } from "../support/html.ts";
import { buildRealSite, readBuiltSite, type BuiltSite } from "../support/built-site.ts";
import { copyProject, projectRoot } from "../support/project.ts";

const baseUrl = "http://localhost:8080";

interface Page {
  url: string;
  language: string;
  doc: ParsedPage;
}

/** A page that exists in one language only, as README documents it. */
function singleLanguagePage(title: string, key: string, reason: string): string {
  return `---
title: ${title}
description: ${title}, a page that exists in one language only for the tests of the built site.
translationKey: ${key}
onlyInThisLanguage: ${reason}
---
${title}.
`;
}

/** The project with a German-only and an English-only page added, built into its own folder. */
async function buildSiteWithSingleLanguagePages(): Promise<BuiltSite & { root: string }> {
  const root = await copyProject();
  await writeFile(
    path.join(root, "src/site/de/nur-deutsch.md"),
    singleLanguagePage("Nur auf Deutsch", "only-german", "Nur für Leser in Deutschland."),
  );
  await writeFile(
    path.join(root, "src/site/en/english-only.md"),
    singleLanguagePage("English only", "only-english", "For readers abroad only."),
  );
  const outputDir = path.join(root, "_site");
  await buildSite({ projectRoot: root, outputDir, quiet: true });
  return { root, ...(await readBuiltSite(outputDir)) };
}

/** The addresses of the pages whose front matter says they exist in one language only. */
async function singleLanguageUrls(root: string): Promise<Set<string>> {
  const urls = new Set<string>();
  for (const file of await glob("src/site/{de,en}/**/*.md", { cwd: root })) {
    const data = load(splitPage(await readFile(path.join(root, file), "utf8")).frontMatterText) as {
      onlyInThisLanguage?: string;
      permalink?: string;
    };
    if (data.onlyInThisLanguage === undefined) continue;
    urls.add(data.permalink ?? `/${file.replace(/^src\/site\//, "").replace(/\.md$/, "")}/`);
  }
  return urls;
}

describe.each([
  ["the real site", async () => ({ ...(await buildRealSite()), root: projectRoot })],
  ["a site with pages in one language only", buildSiteWithSingleLanguagePages],
])("%s", (_name, build) => {
  let site: BuiltSite;
  let pages: Page[];
  let translatedPages: Page[];
  /** Pages that exist in one language only, by their front matter. */
  let singleLanguage: Set<string>;

  function alternates(page: Page): Map<string, string> {
    return new Map(
      page.doc
        .all(tag("link", { rel: "alternate" }))
        .map((link) => [attribute(link, "hreflang") ?? "", attribute(link, "href") ?? ""]),
    );
  }

  function pathOf(absolute: string): string {
    return new URL(absolute).pathname;
  }

  beforeAll(async () => {
    const built = await build();
    site = built;
    singleLanguage = await singleLanguageUrls(built.root);
    pages = site.pages.map((page) => ({
      url: page.url,
      language: /^\/(de|en)\//.exec(page.url)?.[1] ?? "root",
      doc: parseHtml(page.html),
    }));
    translatedPages = pages.filter((page) => page.language !== "root");
  });

  describe("every built page", () => {
    it("exists in both languages, unless its front matter says why not", () => {
      const count = (language: string) =>
        pages.filter((page) => page.language === language && !singleLanguage.has(page.url)).length;
      expect(count("de")).toBeGreaterThanOrEqual(10);
      expect(count("de")).toBe(count("en"));
      expect(pages.filter((page) => singleLanguage.has(page.url))).toHaveLength(
        singleLanguage.size,
      );
    });

    it("declares the language of its folder on <html>", () => {
      for (const page of translatedPages) {
        expect(attribute(page.doc.first(tag("html")), "lang"), page.url).toBe(page.language);
      }
    });

    it("has a title and a meta description of its own", () => {
      const titles = pages.map((page) => text(page.doc.first(tag("title"))));
      const descriptions = pages.map((page) =>
        attribute(page.doc.first(tag("meta", { name: "description" })), "content"),
      );
      expect(new Set(titles).size).toBe(pages.length);
      expect(new Set(descriptions).size).toBe(pages.length);
      expect(descriptions.every((description) => (description ?? "").length > 20)).toBe(true);
    });

    it("has an absolute canonical URL pointing at itself", () => {
      for (const page of pages) {
        expect(attribute(page.doc.first(tag("link", { rel: "canonical" })), "href"), page.url).toBe(
          `${baseUrl}${page.url}`,
        );
      }
    });

    it("lists absolute alternates for both languages and x-default, reciprocated by its twin", () => {
      const byUrl = new Map(translatedPages.map((page) => [page.url, page]));
      for (const page of translatedPages) {
        const links = alternates(page);
        if (singleLanguage.has(page.url)) {
          expect([...links.keys()].sort(), page.url).toEqual([page.language, "x-default"]);
          expect(pathOf(links.get("x-default") ?? ""), page.url).toBe(page.url);
          continue;
        }
        expect([...links.keys()].sort(), page.url).toEqual(["de", "en", "x-default"]);
        for (const href of links.values()) expect(href, page.url).toMatch(/^https?:\/\//);
        expect(pathOf(links.get(page.language) ?? ""), page.url).toBe(page.url);
        const twinLanguage = page.language === "de" ? "en" : "de";
        const twin = byUrl.get(pathOf(links.get(twinLanguage) ?? ""));
        expect(twin, `twin of ${page.url}`).toBeDefined();
        if (twin !== undefined)
          expect(pathOf(alternates(twin).get(page.language) ?? "")).toBe(page.url);
        expect(links.get("x-default")).toBe(links.get("de"));
      }
    });

    it("has a language switcher linking to its twin, named in the twin's language", () => {
      for (const page of translatedPages) {
        const switcher = page.doc.first(tag("nav", { class: "language-switcher" }));
        expect(switcher, page.url).not.toBeNull();
        if (singleLanguage.has(page.url)) {
          expect(within(switcher, tag("a")), page.url).toEqual([]);
          continue;
        }
        const twinLanguage = page.language === "de" ? "en" : "de";
        const [link = null, ...others] = within(switcher, tag("a"));
        expect(others, page.url).toEqual([]);
        expect(attribute(link, "lang"), page.url).toBe(twinLanguage);
        expect(attribute(link, "hreflang"), page.url).toBe(twinLanguage);
        expect(attribute(link, "href"), page.url).toBe(
          pathOf(alternates(page).get(twinLanguage) ?? ""),
        );
        expect(text(link)).toBe(twinLanguage === "de" ? "Deutsch" : "English");
      }
    });

    it("starts with a skip link to <main>, and has header, navigation, main and footer landmarks", () => {
      for (const page of translatedPages) {
        const firstFocusable = page.doc.first(
          (element) => element.name === "a" || element.name === "button",
        );
        expect(attribute(firstFocusable, "href"), page.url).toBe("#main");
        expect(page.doc.all(tag("main", { id: "main" })), page.url).toHaveLength(1);
        expect(page.doc.all(tag("header")), page.url).toHaveLength(1);
        expect(page.doc.all(tag("footer")), page.url).toHaveLength(1);
        expect(page.doc.all(tag("nav")).length, page.url).toBeGreaterThanOrEqual(2);
        expect(page.doc.all(tag("h1")), page.url).toHaveLength(1);
      }
    });

    it("marks itself with aria-current in a menu when it is listed there", () => {
      for (const page of translatedPages) {
        const current = page.doc.all((element) => attribute(element, "aria-current") === "page");
        for (const link of current) expect(attribute(link, "href"), page.url).toBe(page.url);
        const menus = page.doc.all(
          (element) => element.name === "nav" && /-menu$/.test(attribute(element, "class") ?? ""),
        );
        const listed = menus.some((menu) =>
          within(menu, tag("a")).some((link) => attribute(link, "href") === page.url),
        );
        expect(current.length, page.url).toBe(listed ? 1 : 0);
      }
    });

    it("links only to pages, files and fragments that were built", () => {
      const ids = new Map(
        pages.map((page) => [
          page.url,
          new Set(
            page.doc
              .all((element) => attribute(element, "id") !== undefined)
              .map((element) => attribute(element, "id")),
          ),
        ]),
      );
      for (const page of pages) {
        for (const element of page.doc.all((candidate) => ["a", "link"].includes(candidate.name))) {
          const href = attribute(element, "href");
          if (href === undefined) continue;
          const target = new URL(href, `${baseUrl}${page.url}`);
          if (target.origin !== baseUrl) continue;
          const targetPath = target.pathname.replace(/index\.html$/, "");
          const isFile =
            /\.[a-z]+$/.test(targetPath) && existsSync(path.join(site.outputDir, targetPath));
          expect(isFile || ids.has(targetPath), `${page.url} → ${href}`).toBe(true);
          if (target.hash !== "")
            expect(ids.get(targetPath)?.has(target.hash.slice(1)), `${page.url} → ${href}`).toBe(
              true,
            );
        }
      }
    });

    it("ships no JavaScript (JSON-LD data blocks are data, which browsers do not run)", () => {
      for (const page of pages) {
        const scripts = page.doc
          .all(tag("script"))
          .filter((script) => attribute(script, "type") !== "application/ld+json");
        expect(scripts, page.url).toEqual([]);
      }
    });
  });

  describe("the root page", () => {
    it("offers each language in its own language, without script or redirect", () => {
      const root = pages.find((page) => page.url === "/");
      expect(root).toBeDefined();
      const links =
        root?.doc.all(tag("a")).filter((link) => attribute(link, "hreflang") !== undefined) ?? [];
      expect(links.map((link) => attribute(link, "href")).sort()).toEqual(["/de/", "/en/"]);
      expect(root?.doc.all(tag("meta", { "http-equiv": "refresh" }))).toEqual([]);
      expect(
        root?.doc.all((element) => attribute(element, "lang") === "en").length,
      ).toBeGreaterThan(0);
    });
  });

  describe("the sitemap", () => {
    it("lists exactly the built pages, except the chooser and the 404 pages, with their alternates", async () => {
      const sitemap = parseHtml(await site.read("sitemap.xml"));
      const listed = sitemap.all(tag("loc")).map((loc) => pathOf(text(loc)));
      const expected = translatedPages
        .map((page) => page.url)
        .filter((url) => !url.endsWith("404.html"));
      expect(listed.sort()).toEqual(expected.sort());
      for (const url of sitemap.all(tag("url"))) {
        const address = pathOf(text(within(url, tag("loc"))[0] ?? null));
        const links = new Map(
          within(url, tag("xhtml:link")).map((link) => [
            attribute(link, "hreflang") ?? "",
            pathOf(attribute(link, "href") ?? ""),
          ]),
        );
        const language = address.split("/")[1] ?? "";
        expect([...links.keys()].sort(), address).toEqual(
          singleLanguage.has(address) ? [language, "x-default"] : ["de", "en", "x-default"],
        );
        expect(links.get("x-default"), address).toBe(
          links.get(singleLanguage.has(address) ? language : "de"),
        );
      }
    });

    it("is named in robots.txt with its absolute address", async () => {
      expect(await site.read("robots.txt")).toContain(`Sitemap: ${baseUrl}/sitemap.xml`);
    });
  });
});

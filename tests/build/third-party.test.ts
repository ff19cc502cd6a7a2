import { readFile } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import { beforeAll, describe, expect, it } from "vitest";
import site from "../../data/site.ts";
import { resolveBaseUrl } from "../../src/lib/base-url.ts";
import { isLanguage, languages, type Language } from "../../src/lib/languages.ts";
import { buildRealSite, type BuiltSite } from "../support/built-site.ts";
import { attribute, parseHtml, tag, text, within } from "../support/html.ts";
import { editFile, projectRoot } from "../support/project.ts";
import { buildCopy, elementsOf, isJsonLdBlock } from "./support.ts";

const baseUrl = resolveBaseUrl(process.env.SITE_URL, site.defaultBaseUrl);

/** Elements that make a browser fetch what their URL attributes name. */
const fetchingElements = new Set([
  "link",
  "script",
  "img",
  "iframe",
  "frame",
  "source",
  "video",
  "audio",
  "track",
  "object",
  "embed",
  "input",
  "image",
  "use",
]);
const urlAttributes = ["src", "href", "srcset", "data", "poster", "xlink:href"];

/** A URL as written on the page at `pageUrl`, resolved as a browser would. */
function resolve(url: string, pageUrl: string): URL {
  return new URL(url, new URL(pageUrl, baseUrl));
}

/** Whether a URL on the page at `pageUrl` is on the site's own origin. */
function isOwnOrigin(url: string, pageUrl: string): boolean {
  const target = resolve(url, pageUrl);
  return /^https?:$/.test(target.protocol) && target.origin === new URL(baseUrl).origin;
}

/** Every URL a page makes the browser fetch that is not on the site's own origin. */
function foreignResources(html: string, pageUrl: string): string[] {
  return elementsOf(html)
    .filter((element) => fetchingElements.has(element.name))
    .flatMap((element) =>
      urlAttributes.flatMap((name) => {
        const value = element.attribs[name];
        if (value === undefined) return [];
        const urls =
          name === "srcset"
            ? value.split(",").map((candidate) => candidate.trim().split(/\s+/)[0] ?? "")
            : [value];
        return urls
          .filter((url) => !isOwnOrigin(url, pageUrl))
          .map((url) => `<${element.name} ${name}="${url}">`);
      }),
    );
}

/** Every `url(…)` and `@import` target of a stylesheet that is not on the site's own origin. */
function foreignStylesheetUrls(css: string, stylesheetUrl: string): string[] {
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, "");
  const targets = [
    ...withoutComments.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/gi),
    ...withoutComments.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/gi),
  ].map((match) => match[1] ?? match[2] ?? match[3] ?? "");
  return targets.filter((url) => !isOwnOrigin(url, stylesheetUrl));
}

/** Links to other hosts that lack the locale's external-link marker inside them. */
function unmarkedExternalLinks(html: string, pageUrl: string, marker: string): string[] {
  return parseHtml(html)
    .all(tag("a"))
    .filter((link) => {
      const href = attribute(link, "href");
      // Other schemes (`mailto:`) lead to no host.
      return (
        href !== undefined &&
        /^https?:$/.test(resolve(href, pageUrl).protocol) &&
        !isOwnOrigin(href, pageUrl)
      );
    })
    .filter((link) => !within(link, tag("span")).some((span) => text(span).trim() === marker))
    .map((link) => `<a href="${attribute(link, "href") ?? ""}">${text(link)}</a>`);
}

async function externalLinkMarker(root: string, language: Language): Promise<string> {
  const common = JSON.parse(
    await readFile(path.join(root, "locales", language, "common.json"), "utf8"),
  ) as { externalLink?: unknown };
  if (typeof common.externalLink !== "string") {
    throw new Error(`locales/${language}/common.json has no string "externalLink"`);
  }
  return common.externalLink;
}

function languageOf(html: string): Language {
  const language = attribute(parseHtml(html).first(tag("html")), "lang");
  if (!isLanguage(language)) throw new Error(`a page has the language "${String(language)}"`);
  return language;
}

/**
 * Every element of a page a browser would run as code: event-handler attributes and script
 * elements, except a JSON-LD data block (`type="application/ld+json"`, nothing but valid JSON,
 * no other attribute), which browsers never execute.
 */
function executableCode(html: string): string[] {
  return elementsOf(html)
    .filter(
      (element) =>
        Object.keys(element.attribs).some((name) => name.startsWith("on")) ||
        (element.name === "script" && !isJsonLdBlock(element)),
    )
    .map((element) => `<${element.name} ${Object.keys(element.attribs).join(" ")}>`);
}

/** A content security policy as directives and their sources. */
function parsePolicy(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name !== undefined && name !== "")
      .map(([name = "", ...sources]) => [name.toLowerCase(), sources]),
  );
}

/** The headers `/_headers` sets for every path (`/*`). */
function headersForEveryPath(file: string): Map<string, string> {
  const [pattern, ...lines] = file.trimEnd().split("\n");
  expect(pattern).toBe("/*");
  return new Map(
    lines.map((line) => {
      const match = /^ {2}([A-Za-z-]+): (.+)$/.exec(line);
      if (match === null) throw new Error(`/_headers has a malformed line: ${line}`);
      return [match[1] ?? "", match[2] ?? ""];
    }),
  );
}

describe("the built site", () => {
  let built: BuiltSite;

  beforeAll(async () => {
    built = await buildRealSite();
  });

  it("loads nothing from other hosts on any page", () => {
    expect(built.pages.length).toBeGreaterThan(10);
    for (const page of built.pages)
      expect(foreignResources(page.html, page.url), page.file).toEqual([]);
  });

  it("has stylesheets that load nothing from other hosts", async () => {
    const stylesheets = await glob("**/*.css", { cwd: built.outputDir });
    expect(stylesheets).toEqual([built.stylesheet]);
    for (const file of stylesheets) {
      expect(foreignStylesheetUrls(await built.read(file), `/${file}`), file).toEqual([]);
    }
  });

  it("has no JavaScript: no executable script element, no event handler, no script file", async () => {
    for (const page of built.pages) expect(executableCode(page.html), page.file).toEqual([]);
    expect(await glob("**/*.{js,mjs,cjs}", { cwd: built.outputDir })).toEqual([]);
  });

  it("carries JSON-LD data blocks only on the data pages, one each", () => {
    const blocks = built.pages.flatMap((page) =>
      elementsOf(page.html)
        .filter((element) => element.name === "script")
        .map(() => page.url),
    );
    expect(blocks.sort()).toEqual(["/de/daten/", "/en/data/"]);
  });

  it("marks every link to another host with the locale's marker", async () => {
    for (const page of built.pages) {
      const marker = await externalLinkMarker(projectRoot, languageOf(page.html));
      expect(unmarkedExternalLinks(page.html, page.url, marker), page.file).toEqual([]);
    }
  });

  it("sends a content security policy as meta tag and header that allow only the site's own files", async () => {
    const headers = headersForEveryPath(await built.read("_headers"));
    const header = parsePolicy(headers.get("Content-Security-Policy") ?? "");
    expect(header.get("frame-ancestors")).toEqual(["'none'"]);
    for (const page of built.pages) {
      const metas = parseHtml(page.html).all(
        tag("meta", { "http-equiv": "Content-Security-Policy" }),
      );
      expect(metas, page.file).toHaveLength(1);
      const meta = parsePolicy(attribute(metas[0] ?? null, "content") ?? "");
      expect(meta.get("default-src"), page.file).toEqual(["'none'"]);
      for (const [directive, sources] of meta) {
        expect(
          sources.every((source) => source === "'none'" || source === "'self'"),
          directive,
        ).toBe(true);
      }
      // The header may add what a meta tag cannot carry, and nothing else.
      expect(
        new Map([...header].filter(([directive]) => directive !== "frame-ancestors")),
        page.file,
      ).toEqual(meta);
    }
  });

  it("sends the security headers static hosts read from /_headers", async () => {
    const headers = headersForEveryPath(await built.read("_headers"));
    expect(headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(headers.get("Referrer-Policy")).toBe("no-referrer");
    expect(headers.get("Cross-Origin-Opener-Policy")).toBe("same-origin");
    expect(headers.get("Permissions-Policy")).toMatch(/\bcamera=\(\)/);
    expect(headers.get("Permissions-Policy")).toMatch(/\bgeolocation=\(\)/);
  });
});

describe("the check for executable code", () => {
  it("accepts a JSON-LD data block and refuses scripts, other script types, sources and broken JSON", () => {
    expect(
      executableCode('<script type="application/ld+json">{"@type":"Dataset"}</script>'),
    ).toEqual([]);
    expect(
      [
        "<script>alert(1)</script>",
        '<script type="module">import "/x.js"</script>',
        '<script type="text/javascript">{"@type":"Dataset"}</script>',
        '<script type="application/ld+json" src="/x.json"></script>',
        '<script type="application/ld+json">{"@type": "Dataset"</script>',
        '<p onclick="alert(1)">Text</p>',
      ].map((html) => executableCode(html).length),
    ).toEqual([1, 1, 1, 1, 1, 1]);
  });
});

describe("links to other hosts typed in Markdown", () => {
  it("are marked for readers with the locale's marker, in each language", async () => {
    const pages: Record<Language, { source: string; built: string }> = {
      de: {
        source: "src/site/de/nordrhein-westfalen.md",
        built: "de/nordrhein-westfalen/index.html",
      },
      en: {
        source: "src/site/en/north-rhine-westphalia.md",
        built: "en/north-rhine-westphalia/index.html",
      },
    };
    const result = await buildCopy(async (root) => {
      for (const language of languages) {
        await editFile(
          root,
          pages[language]?.source ?? "",
          (source) =>
            `${source.trimEnd()}\n\n[Landeszentrum](https://www.lzg.nrw.de/) [Protokoll](//example.org/x) [Hier](${baseUrl}/${language}/)\n`,
        );
      }
    });
    expect(result.status, result.output).toBe(0);
    for (const language of languages) {
      const html = await readFile(
        path.join(result.root, "_site", pages[language]?.built ?? ""),
        "utf8",
      );
      const links = parseHtml(html).all(tag("a", { rel: "external noreferrer" }));
      expect(links.map((link) => attribute(link, "href"))).toEqual([
        "https://www.lzg.nrw.de/",
        "//example.org/x",
      ]);
      expect(
        unmarkedExternalLinks(
          html,
          `/${language}/`,
          await externalLinkMarker(result.root, language),
        ),
      ).toEqual([]);
    }
  });

  it("would be reported by the check when unmarked", () => {
    const html = '<a href="https://example.org/">Beispiel</a><a href="/de/">Start</a>';
    expect(unmarkedExternalLinks(html, "/de/", "(externer Link)")).toEqual([
      '<a href="https://example.org/">Beispiel</a>',
    ]);
  });
});

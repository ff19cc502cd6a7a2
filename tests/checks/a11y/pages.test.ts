import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CouldNotCheckError } from "../../../src/checks/gate.ts";
import {
  expectedLanguages,
  fileForPath,
  listSitePages,
  locationToPath,
  sitemapLocations,
} from "../../../src/checks/a11y/pages.ts";
import { cleanSiteFiles, sitemap, temporaryDir, writeFiles } from "./fixtures.ts";

describe("sitemapLocations", () => {
  it("returns the page URLs and skips the alternate-language links", () => {
    const xml = `<?xml version="1.0"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
  <url>
    <loc> https://example.org/de/ </loc>
    <xhtml:link rel="alternate" hreflang="en" href="https://example.org/en/"/>
  </url>
  <url><loc>https://example.org/en/a&amp;b/</loc></url>
</urlset>`;
    expect(sitemapLocations(xml)).toEqual([
      "https://example.org/de/",
      "https://example.org/en/a&b/",
    ]);
  });
});

describe("locationToPath", () => {
  it("maps a URL on any base onto its path", () => {
    expect(locationToPath("https://example.org/de/nrw/?x=1")).toEqual({
      path: "/de/nrw/?x=1",
      origin: "https://example.org",
    });
  });

  it("names a location that is not an absolute URL", () => {
    expect(() => locationToPath("/de/")).toThrow(/"\/de\/", which is not an absolute URL/);
  });
});

describe("listSitePages", () => {
  it("lists every built HTML file and every page of the sitemap, once each, with their files", () => {
    const dir = temporaryDir("pages");
    writeFiles(dir, {
      ...cleanSiteFiles(),
      // A page built with `sitemap: false`.
      "de/intern/index.html": "<!DOCTYPE html>",
      "sitemap.xml": sitemap(["/de/", "/en/", "/", "/de/", "/de/fehlt/"]),
    });
    const pages = listSitePages(dir);
    expect(pages.map((page) => [page.path, page.inSitemap])).toEqual([
      ["/", true],
      ["/de/", true],
      ["/de/404.html", false],
      ["/de/fehlt/", true],
      ["/de/intern/", false],
      ["/en/", true],
      ["/en/404.html", false],
    ]);
    expect(pages.find((page) => page.path === "/de/")).toEqual({
      path: "/de/",
      url: "http://localhost:8080/de/",
      file: join(dir, "de", "index.html"),
      inSitemap: true,
    });
    expect(pages.find((page) => page.path === "/de/fehlt/")?.file).toBeNull();
  });

  it("lists every file a browser renders as a document, HTML in any spelling, SVG and hidden files included", () => {
    const dir = temporaryDir("pages");
    writeFiles(dir, {
      ...cleanSiteFiles(),
      "assets/p5.htm": "<!DOCTYPE html>",
      "assets/.hidden.html": "<!DOCTYPE html>",
      "assets/seite.XHTML": "<html/>",
      "assets/logo.svg": "<svg/>",
      ".well-known/index.html": "<!DOCTYPE html>",
      "assets/chart.png": "",
      "data/facts.json": "{}",
    });
    expect(listSitePages(dir).map((page) => page.path)).toEqual([
      "/",
      "/.well-known/",
      "/assets/.hidden.html",
      "/assets/logo.svg",
      "/assets/p5.htm",
      "/assets/seite.XHTML",
      "/de/",
      "/de/404.html",
      "/en/",
      "/en/404.html",
    ]);
  });

  it("chooses documents by the type they are served with and what XML holds, not by a list of extensions", () => {
    const dir = temporaryDir("pages");
    const xhtml =
      '<html xmlns="http://www.w3.org/1999/xhtml"><script>document.title="ran"</script></html>';
    writeFiles(dir, {
      ...cleanSiteFiles(),
      "assets/p5.xht": xhtml,
      "assets/p6.xml": xhtml,
      "seite.shtml": "<!DOCTYPE html>",
      "formel.mml": '<math xmlns="http://www.w3.org/1998/Math/MathML"/>',
      "feed.rss": '<rss><h:script xmlns:h="http://www.w3.org/1999/xhtml">1</h:script></rss>',
      "data/daten.xml": "<daten><wert>1</wert></daten>",
      "robots.txt": "User-agent: *",
      _headers: "/*",
    });
    expect(listSitePages(dir).map((page) => page.path)).toEqual([
      "/",
      "/assets/p5.xht",
      "/assets/p6.xml",
      "/de/",
      "/de/404.html",
      "/en/",
      "/en/404.html",
      "/feed.rss",
      "/formel.mml",
      "/seite.shtml",
    ]);
  });

  it("fails with a clear message when the sitemap is missing", () => {
    const dir = temporaryDir("pages");
    writeFiles(dir, { "index.html": "<!DOCTYPE html>" });
    expect(() => listSitePages(dir)).toThrow(CouldNotCheckError);
    expect(() => listSitePages(dir)).toThrow(/sitemap\.xml" is missing/);
  });

  it("fails with a clear message when the sitemap lists no pages", () => {
    const dir = temporaryDir("pages");
    writeFiles(dir, { "sitemap.xml": sitemap([]) });
    expect(() => listSitePages(dir)).toThrow(/lists no pages/);
  });

  it("fails with a clear message when the site folder does not exist", () => {
    expect(() => listSitePages("/nonexistent/site")).toThrow(/Build the site first/);
  });
});

describe("fileForPath", () => {
  const dir = temporaryDir("files");
  writeFiles(dir, { "de/index.html": "x", "de/404.html": "x", "about.html": "x" });

  it("serves folders by their index.html and files as they are", () => {
    expect(fileForPath(dir, "/de/")).toBe(join(dir, "de", "index.html"));
    expect(fileForPath(dir, "/de/404.html")).toBe(join(dir, "de", "404.html"));
    expect(fileForPath(dir, "/about")).toBe(join(dir, "about.html"));
  });

  it("finds nothing for missing pages or paths outside the site", () => {
    expect(fileForPath(dir, "/en/")).toBeNull();
    expect(fileForPath(dir, "/../../etc/passwd")).toBeNull();
  });
});

describe("expectedLanguages", () => {
  it("expects the folder's language in a language folder and any language elsewhere", () => {
    expect(expectedLanguages("/de/nrw/", ["de", "en"])).toEqual(["de"]);
    expect(expectedLanguages("/en/404.html", ["de", "en"])).toEqual(["en"]);
    expect(expectedLanguages("/", ["de", "en"])).toEqual(["de", "en"]);
  });
});

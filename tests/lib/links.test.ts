import { describe, expect, it } from "vitest";
import { findBrokenLinks, type BuiltPage } from "../../src/lib/links.ts";

const baseUrl = "https://example.org";
const files = new Set(["/assets/site.css"]);
const fileExists = (pathname: string) => files.has(pathname);

function pages(html: Record<string, string>): BuiltPage[] {
  return Object.entries(html).map(([url, body]) => ({
    url,
    inputPath: `src/site${url}page.md`,
    html: body,
  }));
}

describe("findBrokenLinks", () => {
  it("accepts links to built pages, files and fragments that exist", () => {
    const site = pages({
      "/de/":
        '<a href="/en/#intro">x</a><a href="#main">y</a><main id="main"></main><link href="/assets/site.css">',
      "/en/": '<h2 id="intro">Intro</h2><a href="/de/index.html">z</a>',
    });
    expect(findBrokenLinks(site, { baseUrl, fileExists })).toEqual([]);
  });

  it("reports a link to a page that was not built", () => {
    const site = pages({ "/de/": '<a href="/de/fehlt/">x</a>' });
    expect(findBrokenLinks(site, { baseUrl, fileExists })).toEqual([
      {
        inputPath: "src/site/de/page.md",
        href: "/de/fehlt/",
        problem: "leads to a page that does not exist",
      },
    ]);
  });

  it("reports a fragment that is not on the target page", () => {
    const site = pages({ "/de/": '<a href="/en/#nowhere">x</a>', "/en/": "<p>no ids</p>" });
    expect(findBrokenLinks(site, { baseUrl, fileExists })[0]?.problem).toContain("#nowhere");
  });

  it("checks absolute links on the site's own address like relative ones", () => {
    const site = pages({ "/de/": '<link rel="canonical" href="https://example.org/de/gone/">' });
    expect(findBrokenLinks(site, { baseUrl, fileExists })).toHaveLength(1);
  });

  it("does not follow links to other hosts or mail addresses", () => {
    const site = pages({
      "/de/": '<a href="https://other.example/x">x</a><a href="mailto:a@b.c">m</a>',
    });
    expect(findBrokenLinks(site, { baseUrl, fileExists })).toEqual([]);
  });

  it("resolves relative links against the page's own address", () => {
    const site = pages({ "/de/a/": '<a href="../b/">b</a>', "/de/b/": "" });
    expect(findBrokenLinks(site, { baseUrl, fileExists })).toEqual([]);
  });

  it("reads tags and attributes in any case, with entities decoded, as HTML does", () => {
    const good = pages({
      "/de/": '<A HREF="/en/?a=1&amp;b=2#caf&eacute;">x</A><IMG SRC="/assets/site.css">',
      "/en/": '<h2 ID="café">Café</h2>',
    });
    const bad = pages({
      "/de/": '<A HREF="/en/?a=1&amp;b=2#caf&eacute;">x</A><IMG SRC="/assets/gone.css">',
      "/en/": '<h2 ID="cafe">Cafe</h2>',
    });
    expect(findBrokenLinks(good, { baseUrl, fileExists })).toEqual([]);
    expect(findBrokenLinks(bad, { baseUrl, fileExists }).map((link) => link.href)).toEqual([
      "/en/?a=1&b=2#café",
      "/assets/gone.css",
    ]);
  });

  it("takes the first of a repeated attribute, as browsers do", () => {
    const good = pages({ "/de/": '<a href="/de/" href="/de/gone/">x</a>' });
    const bad = pages({ "/de/": '<a href="/de/gone/" href="/de/">x</a>' });
    expect(findBrokenLinks(good, { baseUrl, fileExists })).toEqual([]);
    expect(findBrokenLinks(bad, { baseUrl, fileExists })).toHaveLength(1);
  });

  it("resolves a link from the site's root alike on every page and every base address", () => {
    const site = pages({ "/de/a/": '<a href="/de/b/">b</a>', "/de/b/": '<a href="/de/b/">b</a>' });
    expect(findBrokenLinks(site, { baseUrl, fileExists })).toEqual([]);
    expect(findBrokenLinks(site, { baseUrl: "https://other.example", fileExists })).toEqual([]);
    const alone = pages({ "/de/a/": '<a href="/de/b/">b</a>' });
    expect(
      findBrokenLinks(alone, { baseUrl: "https://other.example", fileExists })[0]?.problem,
    ).toBe("leads to a page that does not exist");
  });
});

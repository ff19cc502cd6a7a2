import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ContentError } from "../../src/lib/errors.ts";
import { checkPublishedFiles } from "../../src/lib/published-files.ts";
import { makeTempDir } from "../support/temp.ts";

const script = "<script>document.title = 'ran'</script>";
const xhtml = `<html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head><body>${script}</body></html>`;
const sitemap = `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
  <url><loc>https://example.org/de/</loc><xhtml:link rel="alternate" hreflang="en" href="https://example.org/en/"/></url>
</urlset>
`;

/** A built site with the files of a clean build and `extra`. */
async function builtSite(extra: Record<string, string> = {}): Promise<string> {
  const folder = await makeTempDir("gw-published-");
  const files = {
    "index.html": "<!DOCTYPE html><title>x</title>",
    "404.html": "<!DOCTYPE html><title>x</title>",
    "de/index.html": "<!DOCTYPE html><title>x</title>",
    "sitemap.xml": sitemap,
    "robots.txt": "User-agent: *\n",
    _headers: "/*\n  X-Content-Type-Options: nosniff\n",
    "data/facts.json": "{}",
    "data/dcat.ttl": "@prefix dcat: <http://www.w3.org/ns/dcat#> .\n",
    "assets/site.0123456789.css": "body{}",
    "assets/fonts/fira-sans-400.0123456789.woff2": "wOF2",
    "assets/favicon.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>',
    ...extra,
  };
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(folder, file)), { recursive: true });
    await writeFile(path.join(folder, file), content);
  }
  return folder;
}

async function problemOf(
  folder: string,
  producers?: Map<string, string>,
  root?: string,
): Promise<ContentError> {
  const error: unknown = await checkPublishedFiles(folder, "_site", producers, root).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ContentError);
  return error as ContentError;
}

describe("checkPublishedFiles", () => {
  it("passes what a clean build writes: pages, sitemap, robots file, host file, open data, fingerprinted assets", async () => {
    await expect(checkPublishedFiles(await builtSite(), "_site")).resolves.toBeUndefined();
  });

  it.each([
    [
      "an XHTML page among the assets",
      "assets/p5.xht",
      xhtml,
      "is not a type of file the site publishes from assets/",
    ],
    [
      "XML among the assets",
      "assets/p6.xml",
      xhtml,
      "is not a type of file the site publishes from assets/",
    ],
    [
      "an SVG that runs a script",
      "assets/logo.svg",
      `<svg xmlns="http://www.w3.org/2000/svg">${script}</svg>`,
      "has a <script> element",
    ],
    ["an XHTML page outside the assets", "p5.xht", xhtml, "is not a file the site publishes"],
    [
      "an HTML page named .shtml",
      "seite.shtml",
      `<!DOCTYPE html>${script}`,
      "is not a file the site publishes",
    ],
    [
      "XML that renders as XHTML",
      "p7.xml",
      xhtml,
      "holds the element <html> of http://www.w3.org/1999/xhtml",
    ],
    [
      "a hidden page",
      "de/.entwurf.html",
      `<!DOCTYPE html>${script}`,
      'is hidden (".entwurf.html" starts with a dot)',
    ],
    [
      "a file without a type",
      "de/seite",
      `<!DOCTYPE html>${script}`,
      "is not a file the site publishes",
    ],
  ])("refuses %s, naming the file", async (_case, file, content, reason) => {
    const error = await problemOf(await builtSite({ [file]: content }));
    expect(error.location.file).toBe(`_site/${file}`);
    expect(error.message).toContain(reason);
  });

  it("names the template that wrote a file, and the line of its permalink", async () => {
    const root = await makeTempDir("gw-published-root-");
    await mkdir(path.join(root, "src/site"), { recursive: true });
    await writeFile(
      path.join(root, "src/site/evil.njk"),
      "---\neleventyExcludeFromCollections: true\npermalink: /assets/p5.xht\n---\nx\n",
    );
    const folder = await builtSite({ "assets/p5.xht": xhtml });
    const error = await problemOf(folder, new Map([["assets/p5.xht", "src/site/evil.njk"]]), root);
    expect(error.location).toEqual({ file: "src/site/evil.njk", line: 3, key: "permalink" });
    expect(error.message).toMatch(
      /^writes _site\/assets\/p5\.xht, which is not a type of file the site publishes from assets\/.*; give the template another "permalink"$/,
    );
  });
});

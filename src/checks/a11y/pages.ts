import { existsSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { Parser } from "htmlparser2";
import { globSync } from "tinyglobby";
import { CouldNotCheckError } from "../gate.ts";
import { rendersAsDocument } from "../../lib/passive-files.ts";
import { projectFolders } from "../../lib/project.ts";
import type { SitePage } from "./types.ts";

/** Returns the text of every <url><loc> in a sitemap, in document order (alternate links are skipped). */
export function sitemapLocations(xml: string): string[] {
  const locations: string[] = [];
  const open: string[] = [];
  let text: string | null = null;
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === "loc" && open.at(-1) === "url") text = "";
        open.push(name);
      },
      ontext(data) {
        if (text !== null) text += data;
      },
      onclosetag(name) {
        open.pop();
        if (name === "loc" && text !== null) {
          locations.push(text.trim());
          text = null;
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  return locations;
}

/**
 * Maps a sitemap URL to its path on the site: the sitemap names pages on the public base URL,
 * the gate serves the same files locally.
 */
export function locationToPath(location: string): { path: string; origin: string } {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw new CouldNotCheckError(
      `The sitemap lists "${location}", which is not an absolute URL (expected e.g. https://example.org/de/).`,
    );
  }
  return { path: url.pathname + url.search, origin: url.origin };
}

/** Returns the built file that a static server sends for a URL path, or null if there is none. */
export function fileForPath(siteDir: string, urlPath: string): string | null {
  const root = resolve(siteDir);
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split("?")[0] ?? "");
  } catch {
    return null;
  }
  const base = resolve(root, `.${decoded}`);
  if (base !== root && !base.startsWith(root + sep)) return null;
  const candidates = decoded.endsWith("/")
    ? [join(base, "index.html")]
    : [base, `${base}.html`, join(base, "index.html")];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile()) ?? null;
}

/**
 * Every file of a built site (relative to `siteDir`) a browser shows as a document of its own
 * when it is opened, judged by the media type it is served with and, for XML, by what it holds
 * (see `rendersAsDocument`): HTML in any spelling (`.htm`, `.shtml`), XHTML (`.xht`), SVG,
 * which runs its scripts when opened directly (not as an `<img>`), MathML, and XML with
 * elements of those languages. Hidden files count: a static host serves them like any other.
 */
export function documentFiles(siteDir: string): string[] {
  return globSync("**/*", { cwd: siteDir, dot: true }).filter((file) =>
    rendersAsDocument(file, () => readFileSync(join(siteDir, file))),
  );
}

/** The URL path a static server serves a built file at: de/index.html → /de/, de/404.html → /de/404.html. */
export function pathOfHtmlFile(relativeFile: string): string {
  const path = `/${relativeFile.split(sep).join("/")}`;
  return path.endsWith("/index.html") ? path.slice(0, -"index.html".length) : path;
}

/**
 * Every page to check: every document of the built site (see `documentFiles`: pages left out of
 * the sitemap, 404 pages, the language chooser, and whatever else a browser would render,
 * whatever produced it) and every page the sitemap lists, each once, sorted by path. Public URLs use the sitemap's origin. Throws CouldNotCheckError when the folder or
 * the sitemap is missing or the sitemap lists no page.
 */
export function listSitePages(siteDir: string): SitePage[] {
  if (!existsSync(siteDir) || !statSync(siteDir).isDirectory()) {
    throw new CouldNotCheckError(
      `The built site folder "${siteDir}" does not exist. Build the site first (npm run build) or pass --site DIR.`,
    );
  }
  const sitemapFile = join(siteDir, "sitemap.xml");
  if (!existsSync(sitemapFile)) {
    throw new CouldNotCheckError(
      `"${relative(process.cwd(), sitemapFile)}" is missing, so the gate does not know the site's address. ` +
        `The build writes it from ${projectFolders.site}/sitemap.njk.`,
    );
  }
  const locations = sitemapLocations(readFileSync(sitemapFile, "utf8"));
  if (locations.length === 0) {
    throw new CouldNotCheckError(
      `"${relative(process.cwd(), sitemapFile)}" lists no pages (no <url><loc> entries); ` +
        "an empty check would prove nothing.",
    );
  }
  const mapped = locations.map(locationToPath);
  const origin = mapped[0]?.origin ?? "";
  const listed = new Set(mapped.map((m) => m.path));
  const built = documentFiles(siteDir).map(pathOfHtmlFile);
  return [...new Set([...listed, ...built])].sort().map((path) => ({
    path,
    url: origin + path,
    file: fileForPath(siteDir, path),
    inSitemap: listed.has(path),
  }));
}

/** The language folders a page may use: /de/… → ["de"]; anything else (the chooser) → all of them. */
export function expectedLanguages(path: string, languages: readonly string[]): readonly string[] {
  const folder = path.split("/")[1] ?? "";
  return languages.includes(folder) ? [folder] : languages;
}

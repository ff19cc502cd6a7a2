import { Parser } from "htmlparser2";

/** A built HTML page, with the source file it was made from. */
export interface BuiltPage {
  url: string;
  inputPath: string;
  html: string;
}

/** A link that leads nowhere on the site. */
export interface BrokenLink {
  inputPath: string;
  href: string;
  problem: string;
}

/** A link of a page, resolved against the page's address once, when the page is scanned. */
interface ScannedLink {
  href: string;
  /** The URL path it leads to on the site. */
  pathname: string;
  fragment: string;
}

/** What the link check needs of a built page: its ids and its links into the site. */
export interface ScannedPage {
  url: string;
  inputPath: string;
  ids: ReadonlySet<string>;
  links: readonly ScannedLink[];
}

const linkAttributes: Record<string, string> = { a: "href", link: "href", img: "src" };

/**
 * Reads a built page's ids and its links into the site; links to other hosts and to other
 * schemes (`mailto:`) are left out, absolute links on the site's own base URL are kept.
 */
export function scanPage(page: BuiltPage, baseUrl: string): ScannedPage {
  const base = new URL(baseUrl);
  const pageUrl = new URL(page.url, base);
  const ids = new Set<string>();
  const links: ScannedLink[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      if (attributes.id !== undefined) ids.add(attributes.id);
      const attribute = linkAttributes[name];
      const href = attribute === undefined ? undefined : attributes[attribute];
      if (href === undefined) return;
      const target = new URL(href, pageUrl);
      if (target.origin !== base.origin || !/^https?:$/.test(target.protocol)) return;
      links.push({
        href,
        pathname: target.pathname,
        fragment: decodeURIComponent(target.hash.slice(1)),
      });
    },
  });
  parser.end(page.html);
  return { url: page.url, inputPath: page.inputPath, ids, links };
}

/** The page a URL path is served from: `/de/` and `/de/index.html` are the same page. */
function pageKey(pathname: string): string {
  return pathname.endsWith("/index.html") ? pathname.slice(0, -"index.html".length) : pathname;
}

/**
 * Finds every link, stylesheet and image reference of scanned pages that points into the site
 * but to none of those pages, to no file and to no `#fragment` of its target page.
 */
export function findBrokenScannedLinks(
  pages: Iterable<ScannedPage>,
  fileExists: (pathname: string) => boolean,
): BrokenLink[] {
  const byKey = new Map<string, ScannedPage>();
  for (const page of pages) byKey.set(pageKey(page.url), page);
  const broken: BrokenLink[] = [];
  for (const page of byKey.values()) {
    for (const { href, pathname, fragment } of page.links) {
      const target = byKey.get(pageKey(pathname));
      if (target === undefined && !fileExists(pathname)) {
        broken.push({
          inputPath: page.inputPath,
          href,
          problem: "leads to a page that does not exist",
        });
      } else if (fragment !== "" && target?.ids.has(fragment) !== true) {
        broken.push({
          inputPath: page.inputPath,
          href,
          problem: `leads to "#${fragment}", which is not on the target page`,
        });
      }
    }
  }
  return broken;
}

/**
 * Finds every link, stylesheet and image reference that points into the site but to no
 * built page, file or `#fragment`. Links to other hosts are not followed (the build is offline);
 * absolute links on the site's own base URL are checked like relative ones.
 */
export function findBrokenLinks(
  pages: readonly BuiltPage[],
  options: { baseUrl: string; fileExists: (pathname: string) => boolean },
): BrokenLink[] {
  return findBrokenScannedLinks(
    pages.map((page) => scanPage(page, options.baseUrl)),
    options.fileExists,
  );
}

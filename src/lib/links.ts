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

interface PageScan {
  ids: Set<string>;
  links: string[];
}

const linkAttributes: Record<string, string> = { a: "href", link: "href", img: "src" };

function scan(html: string): PageScan {
  const ids = new Set<string>();
  const links: string[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      if (attributes.id !== undefined) ids.add(attributes.id);
      const attribute = linkAttributes[name];
      const target = attribute === undefined ? undefined : attributes[attribute];
      if (target !== undefined) links.push(target);
    },
  });
  parser.end(html);
  return { ids, links };
}

/** The page a URL path is served from: `/de/` and `/de/index.html` are the same page. */
function pageKey(pathname: string): string {
  return pathname.endsWith("/index.html") ? pathname.slice(0, -"index.html".length) : pathname;
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
  const base = new URL(options.baseUrl);
  const scans = new Map(pages.map((page) => [pageKey(page.url), scan(page.html)]));
  const broken: BrokenLink[] = [];
  for (const page of pages) {
    const pageUrl = new URL(page.url, base);
    for (const href of scans.get(pageKey(page.url))?.links ?? []) {
      const target = new URL(href, pageUrl);
      if (target.origin !== base.origin || !/^https?:$/.test(target.protocol)) continue;
      const targetScan = scans.get(pageKey(target.pathname));
      if (targetScan === undefined && !options.fileExists(target.pathname)) {
        broken.push({
          inputPath: page.inputPath,
          href,
          problem: "leads to a page that does not exist",
        });
        continue;
      }
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (fragment !== "" && targetScan?.ids.has(fragment) !== true) {
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

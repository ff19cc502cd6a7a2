import { Tokenizer } from "htmlparser2";

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

/**
 * Links written from the site's root (`/de/`, `/assets/site.css`) lead to the same place from
 * every page (whatever its path; `//host/` too), and every page has a score of them in its
 * menus: each is resolved once per base URL (resolving them on every page took about a fifth of
 * the link check's time).
 */
const rootLinks = new Map<string, Map<string, ScannedLink | undefined>>();

/** A link resolved against its page, or undefined when it leads off the site. */
function siteLink(href: string, pageUrl: URL, base: URL): ScannedLink | undefined {
  const fromRoot = href.startsWith("/");
  const cache = fromRoot ? rootLinks.get(base.href) : undefined;
  if (cache?.has(href) === true) return cache.get(href);
  const target = new URL(href, pageUrl);
  const link =
    target.origin !== base.origin || !/^https?:$/.test(target.protocol)
      ? undefined
      : { href, pathname: target.pathname, fragment: decodeURIComponent(target.hash.slice(1)) };
  if (fromRoot) {
    if (cache === undefined) rootLinks.set(base.href, new Map([[href, link]]));
    else cache.set(href, link);
  }
  return link;
}

const linkAttributes: Record<string, string> = { a: "href", link: "href", img: "src" };

/** A lower-cased name of a tag or attribute, or "" when it is longer than any the check reads. */
function shortName(html: string, start: number, end: number): string {
  return end - start > 4 ? "" : html.slice(start, end).toLowerCase();
}

/**
 * Reads the `id` of every start tag and the link attribute of `a`, `link` and `img` (names
 * lower-cased, the first of a repeated attribute kept, entities decoded), as htmlparser2's
 * `Parser` would hand them over, but from its `Tokenizer` alone: the parser builds every
 * attribute of every tag and keeps the element stack, which took about a third of the link
 * check's time.
 */
function readTags(html: string, onTag: (id: string | undefined, link: string | undefined) => void) {
  let linkAttribute: string | undefined;
  let id: string | undefined;
  let link: string | undefined;
  let reading: "id" | "link" | undefined;
  let value = "";
  const endTag = () => {
    if (id !== undefined || link !== undefined) onTag(id, link);
  };
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        linkAttribute = linkAttributes[shortName(html, start, end)];
        id = undefined;
        link = undefined;
      },
      onattribname(start, end) {
        const name = shortName(html, start, end);
        if (name === "id") reading = id === undefined ? "id" : undefined;
        else if (name === linkAttribute) reading = link === undefined ? "link" : undefined;
        else reading = undefined;
        value = "";
      },
      onattribdata(start, end) {
        if (reading !== undefined) value += html.slice(start, end);
      },
      onattribentity(codepoint) {
        if (reading !== undefined) value += String.fromCodePoint(codepoint);
      },
      onattribend() {
        if (reading === "id") id = value;
        else if (reading === "link") link = value;
        reading = undefined;
      },
      onopentagend: endTag,
      onselfclosingtag: endTag,
      oncdata() {},
      onclosetag() {},
      oncomment() {},
      ondeclaration() {},
      onend() {},
      onprocessinginstruction() {},
      ontext() {},
      ontextentity() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
}

/**
 * Reads a built page's ids and its links into the site; links to other hosts and to other
 * schemes (`mailto:`) are left out, absolute links on the site's own base URL are kept.
 */
export function scanPage(page: BuiltPage, baseUrl: string): ScannedPage {
  const base = new URL(baseUrl);
  const pageUrl = new URL(page.url, base);
  const ids = new Set<string>();
  const links: ScannedLink[] = [];
  readTags(page.html, (id, href) => {
    if (id !== undefined) ids.add(id);
    if (href === undefined) return;
    const link = siteLink(href, pageUrl, base);
    if (link !== undefined) links.push(link);
  });
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

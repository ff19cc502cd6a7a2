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

/** The attribute values of one start tag that the link check reads. */
interface TagAttributes {
  id?: string;
  link?: string;
}

/**
 * Reads the `id` of every start tag and the link attribute of `a`, `link` and `img` (names
 * lower-cased, the first of a repeated attribute kept, entities decoded), as htmlparser2's
 * `Parser` would hand them over, but from its `Tokenizer` alone: the parser builds every
 * attribute of every tag and keeps the element stack, which took about a third of the link
 * check's time.
 */
function readTags(html: string, onTag: (tag: TagAttributes) => void): void {
  let linkAttribute: string | undefined;
  let attributes: TagAttributes = {};
  let reading: keyof TagAttributes | undefined;
  let value = "";
  const endTag = () => {
    onTag(attributes);
    attributes = {};
  };
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        linkAttribute = linkAttributes[html.slice(start, end).toLowerCase()];
        attributes = {};
      },
      onattribname(start, end) {
        const name = html.slice(start, end).toLowerCase();
        reading = name === "id" ? "id" : name === linkAttribute ? "link" : undefined;
        if (reading !== undefined && attributes[reading] !== undefined) reading = undefined;
        value = "";
      },
      onattribdata(start, end) {
        if (reading !== undefined) value += html.slice(start, end);
      },
      onattribentity(codepoint) {
        if (reading !== undefined) value += String.fromCodePoint(codepoint);
      },
      onattribend() {
        if (reading !== undefined) attributes[reading] = value;
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
  readTags(page.html, ({ id, link: href }) => {
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

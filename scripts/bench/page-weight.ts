import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { Parser } from "htmlparser2";
import { globSync } from "tinyglobby";
import { fontFacesOf } from "../../src/lib/fonts.ts";

/** What a reader downloads for each page and the heaviest one, and the JavaScript the site ships. */
export interface PageWeight {
  /** Gzipped bytes of the heaviest page's HTML plus the stylesheets it loads. */
  maxGzipBytes: number;
  /** That page, relative to the site folder. */
  heaviestPage: string;
  /** HTML pages weighed. */
  pages: number;
  /** Every page, relative to the site folder, with the gzipped bytes of its HTML and stylesheets. */
  perPage: { page: string; gzipBytes: number }[];
  /** Bytes of `.js`/`.mjs`/`.cjs` files, inline `<script>` code and `on…` handler attributes. */
  jsBytes: number;
  /** Font files the stylesheets declare with `@font-face` and the site serves itself. */
  fontFiles: number;
  /** Their bytes together (WOFF2 is compressed already, so as they are sent). */
  fontBytes: number;
}

/** Script types that hold data, not code. */
const dataScriptTypes = /^(?:application\/(?:ld\+)?json|importmap|speculationrules)$/i;

/** The local stylesheets a page links to and the bytes of JavaScript written into it. */
export function scanPage(html: string): { stylesheets: string[]; inlineJsBytes: number } {
  const stylesheets: string[] = [];
  let inlineJsBytes = 0;
  let inScript = false;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === "link" && /(?:^|\s)stylesheet(?:\s|$)/i.test(attributes.rel ?? "")) {
        if (attributes.href !== undefined) stylesheets.push(attributes.href);
      }
      if (name === "script") inScript = !dataScriptTypes.test(attributes.type ?? "");
      for (const [attribute, value] of Object.entries(attributes)) {
        if (/^on/i.test(attribute)) inlineJsBytes += Buffer.byteLength(value);
        else if (/^\s*javascript:/i.test(value)) inlineJsBytes += Buffer.byteLength(value);
      }
    },
    ontext(text) {
      if (inScript) inlineJsBytes += Buffer.byteLength(text);
    },
    onclosetag(name) {
      if (name === "script") inScript = false;
    },
  });
  parser.end(html);
  return { stylesheets, inlineJsBytes };
}

function gzipSize(content: string | Buffer): number {
  return gzipSync(content).length;
}

/**
 * Weighs every HTML page of a built site as a first visit downloads it: the page and each
 * stylesheet it loads, each gzipped on its own (as a server sends them), summed. Also counts
 * every byte of JavaScript anywhere in the site, and the fonts the stylesheets declare.
 */
export function measurePageWeight(siteDir: string): PageWeight {
  const pages = globSync("**/*.html", { cwd: siteDir }).sort();
  const stylesheetSizes = new Map<string, number>();
  const stylesheetSize = (file: string) => {
    let size = stylesheetSizes.get(file);
    if (size === undefined) {
      size = gzipSize(readFileSync(file));
      stylesheetSizes.set(file, size);
    }
    return size;
  };
  let heaviest = { page: "", bytes: 0 };
  const perPage: PageWeight["perPage"] = [];
  const fonts = new Set<string>();
  let jsBytes = globSync("**/*.{js,mjs,cjs}", { cwd: siteDir }).reduce(
    (sum, file) => sum + readFileSync(path.join(siteDir, file)).length,
    0,
  );
  for (const page of pages) {
    const html = readFileSync(path.join(siteDir, page), "utf8");
    const { stylesheets, inlineJsBytes } = scanPage(html);
    jsBytes += inlineJsBytes;
    const pageUrl = new URL(`/${page}`, "http://site.invalid");
    const bytes = stylesheets.reduce((sum, href) => {
      const target = new URL(href, pageUrl);
      // Stylesheets from other hosts are not part of the site; the site loads none.
      if (target.origin !== pageUrl.origin) return sum;
      const file = path.join(siteDir, decodeURIComponent(target.pathname));
      for (const face of fontFacesOf(readFileSync(file, "utf8"))) {
        const font = new URL(face.url, target);
        if (font.origin === pageUrl.origin) fonts.add(decodeURIComponent(font.pathname));
      }
      return sum + stylesheetSize(file);
    }, gzipSize(html));
    perPage.push({ page, gzipBytes: bytes });
    if (bytes > heaviest.bytes) heaviest = { page, bytes };
  }
  return {
    maxGzipBytes: heaviest.bytes,
    heaviestPage: heaviest.page,
    pages: pages.length,
    perPage,
    jsBytes,
    fontFiles: fonts.size,
    fontBytes: [...fonts].reduce((sum, font) => sum + statSync(path.join(siteDir, font)).size, 0),
  };
}

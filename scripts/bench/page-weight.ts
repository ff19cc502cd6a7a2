import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { Parser } from "htmlparser2";
import { globSync } from "tinyglobby";

/** What a reader downloads for the heaviest page, and the JavaScript the site ships. */
export interface PageWeight {
  /** Gzipped bytes of the heaviest page's HTML plus the stylesheets it loads. */
  maxGzipBytes: number;
  /** That page, relative to the site folder. */
  heaviestPage: string;
  /** HTML pages weighed. */
  pages: number;
  /** Bytes of `.js`/`.mjs`/`.cjs` files, inline `<script>` code and `on…` handler attributes. */
  jsBytes: number;
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
 * every byte of JavaScript anywhere in the site.
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
      return sum + stylesheetSize(path.join(siteDir, decodeURIComponent(target.pathname)));
    }, gzipSize(html));
    if (bytes > heaviest.bytes) heaviest = { page, bytes };
  }
  return {
    maxGzipBytes: heaviest.bytes,
    heaviestPage: heaviest.page,
    pages: pages.length,
    jsBytes,
  };
}

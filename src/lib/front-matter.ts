import matter from "gray-matter";
import { load, type LoadOptions } from "js-yaml";

/** A page's front matter and body, as Eleventy reads them. */
export interface FrontMatterParts {
  /** The front matter's fields (empty when the page has none). */
  data: Record<string, unknown>;
  /** The front matter as written, between the `---` lines. */
  frontMatterText: string;
  /** Everything after the front matter. */
  body: string;
  /** The 1-based line of the file on which the body starts. */
  bodyLine: number;
}

// The options Eleventy passes for YAML (its `frontMatterParsingOptions`). Passing options also
// keeps gray-matter from caching every page's text for the life of the process.
const options = { engines: { yaml: (text: string) => load(text) as object } };

/**
 * Reads a page's front matter with the parser Eleventy itself uses (gray-matter with js-yaml),
 * so the checks see exactly the fields the build sees. Throws js-yaml's `YAMLException`, whose
 * `mark.line` counts from the opening `---` line (0-based), when the YAML is not valid.
 */
export function readFrontMatter(text: string): FrontMatterParts {
  const file = matter(text, options);
  const data = file.data as unknown;
  const head = text.slice(0, text.length - file.content.length);
  return {
    data:
      typeof data === "object" && data !== null && !Array.isArray(data)
        ? (data as Record<string, unknown>)
        : {},
    frontMatterText: file.matter.replace(/^\r?\n/, ""),
    body: file.content,
    bodyLine: head.split("\n").length,
  };
}

/** A page's front matter and body as text, split where Eleventy's parser splits them. */
export interface SplitPage {
  /** The front matter as written, between the `---` lines. */
  frontMatterText: string;
  /** Everything after the front matter. */
  body: string;
  /** The 1-based line of the file on which the body starts. */
  bodyLine: number;
}

const frontMatterBlock = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

/**
 * Splits a page into front matter and body without reading the fields (a page without front
 * matter is all body): for line numbers and versions, where parsing the YAML of thousands of
 * pages again would be wasted (`readFrontMatter` reads the fields).
 */
export function splitPage(text: string): SplitPage {
  const match = frontMatterBlock.exec(text);
  if (match === null) return { frontMatterText: "", body: text, bodyLine: 1 };
  return {
    frontMatterText: match[1] ?? "",
    body: text.slice(match[0].length),
    bodyLine: match[0].split("\n").length,
  };
}

/** Front matter parsed once, for the source check and for Eleventy (see `createFrontMatterShare`). */
export interface FrontMatterShare {
  /** Parses the front matter text `splitPage` cuts from a page, and keeps the result for Eleventy. */
  load: (frontMatterText: string) => unknown;
  /**
   * A YAML engine for Eleventy's front matter parser (gray-matter), which hands over the text
   * after the opening `---`, its line break included: a text parsed by `load` is handed back
   * once, any other (a page saved since, in `npm start`) parsed as Eleventy's own engine does.
   */
  yaml: (block: string, options?: LoadOptions) => unknown;
}

/**
 * Lets the source check hand the front matter it parsed to Eleventy, which would parse the
 * same text again (js-yaml took about 0.1 s per 4,000 pages). Both parse with js-yaml's `load`.
 */
export function createFrontMatterShare(): FrontMatterShare {
  const parsed = new Map<string, unknown>();
  return {
    load(frontMatterText) {
      const data = load(frontMatterText);
      parsed.set(`\n${frontMatterText}`, data);
      return data;
    },
    yaml(block, options) {
      if (!parsed.has(block)) return load(block, options);
      const data = parsed.get(block);
      parsed.delete(block);
      return data;
    },
  };
}

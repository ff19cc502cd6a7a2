import matter from "gray-matter";
import { load } from "js-yaml";

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

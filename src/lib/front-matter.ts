import { CORE_SCHEMA, load } from "js-yaml";

/** A page's front matter and body as text, split where Eleventy's parser splits them. */
export interface SplitPage {
  /**
   * The word after the opening `---` (`js` in `---js` or `--- js`), which makes Eleventy read
   * the front matter as that language; empty for YAML, the only kind the site reads.
   */
  frontMatterKind: string;
  /**
   * The text Eleventy's parser hands its YAML engine: everything after the opening `---` up to
   * the closing one, starting with the rest of the opening line (so its line 0 is the file's
   * line 1). Empty when the page has no front matter.
   */
  block: string;
  /** The front matter as written, between the `---` lines (its first line is the file's line 2). */
  frontMatterText: string;
  /** Everything after the front matter. */
  body: string;
  /** The 1-based line of the file on which the body starts. */
  bodyLine: number;
}

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

const opening = "---";
const closing = "\n---";

/**
 * Splits a page into front matter and body exactly where Eleventy's front matter parser
 * (`@11ty/gray-matter`, `parseMatter`) splits it, without reading the fields: the opening
 * `---` must start the file (a byte-order mark aside) and not be followed by a fourth dash;
 * the rest of its line names the language; the front matter ends at the first line that
 * *starts* with `---` (so `---  ` and `--- x` close it too, the rest of that line beginning
 * the body), or at the end of the file. Every check and message of the project counts lines
 * from this one split, so they agree with each other and with the build.
 */
export function splitPage(text: string): SplitPage {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!source.startsWith(opening) || source.charAt(opening.length) === "-") {
    return { frontMatterKind: "", block: "", frontMatterText: "", body: source, bodyLine: 1 };
  }
  let rest = source.slice(opening.length);
  // gray-matter's reading of the opening line: up to the first line break (without one, all
  // but the last character), trimmed; only a language cuts the line off the front matter.
  const openingLine = rest.slice(0, rest.search(/\r?\n/));
  const frontMatterKind = openingLine.trim();
  if (frontMatterKind !== "") rest = rest.slice(openingLine.length);
  const closeIndex = rest.indexOf(closing);
  const block = closeIndex === -1 ? rest : rest.slice(0, closeIndex);
  let body = closeIndex === -1 ? "" : rest.slice(closeIndex + closing.length);
  if (body.startsWith("\r")) body = body.slice(1);
  if (body.startsWith("\n")) body = body.slice(1);
  const head = source.slice(0, source.length - body.length);
  const firstBreak = block.indexOf("\n");
  return {
    frontMatterKind,
    block,
    frontMatterText: firstBreak === -1 ? "" : block.slice(firstBreak + 1).replace(/\r$/, ""),
    body,
    bodyLine: head.split("\n").length,
  };
}

/**
 * How the site reads YAML front matter, in the source check, the other checks and Eleventy
 * alike: js-yaml's core schema, so merge keys (`<<:`), timestamps and the other types of
 * YAML 1.1 are not read into values a page never means to set (`<<` is read as a field of its
 * own, which pages may not use, and so named with its line).
 */
const yamlOptions = { schema: CORE_SCHEMA };

/**
 * The fields of a split page's front matter: empty when it has none or only comments (as
 * gray-matter has it). Throws js-yaml's `YAMLException`, whose `mark.line` counts from 0 on
 * the opening `---` line (so it is the file's line minus one), when the YAML is not valid.
 */
export function parseFrontMatterBlock(block: string): unknown {
  if (block.replace(/^\s*#[^\n]+/gm, "").trim() === "") return {};
  return load(block, yamlOptions) ?? {};
}

/**
 * Reads a page's front matter where Eleventy itself splits it (see `splitPage`) and with the
 * YAML reading the build uses, so the checks see exactly the fields the build sees. Throws
 * js-yaml's `YAMLException` (see `parseFrontMatterBlock`) when the YAML is not valid.
 */
export function readFrontMatter(text: string): FrontMatterParts {
  const page = splitPage(text);
  const data = parseFrontMatterBlock(page.block);
  return {
    data:
      typeof data === "object" && data !== null && !Array.isArray(data)
        ? (data as Record<string, unknown>)
        : {},
    frontMatterText: page.frontMatterText,
    body: page.body,
    bodyLine: page.bodyLine,
  };
}

/** Front matter parsed once, for the source check and for Eleventy (see `createFrontMatterShare`). */
export interface FrontMatterShare {
  /** Parses a split page's front matter (see `parseFrontMatterBlock`), kept for Eleventy. */
  load: (page: SplitPage) => unknown;
  /**
   * The YAML engine for Eleventy's front matter parser, which hands over the page's `block`:
   * a block parsed by `load` is handed back once, any other (a page saved since, in
   * `npm start`, or a layout's front matter) parsed the same way.
   */
  yaml: (block: string) => unknown;
}

/**
 * Lets the source check hand the front matter it parsed to Eleventy, which would parse the
 * same text again (js-yaml took about 0.1 s per 4,000 pages), and makes Eleventy read every
 * front matter as the checks do.
 */
export function createFrontMatterShare(): FrontMatterShare {
  const parsed = new Map<string, unknown>();
  return {
    load(page) {
      const data = parseFrontMatterBlock(page.block);
      parsed.set(page.block, data);
      return data;
    },
    yaml(block) {
      if (!parsed.has(block)) return parseFrontMatterBlock(block);
      const data = parsed.get(block);
      parsed.delete(block);
      return data;
    },
  };
}

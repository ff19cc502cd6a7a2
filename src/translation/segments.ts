import type { Token } from "markdown-it";
import { frontMatterLine } from "../lib/pages.ts";
import { createSlugger } from "../lib/slug.ts";
import { splitPage } from "../lib/front-matter.ts";
import { translatedFields } from "../lib/translation-version.ts";
import {
  hasTranslatableText,
  markdown,
  parseMarkdownInline,
  parseTextInline,
  readableText,
  type Inline,
} from "./inline.ts";

/** What kind of text a segment is: it makes the id and tells translators what they translate. */
export type SegmentKind = "title" | "navTitle" | "description" | "h" | "p" | "li" | "q" | "cell";

/** A translatable piece of a page or locale file. */
export interface Segment {
  /**
   * Stable across exports: a locale text's key (`common.skipLink`); for a page
   * `<translationKey>:<field>` for its front matter and `<translationKey>:<section>:<kind><n>`
   * for its blocks, where the section is the id of the German heading above (`top` before the
   * first) and n counts the blocks of that kind in the section.
   */
  id: string;
  kind: SegmentKind | "text";
  /** How its translation is written: Markdown (page blocks) or as plain text. */
  format: "markdown" | "text";
  /** The 1-based line of the file on which it starts. */
  line: number;
  /** The text of the heading above it, for a page block. */
  heading?: string;
  content: Inline[];
}

/** A segment of a page's body, with where its text stands in the page's source. */
export interface BlockSegment extends Segment {
  /** Offsets in the page's whole source: `text.slice(start, end)` is the segment's Markdown. */
  start: number;
  end: number;
}

/** A page read into segments. */
export interface PageSegments {
  fields: Segment[];
  blocks: BlockSegment[];
  /**
   * The page's body with every block's text taken out, whitespace normalised: two pages with
   * the same skeleton have the same structure (headings, lists, tables, template code).
   */
  skeleton: string;
}

/** The offset at which each line of `text` starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) {
    starts.push(index + 1);
  }
  return starts;
}

interface RawBlock {
  kind: "h" | "p" | "li" | "q" | "cell";
  start: number;
  end: number;
  line: number;
  source: string;
}

/**
 * Where an inline token's content stands in the body. markdown-it gives the lines; within them
 * a paragraph's first line ends with the content's first line and its last line holds the
 * content's last line, after any list marker, indentation or `>`.
 */
function locateLines(body: string, starts: number[], first: number, content: string) {
  const contentLines = content.split("\n");
  const lineText = (line: number) =>
    body.slice(starts[line] ?? body.length, (starts[line + 1] ?? body.length + 1) - 1);
  const firstText = lineText(first);
  const lastLine = first + contentLines.length - 1;
  const lastText = lineText(lastLine);
  const firstContent = contentLines[0] ?? "";
  const lastContent = contentLines[contentLines.length - 1] ?? "";
  const startColumn = firstText.lastIndexOf(firstContent.trimEnd());
  const endColumn = lastText.lastIndexOf(lastContent) + lastContent.length;
  if (startColumn === -1 || endColumn < lastContent.length) return undefined;
  return { start: (starts[first] ?? 0) + startColumn, end: (starts[lastLine] ?? 0) + endColumn };
}

function rawBlocks(body: string): RawBlock[] {
  const starts = lineStarts(body);
  const blocks: RawBlock[] = [];
  const containers: string[] = [];
  let rowLine = 0;
  let rowCursor = 0;
  let kind: RawBlock["kind"] = "p";
  for (const token of markdown.parse(body, {})) {
    if (token.type === "list_item_open" || token.type === "blockquote_open") {
      containers.push(token.type === "list_item_open" ? "li" : "q");
    } else if (token.type === "list_item_close" || token.type === "blockquote_close") {
      containers.pop();
    } else if (token.type === "tr_open") {
      rowLine = token.map?.[0] ?? 0;
      rowCursor = starts[rowLine] ?? 0;
    } else if (token.type === "heading_open") kind = "h";
    else if (token.type === "paragraph_open") {
      kind = (containers[containers.length - 1] as RawBlock["kind"] | undefined) ?? "p";
    } else if (token.type === "th_open" || token.type === "td_open") kind = "cell";
    else if (token.type === "inline") {
      const block = locateInline(body, starts, token, kind, rowLine, rowCursor);
      if (block === undefined) continue;
      if (kind === "cell") rowCursor = block.end;
      blocks.push(block);
    }
  }
  return blocks;
}

function locateInline(
  body: string,
  starts: number[],
  token: Token,
  kind: RawBlock["kind"],
  rowLine: number,
  rowCursor: number,
): RawBlock | undefined {
  if (token.content.trim() === "") return undefined;
  if (kind === "cell") {
    // markdown-it takes the backslash off a cell's `\|` (every other `|` ends the cell).
    const written = token.content.replace(/\|/g, "\\|");
    const start = body.indexOf(written, rowCursor);
    if (start === -1) return undefined;
    const end = start + written.length;
    return { kind, start, end, line: rowLine, source: token.content };
  }
  const line = token.map?.[0];
  if (line === undefined) return undefined;
  const range = locateLines(body, starts, line, token.content);
  if (range === undefined) return undefined;
  return { kind, ...range, line, source: token.content };
}

/**
 * Reads a page into segments: the translated front-matter fields and every block of its body
 * with text to translate (headings, paragraphs, list items, quotes, table cells). Blocks of
 * template code alone stay with the page's structure. Ids are made from `translationKey` and
 * the page's own headings; a translation that follows its German page is matched to it block
 * by block, so it takes the German ids.
 */
export function pageSegments(
  text: string,
  translationKey: string,
  data: Record<string, unknown>,
  describe: (code: string) => string,
): PageSegments {
  const { body, bodyLine } = splitPage(text);
  const bodyOffset = text.length - body.length;
  const fields = translatedFields.flatMap((field): Segment[] => {
    const value = data[field];
    if (typeof value !== "string") return [];
    return [
      {
        id: `${translationKey}:${field}`,
        kind: field,
        format: "text",
        line: frontMatterLine(text, field) ?? 1,
        content: parseTextInline(value, false),
      },
    ];
  });
  const slug = createSlugger();
  let section = slug("top");
  let heading: string | undefined;
  let counts = new Map<string, number>();
  const blocks: BlockSegment[] = [];
  let skeleton = "";
  let at = 0;
  for (const block of rawBlocks(body)) {
    const content = parseMarkdownInline(block.source, describe);
    if (block.kind === "h") {
      heading = readableText(content);
      section = slug(heading);
      counts = new Map();
    }
    if (!hasTranslatableText(content)) continue;
    const count = (counts.get(block.kind) ?? 0) + 1;
    counts.set(block.kind, count);
    blocks.push({
      id: `${translationKey}:${section}:${block.kind}${count}`,
      kind: block.kind,
      format: "markdown",
      line: bodyLine + block.line,
      ...(heading === undefined || block.kind === "h" ? {} : { heading }),
      content,
      start: bodyOffset + block.start,
      end: bodyOffset + block.end,
    });
    skeleton += `${body.slice(at, block.start)}\u0000`;
    at = block.end;
  }
  skeleton += body.slice(at);
  return { fields, blocks, skeleton: skeleton.replace(/[ \t\r\n]+/g, " ").trim() };
}

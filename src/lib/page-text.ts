/**
 * The text of a page's Markdown body, block by block, with where each block and each of its
 * characters stands in the file: the one reader of page text for every check (the duplicate
 * check's blocks and line ranges, the Leichte Sprache rules' line and column of a word, the
 * translation check's heading outline).
 */
import MarkdownIt from "markdown-it";

// Only the block structure is parsed: the site's Markdown plugins change inline markup only, and
// skipping markdown-it's inline parser makes the checks several times faster. Inline tokens
// keep their source text in `content`.
const blockParser = new MarkdownIt({ html: false });
blockParser.core.ruler.disable(["inline", "text_join"]);

/** What a block of text is on the page. */
export type TextBlockKind = "heading" | "paragraph" | "list item" | "blockquote" | "table cell";

/** A place in a file: 1-based line and column. */
export interface TextPosition {
  line: number;
  column: number;
}

/** The lines of a page body, split once for all its blocks and only when a column is asked. */
class BodyLines {
  private lines: string[] | undefined;

  constructor(private readonly body: string) {}

  line(index: number): string {
    this.lines ??= this.body.split("\n");
    return this.lines[index] ?? "";
  }
}

/** A heading, paragraph, list item paragraph, quotation paragraph or table cell of a page. */
export class PageTextBlock {
  private readable: string | undefined;

  constructor(
    readonly kind: TextBlockKind,
    /** The block's Markdown as written, inline syntax included, without list markers, `>` or indentation. */
    readonly source: string,
    /** The first and last line of the file the block stands on (1-based, front matter counted). */
    readonly startLine: number,
    readonly endLine: number,
    /** A heading's level, 1 to 6 (0 for other blocks). */
    readonly level: number,
    private readonly lines: BodyLines,
    /** Where the block starts in its first line, when it is known (a table cell in its row). */
    private readonly firstColumn: number | undefined,
    private readonly bodyLine: number,
  ) {}

  /**
   * The block's text as readers see it: `source` with Markdown's inline syntax blanked out (see
   * `readableText`), so an offset in it is an offset in `source` too.
   */
  get text(): string {
    this.readable ??= readableText(this.source);
    return this.readable;
  }

  /** The 1-based line and column in the file of an offset in `source` (or in `text`). */
  position(offset: number): TextPosition {
    const contentLines = this.source.split("\n");
    let start = 0;
    for (const [index, text] of contentLines.entries()) {
      const end = start + text.length;
      if (offset <= end || index === contentLines.length - 1) {
        const bodyIndex = this.startLine - this.bodyLine + index;
        return {
          line: this.startLine + index,
          column: this.columnOf(bodyIndex, text, index) + offset - start,
        };
      }
      start = end + 1;
    }
    return { line: this.startLine, column: 1 };
  }

  /**
   * Where a line of the block's content starts in its source line: the content stands at the
   * end of it, after any list marker, indentation or `>` markdown-it removed.
   */
  private columnOf(bodyIndex: number, text: string, index: number): number {
    if (index === 0 && this.firstColumn !== undefined) return this.firstColumn;
    const found = text.trim() === "" ? -1 : this.lines.line(bodyIndex).lastIndexOf(text.trimEnd());
    return Math.max(found, 0) + 1;
  }
}

const containerKinds: Partial<Record<string, TextBlockKind>> = {
  list_item_open: "list item",
  blockquote_open: "blockquote",
};

/**
 * The text blocks of a page body, in the order of the page. `bodyLine` is the file's line on
 * which the body starts (front matter counted), so every position is the file's own.
 */
export function pageTextBlocks(body: string, bodyLine: number): PageTextBlock[] {
  const lines = new BodyLines(body);
  const blocks: PageTextBlock[] = [];
  const containers: TextBlockKind[] = [];
  let row: { line: number; cursor: number } | undefined;
  let heading = 0;
  let inCell = false;
  for (const token of blockParser.parse(body, {})) {
    const container = containerKinds[token.type];
    if (container !== undefined) containers.push(container);
    else if (token.type === "list_item_close" || token.type === "blockquote_close") {
      containers.pop();
    } else if (token.type === "tr_open") row = { line: token.map?.[0] ?? 0, cursor: 0 };
    else if (token.type === "heading_open") heading = Number(token.tag.slice(1));
    else if (token.type === "heading_close") heading = 0;
    else if (token.type === "th_open" || token.type === "td_open") inCell = true;
    else if (token.type === "th_close" || token.type === "td_close") inCell = false;
    else if (token.type === "inline") {
      // A table cell has no lines of its own: it stands in its row, after the cells before it.
      let firstColumn: number | undefined;
      const cellRow = inCell ? row : undefined;
      const map = cellRow === undefined ? token.map : [cellRow.line, cellRow.line + 1];
      if (map === null) continue;
      if (cellRow !== undefined) {
        const found = lines.line(cellRow.line).indexOf(token.content, cellRow.cursor);
        cellRow.cursor = found === -1 ? cellRow.cursor : found + token.content.length;
        firstColumn = Math.max(found, 0) + 1;
      }
      const [first = 0, end = first + 1] = map;
      const kind: TextBlockKind =
        heading > 0 ? "heading" : inCell ? "table cell" : (containers.at(-1) ?? "paragraph");
      blocks.push(
        new PageTextBlock(
          kind,
          token.content,
          bodyLine + first,
          bodyLine + end - 1,
          heading,
          lines,
          firstColumn,
          bodyLine,
        ),
      );
    }
  }
  return blocks;
}

// Link targets, attribute lists and `{% fact %}` shortcodes are not text readers see: their
// brackets would count as parentheses and their paths as words.
const inlineSyntax = /\]\([^)\n]*\)|\{[^}\n]*\}|[[\]*_`]/g;

/**
 * A block's text as readers see it: Markdown's inline syntax (link targets, `{lang=…}`,
 * emphasis marks, brackets) blanked out by spaces, so every character keeps its offset and
 * `position` still finds it in the file.
 */
export function readableText(source: string): string {
  return source.replace(inlineSyntax, (match) => " ".repeat(match.length));
}

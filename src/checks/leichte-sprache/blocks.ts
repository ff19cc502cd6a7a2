import MarkdownIt from "markdown-it";

/** A heading, paragraph or list item of a page, as readers see its text. */
export interface TextBlock {
  /**
   * The block's text with Markdown's inline syntax (link targets, `{lang=…}`, emphasis marks,
   * brackets) blanked out by spaces, so every character keeps its offset from the source.
   */
  text: string;
  /** The 1-based line and column in the file of an offset in `text`. */
  position(offset: number): { line: number; column: number };
}

const markdown = new MarkdownIt({ html: false });

// Link targets, attribute lists and `{% fact %}` shortcodes are not text readers see: their brackets would count as
// parentheses and their paths as words.
const inlineSyntax = /\]\([^)\n]*\)|\{[^}\n]*\}|[[\]*_`]/g;

function blank(text: string): string {
  return text.replace(inlineSyntax, (match) => " ".repeat(match.length));
}

/**
 * The text blocks of a page body. markdown-it gives each block its source lines (`token.map`,
 * counted from the start of the body); `bodyLine` adds the front matter back, so positions are
 * the file's own. A block's content has its list indentation removed: each of its lines is
 * found again in the source line to get the column.
 */
export function textBlocks(body: string, bodyLine: number): TextBlock[] {
  const sourceLines = body.split("\n");
  const blocks: TextBlock[] = [];
  for (const token of markdown.parse(body, {})) {
    if (token.type !== "inline" || token.map === null) continue;
    const firstLine = token.map[0];
    const lines = token.content.split("\n");
    const starts: { offset: number; line: number; column: number }[] = [];
    let offset = 0;
    lines.forEach((line, index) => {
      const source = sourceLines[firstLine + index] ?? "";
      starts.push({
        offset,
        line: bodyLine + firstLine + index,
        column: Math.max(source.indexOf(line), 0) + 1,
      });
      offset += line.length + 1;
    });
    blocks.push({
      text: blank(token.content),
      position(at: number) {
        const start = starts.findLast((candidate) => candidate.offset <= at) ?? starts[0];
        return start === undefined
          ? { line: bodyLine + firstLine, column: 1 }
          : { line: start.line, column: start.column + at - start.offset };
      },
    });
  }
  return blocks;
}

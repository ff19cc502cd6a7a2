import MarkdownIt, { type Token } from "markdown-it";

// Only the block structure is parsed: the site's Markdown plugins change inline markup only, and
// skipping markdown-it's inline parser makes the checks several times faster. Inline tokens
// keep their source text in `content`.
const blockParser = new MarkdownIt({ html: false });
blockParser.core.ruler.disable(["inline", "text_join"]);

/**
 * A page body's block tokens (headings, paragraphs, lists, tables, quotations), each with its
 * `map` of 0-based body lines; one parser set up once for every check.
 */
export function markdownBlocks(body: string): Token[] {
  return blockParser.parse(body, {});
}

import MarkdownIt from "markdown-it";
import { makeBlock } from "./block.ts";
import { markdownLanguage } from "./language.ts";
import type { Block, BlockKind, ExtractedFile } from "./types.ts";

// Only the block structure is parsed: inline markup (emphasis, links, the
// site's attribute lists and bracketed spans) is removed by the normaliser,
// which is much faster than markdown-it's inline parser.
const markdown = new MarkdownIt({ html: false });
markdown.core.ruler.disable(["inline", "text_join"]);

const FRONT_MATTER = /^\uFEFF?---[^\n]*\n(?:[\s\S]*?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const FRONT_MATTER_LANG = /^lang:[ \t]*["']?([A-Za-z-]+)/m;

const CONTAINER_KINDS: Partial<Record<string, BlockKind>> = {
  list_item_open: "list item",
  blockquote_open: "blockquote",
};

/**
 * Splits a Markdown page into blocks: each paragraph, list item paragraph,
 * heading, table cell and blockquote paragraph. Line numbers are the file's
 * own, front matter included (markdown-it counts from the end of it).
 */
export function extractMarkdown(path: string, content: string): ExtractedFile {
  const frontMatter = FRONT_MATTER.exec(content)?.[0] ?? "";
  const lineOffset = frontMatter.split("\n").length - 1;
  const lang = markdownLanguage(path, FRONT_MATTER_LANG.exec(frontMatter)?.[1]);
  const tokens = markdown.parse(content.slice(frontMatter.length), {});

  const blocks: Block[] = [];
  const containers: BlockKind[] = [];
  let rowMap: [number, number] | null = null;
  let inHeading = false;
  let inTableCell = false;

  for (const token of tokens) {
    const container = CONTAINER_KINDS[token.type];
    if (container !== undefined) containers.push(container);
    else if (token.type === "list_item_close" || token.type === "blockquote_close")
      containers.pop();
    else if (token.type === "tr_open") rowMap = token.map;
    else if (token.type === "heading_open") inHeading = true;
    else if (token.type === "heading_close") inHeading = false;
    else if (token.type === "th_open" || token.type === "td_open") inTableCell = true;
    else if (token.type === "th_close" || token.type === "td_close") inTableCell = false;
    else if (token.type === "inline") {
      const map = token.map ?? rowMap;
      if (map === null) continue;
      const kind: BlockKind = inHeading
        ? "heading"
        : inTableCell
          ? "table cell"
          : (containers.at(-1) ?? "paragraph");
      const block = makeBlock(
        kind,
        lineOffset + map[0] + 1,
        lineOffset + map[1],
        lang,
        token.content,
      );
      if (block !== undefined) blocks.push(block);
    }
  }
  return { path, format: "markdown", blocks };
}

import { readFrontMatter, type FrontMatterParts } from "../../lib/front-matter.ts";
import { markdownBlocks } from "../markdown-blocks.ts";
import { makeBlock } from "./block.ts";
import { markdownLanguage } from "./language.ts";
import type { Block, BlockKind, ExtractedFile } from "./types.ts";

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
  let page: FrontMatterParts;
  try {
    page = readFrontMatter(content);
  } catch (error) {
    // The build names the broken line; this check cannot know where the text starts.
    return {
      path,
      format: "markdown",
      blocks: [],
      warning: `${path}: the front matter is not valid YAML (${(error as Error).message.split("\n")[0] ?? ""}), so the page was not checked.`,
    };
  }
  const lineOffset = page.bodyLine - 1;
  const lang = markdownLanguage(
    path,
    typeof page.data.lang === "string" ? page.data.lang : undefined,
  );
  const tokens = markdownBlocks(page.body);

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

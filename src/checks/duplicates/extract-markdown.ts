import { readFrontMatter, type FrontMatterParts } from "../../lib/front-matter.ts";
import { pageTextBlocks } from "../../lib/page-text.ts";
import { makeBlock } from "./block.ts";
import { markdownLanguage } from "./language.ts";
import type { ExtractedFile } from "./types.ts";

/**
 * Splits a Markdown page into blocks: each paragraph, list item paragraph,
 * heading, table cell and blockquote paragraph, as the checks' one reader of
 * page text gives them. Line numbers are the file's own, front matter included.
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
  const lang = markdownLanguage(
    path,
    typeof page.data.lang === "string" ? page.data.lang : undefined,
  );
  const blocks = pageTextBlocks(page.body, page.bodyLine).flatMap(
    (block) => makeBlock(block.kind, block.startLine, block.endLine, lang, block.source) ?? [],
  );
  return { path, format: "markdown", blocks };
}

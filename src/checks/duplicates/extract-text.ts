import { makeBlock } from "./block.ts";
import type { Block, ExtractedFile } from "./types.ts";

/**
 * Splits plain text into blocks separated by blank lines, as text pasted
 * from another website usually comes.
 */
export function extractText(path: string, content: string, lang: string): ExtractedFile {
  const lines = content.split(/\r?\n/);
  const blocks: Block[] = [];
  let start = -1;
  lines.push("");
  lines.forEach((line, index) => {
    const blank = line.trim() === "";
    if (!blank && start === -1) start = index;
    if (blank && start !== -1) {
      const block = makeBlock(
        "paragraph",
        start + 1,
        index,
        lang,
        lines.slice(start, index).join(" "),
      );
      if (block !== undefined) blocks.push(block);
      start = -1;
    }
  });
  return { path, format: "text", blocks };
}

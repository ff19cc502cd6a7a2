import type { Located } from "./located.ts";
import type { Block, ExtractedFile } from "./types.ts";

/**
 * Each heading together with the blocks up to the next heading, as one
 * comparable unit. Only sections with a body block long enough to be
 * compared on its own are included: a bare heading such as "Kontakt", or one
 * followed by a few short lines, legitimately recurs. A section can only
 * stand twice if each of its long blocks does, so sections with a long block
 * that `isRepeated` rejects are left out, which spares joining all text.
 */
export function headingSections(
  files: ExtractedFile[],
  isRepeated: (block: Block) => boolean,
): Located[] {
  return files.flatMap((file, fileIndex) => {
    const sections: Located[] = [];
    file.blocks.forEach((heading, first) => {
      if (heading.kind !== "heading") return;
      let last = first;
      while (last + 1 < file.blocks.length && file.blocks[last + 1]?.kind !== "heading") last++;
      const parts = file.blocks.slice(first, last + 1);
      const body = parts.slice(1);
      if (!body.some((part) => part.comparable)) return;
      if (!body.every((part) => !part.comparable || isRepeated(part))) return;
      const normalised = parts.map((part) => part.normalised).join("\n");
      sections.push({
        fileIndex,
        file,
        first,
        last,
        block: {
          kind: "section",
          startLine: heading.startLine,
          endLine: parts.at(-1)?.endLine ?? heading.endLine,
          lang: heading.lang,
          rawText: heading.rawText,
          normalised,
          comparable: true,
        },
      });
    });
    return sections;
  });
}

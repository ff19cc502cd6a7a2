import { isLongEnough, normaliseText } from "./normalise.ts";
import type { Block, BlockKind } from "./types.ts";

/** Builds a block from its raw text; undefined when nothing readable is left. */
export function makeBlock(
  kind: BlockKind,
  startLine: number,
  endLine: number,
  lang: string,
  rawText: string,
): Block | undefined {
  const normalised = normaliseText(rawText);
  if (normalised === "") return undefined;
  return {
    kind,
    startLine,
    endLine,
    lang,
    rawText,
    normalised,
    comparable: isLongEnough(normalised),
  };
}

/** Converts character offsets of a text into 1-based line numbers. */
export function lineLocator(content: string): (offset: number) => number {
  const lineStarts = [0];
  for (let index = content.indexOf("\n"); index !== -1; index = content.indexOf("\n", index + 1)) {
    lineStarts.push(index + 1);
  }
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}

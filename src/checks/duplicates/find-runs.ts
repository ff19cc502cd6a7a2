import type { ExtractedFile } from "./types.ts";

/** A run of consecutive blocks that stands more than once in one file. */
export interface RepeatedRun {
  file: ExtractedFile;
  /** Number of blocks in one copy. */
  length: number;
  /** Index of the first block of each copy, the original first. */
  starts: number[];
  /** The normalised text of one copy, blocks separated by newlines. */
  normalised: string;
}

// A block that recurs very often in one page (a table cell "ja") is only
// matched against its latest occurrences, which keeps the search linear.
const MAX_EARLIER_COPIES = 64;

/**
 * Finds runs of two or more consecutive blocks that stand again later in the
 * same file, such as a page body pasted twice. Each run is reported once,
 * with all its copies, and as long as the copies allow without overlapping.
 */
export function findRepeatedRuns(files: ExtractedFile[]): RepeatedRun[] {
  return files.flatMap(findRunsInFile);
}

function findRunsInFile(file: ExtractedFile): RepeatedRun[] {
  const keys = file.blocks.map((block) => block.normalised);
  const earlierPositions = new Map<string, number[]>();
  const runs = new Map<string, RepeatedRun>();

  let position = 0;
  while (position < keys.length) {
    const key = keys[position] ?? "";
    const earlier = earlierPositions.get(key) ?? [];
    let bestStart = -1;
    let bestLength = 0;
    for (const start of earlier.slice(-MAX_EARLIER_COPIES)) {
      let length = 0;
      while (
        position + length < keys.length &&
        start + length < position &&
        keys[start + length] === keys[position + length]
      ) {
        length++;
      }
      if (length > bestLength) {
        bestStart = start;
        bestLength = length;
      }
    }

    const run = bestLength >= 2 ? runAt(file, bestStart, position, bestLength) : undefined;
    if (run === undefined) {
      earlier.push(position);
      earlierPositions.set(key, earlier);
      position++;
      continue;
    }
    const runKey = `${bestStart}:${bestLength}`;
    const known = runs.get(runKey);
    if (known === undefined) runs.set(runKey, run);
    else known.starts.push(position);
    position += bestLength;
  }
  return [...runs.values()];
}

/**
 * The run of `length` blocks at `original` and `copy`, if one of its blocks
 * is long enough to be compared on its own: a run of short lines (a contact
 * box shown twice) is not reported.
 */
function runAt(
  file: ExtractedFile,
  original: number,
  copy: number,
  length: number,
): RepeatedRun | undefined {
  const blocks = file.blocks.slice(copy, copy + length);
  if (!blocks.some((block) => block.comparable)) return undefined;
  const normalised = blocks.map((block) => block.normalised).join("\n");
  return { file, length, starts: [original, copy], normalised };
}

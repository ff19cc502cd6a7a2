import { UNKNOWN_LANGUAGE } from "./language.ts";
import { groupByText, type Located } from "./located.ts";
import { displayText } from "./normalise.ts";
import { UNTRANSLATED_MIN_LOWERCASE_SHARE } from "./thresholds.ts";

/**
 * Groups of identical blocks that stand on pages (or in elements) of
 * different languages, e.g. a German paragraph left in the English twin of
 * its page. Any two languages are compared, so German text pasted onto an
 * unrelated English page is found too; text of unknown language is not.
 * Short text and text made mostly of names (see thresholds.ts) is left out.
 */
export function findUntranslated(blocks: Located[]): Located[][] {
  return groupByText(
    blocks,
    (located) =>
      located.block.lang !== UNKNOWN_LANGUAGE && located.block.comparable
        ? located.file.format
        : undefined,
    (located) => located.block.normalised,
  ).filter(
    (group) =>
      new Set(group.map((located) => located.block.lang)).size >= 2 &&
      looksLikeRunningText(displayText(group[0]?.block.rawText ?? "")),
  );
}

/** Running text has many words with a small initial; names and titles have few. */
function looksLikeRunningText(text: string): boolean {
  const words = text.match(/\p{L}[\p{L}\p{N}'-]*/gu) ?? [];
  const lowercase = words.filter((word) => /^\p{Ll}/u.test(word)).length;
  return words.length > 0 && lowercase / words.length >= UNTRANSLATED_MIN_LOWERCASE_SHARE;
}

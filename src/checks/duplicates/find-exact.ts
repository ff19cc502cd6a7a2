import { groupByText, scopeOf, type Located } from "./located.ts";

/**
 * Groups of blocks whose normalised text is identical, within one page or
 * across pages of the same kind and language. Blocks below the minimum length
 * (thresholds.ts) are not compared.
 */
export function findExactRepeats(blocks: Located[]): Located[][] {
  return groupByText(
    blocks,
    (located) => (located.block.comparable ? scopeOf(located) : undefined),
    (located) => located.block.normalised,
  ).filter((group) => group.length >= 2);
}

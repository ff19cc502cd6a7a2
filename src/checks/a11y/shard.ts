import { UsageError } from "../gate.ts";

/** The index-th (1-based) of total slices. */
export interface Shard {
  index: number;
  total: number;
}

/** Parses "I/N" (e.g. "2/3"); throws UsageError on anything else. */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (!match || total < 1 || index < 1 || index > total) {
    throw new UsageError(
      `--shard expects I/N with 1 ≤ I ≤ N, for example --shard 2/3; got "${text}".`,
    );
  }
  return { index, total };
}

/**
 * Returns the shard's slice of the items: sorted by key, then dealt out in turn
 * (item k goes to slice k mod N), so slices differ in size by at most one and every
 * item lands in exactly one slice, whatever order the items came in.
 */
export function sliceForShard<T>(items: readonly T[], shard: Shard, key: (item: T) => string): T[] {
  return [...items]
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
    .filter((_, position) => position % shard.total === shard.index - 1);
}

/**
 * Runs `run` on every item, `size` at a time, in order of the batches: file reads and writes
 * overlap (one after another, each waits for the disk) without holding every file of a large
 * site in memory at once.
 */
export async function inBatches<T>(
  items: readonly T[],
  run: (item: T) => Promise<void>,
  size = 32,
): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map(run));
  }
}

import type { Block, ExtractedFile, Occurrence } from "./types.ts";

/**
 * A block together with the file it is in. `first` and `last` are the indices
 * of the file's blocks it spans: the same index for a single block, a range
 * for a heading with its body.
 */
export interface Located {
  fileIndex: number;
  file: ExtractedFile;
  block: Block;
  first: number;
  last: number;
}

/** Every block of every file, located. */
export function locateBlocks(files: ExtractedFile[]): Located[] {
  return files.flatMap((file, fileIndex) =>
    file.blocks.map((block, index) => ({ fileIndex, file, block, first: index, last: index })),
  );
}

/** Blocks are compared only within one kind of file and one language. */
export function scopeOf(located: Located): string {
  return `${located.file.format}|${located.block.lang}`;
}

/** Where a located block stands, as reported to the editor. */
export function occurrenceOf(located: Located): Occurrence {
  return {
    path: located.file.path,
    startLine: located.block.startLine,
    endLine: located.block.endLine,
    lang: located.block.lang,
    blockKind: located.block.kind,
  };
}

/** Reading order: by file, then by position in the file. */
export function compareLocated(a: Located, b: Located): number {
  return a.fileIndex - b.fileIndex || a.first - b.first;
}

/** Remembers which blocks of which files already belong to a reported finding. */
export class Coverage {
  private readonly covered = new Map<ExtractedFile, Set<number>>();

  /** Marks the blocks first..last of a file as reported. */
  add(file: ExtractedFile, first: number, last: number): void {
    let indices = this.covered.get(file);
    if (indices === undefined) {
      indices = new Set();
      this.covered.set(file, indices);
    }
    for (let index = first; index <= last; index++) indices.add(index);
  }

  /** Whether every block a located block spans is already reported. */
  includes(located: Located): boolean {
    const indices = this.covered.get(located.file);
    if (indices === undefined) return false;
    for (let index = located.first; index <= located.last; index++) {
      if (!indices.has(index)) return false;
    }
    return true;
  }
}

/**
 * Sorts items into groups with the same scope and the same text; items whose
 * scope is undefined are left out. Two keys rather than one joined key: the
 * texts are long, and joining them would copy all text once more.
 */
export function groupByText<Item>(
  items: Item[],
  scopeOf: (item: Item) => string | undefined,
  textOf: (item: Item) => string,
): Item[][] {
  const scopes = new Map<string, Map<string, Item[]>>();
  const groups: Item[][] = [];
  for (const item of items) {
    const scopeName = scopeOf(item);
    if (scopeName === undefined) continue;
    let scope = scopes.get(scopeName);
    if (scope === undefined) {
      scope = new Map();
      scopes.set(scopeName, scope);
    }
    const text = textOf(item);
    const group = scope.get(text);
    if (group === undefined) {
      const created = [item];
      scope.set(text, created);
      groups.push(created);
    } else {
      group.push(item);
    }
  }
  return groups;
}

import { parse, visit, type ParseError } from "jsonc-parser";
import { lineAndColumn } from "./errors.ts";

/** A 1-based line and column in a file. */
export interface Position {
  line: number;
  column: number;
}

/** A key written twice in one object: JSON keeps the last, so the first is silently ignored. */
export interface DuplicateKey {
  path: string;
  first: Position;
  again: Position;
}

/** Where the keys of a JSON text are written. */
export interface KeyPositions {
  /** The position of each key's opening quote, by dotted path (`status.full`). */
  positions: Map<string, Position>;
  duplicates: DuplicateKey[];
}

/**
 * Finds where each key of a JSON text stands, so messages can name its line. The text must
 * already have passed `JSON.parse`; this only walks it (with jsonc-parser), it does not
 * validate it.
 */
export function locateJsonKeys(text: string): KeyPositions {
  const positions = new Map<string, Position>();
  const duplicates: DuplicateKey[] = [];
  visit(text, {
    onObjectProperty(property, _offset, _length, startLine, startCharacter, pathSupplier) {
      const dotted = [...pathSupplier(), property].join(".");
      // jsonc-parser counts lines and columns from 0.
      const position = { line: startLine + 1, column: startCharacter + 1 };
      const first = positions.get(dotted);
      if (first !== undefined) duplicates.push({ path: dotted, first, again: position });
      positions.set(dotted, position);
    },
  });
  return { positions, duplicates };
}

/**
 * Where a JSON text that `JSON.parse` refused goes wrong (whose messages name no position for
 * some mistakes, such as `"x": ,`), as jsonc-parser reads it strictly (no comments, no trailing
 * commas), or undefined if it finds no mistake.
 */
export function jsonErrorPosition(text: string): Position | undefined {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false });
  const [first] = errors;
  return first === undefined ? undefined : lineAndColumn(text, first.offset);
}

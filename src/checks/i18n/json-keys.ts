import { lineAndColumn } from "../../lib/errors.ts";

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

const whitespace = new Set([" ", "\t", "\n", "\r"]);
const valueEnd = new Set([",", "]", "}", ...whitespace]);

/**
 * Finds where each key of a JSON text stands, so messages can name its line. The text must
 * already have passed `JSON.parse`; this only walks it, it does not validate it.
 */
export function locateJsonKeys(text: string): KeyPositions {
  const positions = new Map<string, Position>();
  const duplicates: DuplicateKey[] = [];
  let index = 0;

  const skipWhitespace = () => {
    while (index < text.length && whitespace.has(text.charAt(index))) index++;
  };
  const readString = (): string => {
    const start = index++;
    while (index < text.length && text.charAt(index) !== '"') {
      index += text.charAt(index) === "\\" ? 2 : 1;
    }
    index++;
    return JSON.parse(text.slice(start, index)) as string;
  };
  const readContainer = (close: "}" | "]", readEntry: (count: number) => void) => {
    index++;
    for (let count = 0; index < text.length; count++) {
      skipWhitespace();
      if (text.charAt(index) === close) break;
      readEntry(count);
      skipWhitespace();
      if (text.charAt(index) === ",") index++;
    }
    index++;
  };
  const readValue = (path: string[]): void => {
    skipWhitespace();
    const char = text.charAt(index);
    if (char === "{") {
      readContainer("}", () => {
        const at = index;
        const key = [...path, readString()];
        const dotted = key.join(".");
        const position = lineAndColumn(text, at);
        const first = positions.get(dotted);
        if (first !== undefined) duplicates.push({ path: dotted, first, again: position });
        positions.set(dotted, position);
        skipWhitespace();
        index++;
        readValue(key);
      });
    } else if (char === "[") {
      readContainer("]", (count) => {
        readValue([...path, String(count)]);
      });
    } else if (char === '"') {
      readString();
    } else {
      while (index < text.length && !valueEnd.has(text.charAt(index))) index++;
    }
  };

  readValue([]);
  return { positions, duplicates };
}

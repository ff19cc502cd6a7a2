/** Where in the project a problem was found, as precisely as it is known. */
export interface ContentLocation {
  /** Path relative to the project root, e.g. `src/de/quellen.md`. */
  file: string;
  line?: number;
  column?: number;
  /** A locale key, data field or front-matter field, in dotted form. */
  key?: string;
}

/**
 * A mistake in the site's content (pages, locale files, data modules) that an editor can fix.
 * Its message is written for editors; the build prints it instead of a stack trace.
 */
export class ContentError extends Error {
  readonly location: ContentLocation;

  constructor(message: string, location: ContentLocation) {
    super(message);
    this.name = "ContentError";
    this.location = location;
  }
}

/** `file:line:column (key): message`, the form editors' tools and terminals link to. */
export function formatLocation(location: ContentLocation): string {
  const position = [location.file, location.line, location.column]
    .filter((part) => part !== undefined)
    .join(":");
  return location.key === undefined ? position : `${position} (${location.key})`;
}

/** Formats a content error as one line an editor can act on. */
export function describeContentError(error: ContentError): string {
  return `${formatLocation(error.location)}: ${error.message}`;
}

/** Finds the content error behind an error that Eleventy or a template engine may have wrapped. */
export function findContentError(error: unknown): ContentError | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current instanceof Error && !seen.has(current)) {
    if (current instanceof ContentError) return current;
    seen.add(current);
    const wrapped = current as Error & { originalError?: unknown };
    current = wrapped.originalError ?? wrapped.cause;
  }
  return undefined;
}

/** The line and column (both 1-based) of a character offset in a text. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

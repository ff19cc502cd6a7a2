/** Where in the project a problem was found, as precisely as it is known. */
export interface ContentLocation {
  /** Path relative to the project root, e.g. `src/site/de/quellen.md`. */
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

function relativeInputPath(inputPath: string): string {
  return inputPath.replace(/^\.\//, "");
}

/** The parts of a js-yaml exception a message needs (`mark` is 0-based). */
interface YamlException extends Error {
  reason: string;
  mark: { line: number; column: number };
}

function isYamlException(error: unknown): error is YamlException {
  return error instanceof Error && error.name === "YAMLException" && "mark" in error;
}

/** Front matter that js-yaml could not read, with the line (front matter lines are file lines). */
function fromFrontMatterError(error: Error): ContentError | undefined {
  const wrapped = (error as Error & { originalError?: unknown }).originalError;
  const template = /front matter from template (.+)$/.exec(error.message)?.[1];
  if (template === undefined || !isYamlException(wrapped)) return undefined;
  return new ContentError(
    `the front matter between the "---" lines is not valid YAML (${wrapped.reason}); put a text with a colon, quotes or brackets in double quotes`,
    {
      file: relativeInputPath(template),
      line: wrapped.mark.line + 1,
      column: wrapped.mark.column + 1,
    },
  );
}

/** Two or more pages written to the same address, with every file named. */
function fromDuplicatePermalinkError(error: Error): ContentError | undefined {
  const [file, ...others] = [...error.message.matchAll(/^ +\d+\. (.+)$/gm)].map((match) =>
    relativeInputPath(match[1] ?? ""),
  );
  if (file === undefined || others.length === 0) return undefined;
  return new ContentError(
    `is published at the same address as ${others.join(" and ")}; give one of them another file name or "permalink"`,
    { file, key: "permalink" },
  );
}

/** The 1-based line of a file on which its template body starts, after any front matter. */
export type BodyLineOf = (file: string) => number;

/**
 * A Nunjucks render error, `(./file.njk) [Line 3, Column 1]` and the message, with its line
 * counted in the file as the editor sees it: Nunjucks counts from the end of the front matter.
 */
function fromNunjucksError(error: Error, bodyLineOf: BodyLineOf): ContentError | undefined {
  const match = /^\((.+?)\)(?: \[Line (\d+), Column (\d+)\])?\n\s*([\s\S]+)$/.exec(error.message);
  if (match === null) return undefined;
  const [, template = "", line, column, message = ""] = match;
  const file = relativeInputPath(template);
  return new ContentError(`the template stopped here: ${message.trim()}`, {
    file,
    ...(line === undefined ? {} : { line: Number(line) + bodyLineOf(file) - 1 }),
    ...(column === undefined ? {} : { column: Number(column) }),
  });
}

/** Eleventy's own reports of content mistakes, as content errors an editor can act on. */
function fromEleventyError(error: Error): ContentError | undefined {
  if (error.name === "TemplateContentFrontMatterError") return fromFrontMatterError(error);
  if (error.name === "DuplicatePermalinkOutputError") return fromDuplicatePermalinkError(error);
  return undefined;
}

/**
 * An error and the errors behind it, outermost first: Eleventy wraps with `originalError`,
 * Nunjucks and Node with `cause`. A chain that loops is followed once round.
 */
export function errorChain(error: unknown): Error[] {
  const chain: Error[] = [];
  let current: unknown = error;
  while (current instanceof Error && !chain.includes(current)) {
    chain.push(current);
    const wrapped = current as Error & { originalError?: unknown };
    current = wrapped.originalError ?? wrapped.cause;
  }
  return chain;
}

/**
 * Finds the content error behind an error that Eleventy or a template engine may have wrapped,
 * or makes one of Eleventy's or Nunjucks' own reports of a mistake (`bodyLineOf` gives the line
 * a template's body starts on, so Nunjucks' lines can be counted from the top of the file).
 */
export function findContentError(
  error: unknown,
  bodyLineOf: BodyLineOf = () => 1,
): ContentError | undefined {
  const chain = errorChain(error);
  for (const link of chain) {
    if (link instanceof ContentError) return link;
    const fromEleventy = fromEleventyError(link);
    if (fromEleventy !== undefined) return fromEleventy;
  }
  for (const link of chain) {
    const fromNunjucks = fromNunjucksError(link, bodyLineOf);
    if (fromNunjucks !== undefined) return fromNunjucks;
  }
  return undefined;
}

/** The line and column (both 1-based) of a character offset in a text. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

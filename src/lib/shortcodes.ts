import { ContentError, lineAndColumn } from "./errors.ts";

/** A page's Markdown cut at its shortcodes: text as written, and the facts to write in. */
export type MarkdownPart = string | { fact: string };

/** Where a page's Markdown body is, so errors name the line as the editor sees the file. */
export interface BodyLocation {
  /** The page, relative to the project. */
  file: string;
  /** The 1-based line of the file on which the body starts (after the front matter). */
  bodyLine: number;
}

/** `{% fact "id" %}`, the one shortcode pages may use, matched where template code starts. */
const factShortcode = /\{%\s*fact\s+"([^"\\{}%\n]*)"\s*%\}/y;
/** Where template code would start: `{{` or `{%` (a `{#` is plain text in Markdown). */
const templateOpener = /\{[{%]/g;
/** A fence line opening or closing a code block, inside any blockquote markers. */
const fenceLine = /^(?:[ \t]*>)*[ \t]{0,3}(`{3,}|~{3,})/;

/** Character ranges [start, end) of fenced code blocks, where braces are shown as written. */
function fencedRanges(body: string): [number, number][] {
  const ranges: [number, number][] = [];
  let offset = 0;
  let open: { marker: string; start: number } | undefined;
  for (const line of body.split("\n")) {
    const fence = fenceLine.exec(line)?.[1];
    if (open === undefined && fence !== undefined) {
      open = { marker: fence, start: offset };
    } else if (
      open !== undefined &&
      fence !== undefined &&
      fence[0] === open.marker[0] &&
      fence.length >= open.marker.length
    ) {
      ranges.push([open.start, offset + line.length]);
      open = undefined;
    }
    offset += line.length + 1;
  }
  if (open !== undefined) ranges.push([open.start, body.length]);
  return ranges;
}

/** Character ranges of inline code spans (a run of backticks closed by a run as long). */
function codeSpanRanges(body: string, fenced: readonly [number, number][]): [number, number][] {
  const ranges: [number, number][] = [];
  const runs = [...body.matchAll(/`+/g)].filter(
    (run) => !fenced.some(([start, end]) => run.index >= start && run.index < end),
  );
  for (let index = 0; index < runs.length; index++) {
    const opening = runs[index];
    if (opening === undefined) continue;
    const closing = runs.findIndex(
      (run, later) => later > index && run[0].length === opening[0].length,
    );
    if (closing === -1) continue;
    const end = runs[closing];
    if (end === undefined) continue;
    ranges.push([opening.index, end.index + end[0].length]);
    index = closing;
  }
  return ranges;
}

/**
 * Cuts a page's Markdown body at its `{% fact "id" %}` shortcodes. Pages are never run through
 * a template engine: any other `{{ … }}` or `{% … %}` outside code spans and fenced code
 * stops the build with the file, line and column, counted in the file as the editor sees it.
 */
export function parseShortcodes(body: string, where: BodyLocation): MarkdownPart[] {
  const code = fencedRanges(body);
  code.push(...codeSpanRanges(body, code));
  const parts: MarkdownPart[] = [];
  let written = 0;
  for (const opener of body.matchAll(templateOpener)) {
    const start = opener.index;
    if (start < written || code.some(([from, to]) => start >= from && start < to)) continue;
    factShortcode.lastIndex = start;
    const fact = factShortcode.exec(body);
    if (fact === null) {
      const position = lineAndColumn(body, start);
      const snippet = body.slice(start, start + 40).split("\n")[0] ?? "";
      throw new ContentError(
        `"${snippet}" is template code, which pages cannot run: write figures as {% fact "id" %} and plain text as text; lists and tables drawn from data belong in a layout (see TRANSLATING.md). To show the braces themselves, put them in \`backticks\``,
        { file: where.file, line: where.bodyLine + position.line - 1, column: position.column },
      );
    }
    parts.push(body.slice(written, start), { fact: fact[1] ?? "" });
    written = start + fact[0].length;
  }
  parts.push(body.slice(written));
  return parts.filter((part) => part !== "");
}

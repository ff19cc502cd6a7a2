import type markdownIt from "markdown-it";
import type { Token } from "markdown-it";
import { ContentError } from "./errors.ts";
import { escapeHtml } from "./html.ts";

/** Where a page's Markdown body is, so errors name the line as the editor sees the file. */
export interface BodyLocation {
  /** The page, relative to the project. */
  file: string;
  /** The 1-based line of the file on which the body starts (after the front matter). */
  bodyLine: number;
}

/** A page whose Markdown is being read: where it is, its text, and how facts are written. */
export interface ShortcodePage {
  where: BodyLocation;
  /** The body as markdown-it read it (its `state.src`): lines as in the file. */
  source: string;
  /** A fact's text for the page, as plain text (markdown-it escapes it when it writes it). */
  factText: (id: string) => string;
}

/** `{% fact "id" %}`, the one shortcode pages may use, matched where template code starts. */
const factShortcode = /\{%\s*fact\s+"([^"\\{}%\n]*)"\s*%\}/y;
/** Where template code would start: `{{` or `{%` (a `{#` is plain text in Markdown). */
const templateOpener = /\{[{%]/g;
/** The same in an attribute, where markdown-it has percent-encoded link targets. */
const openerInAttribute = /\{[{%]|%7B(?:%7B|%25)/i;

/** Tokens whose text is shown as code, braces and all. */
const codeTokens = new Set(["code_inline", "fence", "code_block"]);

/** The token type of a fact shortcode, until it is filled in. */
const factTokenType = "fact_shortcode";

function templateCodeError(snippet: string, where: BodyLocation, line: number, column?: number) {
  return new ContentError(
    `"${snippet.slice(0, 40)}" is template code, which pages cannot run: write figures as {% fact "id" %} and plain text as text; lists and tables drawn from data belong in a layout (see TRANSLATING.md). To show the braces themselves, put them in \`backticks\``,
    { file: where.file, line: where.bodyLine + line, ...(column === undefined ? {} : { column }) },
  );
}

/** Where in a block of source lines its n-th (0-based) template opener is, if it has that many. */
function nthOpener(
  lines: readonly string[],
  firstLine: number,
  n: number,
): { line: number; column: number } | undefined {
  const block = lines.join("\n");
  const match = [...block.matchAll(templateOpener)][n];
  if (match === undefined) return undefined;
  const before = block.slice(0, match.index);
  return {
    line: firstLine + before.split("\n").length - 1,
    column: match.index - before.lastIndexOf("\n"),
  };
}

/** The template openers the source of a token read so far has (a fact shortcode: its one). */
const openersOf = (token: Token | "fact") =>
  token === "fact"
    ? 1
    : codeTokens.has(token.type) || token.type === "text"
      ? (token.content.match(templateOpener)?.length ?? 0)
      : 0;

/**
 * Fills one inline token's children: fact shortcodes become text, the fact's; any other
 * template code outside code spans stops the build. `map` is the block's lines in the body.
 */
function fillInline(children: readonly Token[], map: [number, number], page: ShortcodePage): void {
  // The tokens read so far: an offending opener is found in the source by its place among the
  // openers before it (escapes and code spans change columns, not the order of the braces).
  const read: (Token | "fact")[] = [];
  let breaks = 0;
  const refuse = (snippet: string, openersInToken: number) => {
    const before = read.reduce((count, token) => count + openersOf(token), openersInToken);
    const at = nthOpener(page.source.split("\n").slice(map[0], map[1]), map[0], before);
    return templateCodeError(snippet, page.where, at?.line ?? map[0] + breaks, at?.column);
  };
  const visit = (tokens: readonly Token[]) => {
    for (const token of tokens) {
      if (token.type === "softbreak" || token.type === "hardbreak") breaks++;
      if (token.type === "text") {
        const opener = templateOpener.exec(token.content);
        templateOpener.lastIndex = 0;
        if (opener !== null) {
          const openersInToken = token.content.slice(0, opener.index).match(templateOpener);
          throw refuse(token.content.slice(opener.index), openersInToken?.length ?? 0);
        }
      }
      for (const [name, value] of token.attrs ?? []) {
        if (openerInAttribute.test(value)) {
          throw templateCodeError(`${name}="${value}"`, page.where, map[0] + breaks);
        }
      }
      if (token.type === factTokenType) {
        read.push("fact");
        token.type = "text";
        token.content = page.factText(token.content);
      } else {
        read.push(token);
      }
      if (token.children !== null && !codeTokens.has(token.type)) visit(token.children);
    }
  };
  visit(children);
}

/**
 * Writes a page's `{% fact "id" %}` shortcodes into the tokens markdown-it made of its body,
 * as the facts' text, and stops at any other `{{ … }}` or `{% … %}` outside code spans and
 * fenced code, also in a link target or title, with the file, line and column as the editor
 * sees them. Pages are never run through a template engine. The check reads the very tokens
 * the page is written from, so what Markdown reads as code (and only that) is code: an escaped
 * backtick (\`) is text, and template code between escaped backticks is refused, as is a
 * shortcode whose brace is escaped.
 */
function fillShortcodes(tokens: readonly Token[], page: ShortcodePage): void {
  let map: [number, number] = [0, 0];
  for (const token of tokens) {
    if (token.map !== null) map = token.map;
    if (codeTokens.has(token.type)) continue;
    if (token.children !== null) fillInline(token.children, map, page);
  }
}

/** Where markdown-it's `env` carries the page being rendered (see `shortcodes`). */
export const shortcodePage = Symbol("shortcodePage");

/** markdown-it's `env` for a page: how its shortcodes are filled in, and where it is. */
export interface ShortcodeEnv {
  [shortcodePage]?: Omit<ShortcodePage, "source">;
}

/**
 * A markdown-it plugin for pages' shortcodes: `{% fact "id" %}` is read as a token of its own,
 * the way a code span is, so Markdown inside an id (`__proto__` would be bold) never takes it
 * apart; then, once escapes are text (`text_join`) and before headings get their ids from
 * their text, `fillShortcodes` writes in the facts of the page in `env` (see `ShortcodeEnv`)
 * and refuses all other template code. Without a page in `env` a shortcode is shown as written.
 */
export function shortcodes(md: markdownIt): void {
  md.inline.ruler.before("text", factTokenType, (state, silent) => {
    if (state.src.charCodeAt(state.pos) !== 0x7b /* { */) return false;
    factShortcode.lastIndex = state.pos;
    const fact = factShortcode.exec(state.src);
    if (fact === null) return false;
    if (!silent) state.push(factTokenType, "", 0).content = fact[1] ?? "";
    state.pos += fact[0].length;
    return true;
  });
  md.core.ruler.after("text_join", "shortcodes", (state) => {
    const page = (state.env as ShortcodeEnv)[shortcodePage];
    if (page !== undefined) fillShortcodes(state.tokens, { ...page, source: state.src });
  });
  md.renderer.rules[factTokenType] = (tokens, index) =>
    escapeHtml(`{% fact "${tokens[index]?.content ?? ""}" %}`);
}

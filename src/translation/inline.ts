import markdownIt from "markdown-it";
import markdownItBracketedSpans from "markdown-it-bracketed-spans";

/** What an inline code stands for in the page or text. */
export type CodeKind =
  | "template"
  | "markup"
  | "code"
  | "image"
  | "break"
  | "link"
  | "emphasis"
  | "strong"
  | "strike"
  | "lang";

/** A code that stands alone: a fact, a placeholder, inline code, an image, a line break. */
export interface Placeholder {
  type: "ph";
  /** Unique within its segment; the same in the source and the target. */
  id: string;
  kind: CodeKind;
  /** What stands in the page's source, e.g. `{% fact "nrw.employees" %}`. */
  markdown: string;
  /** What a reader sees in its place, e.g. the fact's formatted value. */
  equiv: string;
}

/** A code around translatable text: a link, emphasis, a phrase in another language. */
export interface PairedCode {
  type: "pc";
  id: string;
  kind: CodeKind;
  /** What stands before and after the text in the source, e.g. `[` and `](/de/quellen/)`. */
  open: string;
  close: string;
  content: Inline[];
}

/** An inline code of either form. */
export type InlineCode = Placeholder | PairedCode;

/** A segment's content: text and inline codes. */
export type Inline = string | InlineCode;

/** A template code as the page has it: `{% … %}`, `{{ … }}` or `{# … #}`. */
export const templateCode = /\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}|\{#[\s\S]*?#\}/g;

/** HTML tags and character references, the markup allowed only in `_html` locale texts. */
export const markupCode =
  /<\/?[a-zA-Z][^<>]*>|&(?:[a-zA-Z][a-zA-Z0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+);/g;

/**
 * The exchange's one Markdown parser: the site's options (src/plugins/markdown.ts) without its
 * rules, which drop or rewrite what the exchange must keep as written (`{lang=…}` blocks, links).
 */
export const markdown = markdownIt({ html: false, linkify: false, typographer: false }).use(
  markdownItBracketedSpans,
);

/** `{lang=en}` straight after a span or link: the attribute block the site reads. */
const attributeBlock = /^\{[^{}\n]*\}/;
const privateUse = /[\uE000-\uF8FF]/g;
const privateUseBase = 0xe000;

const pairedKinds: Record<string, CodeKind> = {
  em_open: "emphasis",
  strong_open: "strong",
  s_open: "strike",
  link_open: "link",
  span_open: "lang",
};

class ContentBuilder {
  readonly root: Inline[] = [];
  private readonly stack: Inline[][] = [this.root];
  private readonly open: PairedCode[] = [];
  private next = 1;

  id(): string {
    return String(this.next++);
  }

  add(item: Inline): void {
    const content = this.stack[this.stack.length - 1] ?? this.root;
    const last = content[content.length - 1];
    if (typeof item === "string" && typeof last === "string") {
      content[content.length - 1] = last + item;
    } else if (item !== "") content.push(item);
  }

  start(code: PairedCode): void {
    this.add(code);
    this.stack.push(code.content);
    this.open.push(code);
  }

  end(): PairedCode | undefined {
    this.stack.pop();
    return this.open.pop();
  }
}

// Spaces and line breaks, but not the non-breaking space, which is part of the text.
const spaces = /[ \t\r\n]+/g;

/** Every run of whitespace as one space, and none at either end of the segment. */
export function normaliseSpaces(content: Inline[], isEdge = true): Inline[] {
  const spaced = content.map((item) =>
    typeof item === "string"
      ? item.replace(spaces, " ")
      : item.type === "pc"
        ? { ...item, content: normaliseSpaces(item.content, false) }
        : item,
  );
  if (!isEdge) return spaced;
  const first = spaced[0];
  if (typeof first === "string") spaced[0] = first.replace(/^ /, "");
  const last = spaced[spaced.length - 1];
  if (typeof last === "string") spaced[spaced.length - 1] = last.replace(/ $/, "");
  return spaced.filter((item) => item !== "");
}

/** Splits text into plain text and placeholders for the codes `pattern` finds. */
function addWithCodes(
  builder: ContentBuilder,
  text: string,
  pattern: RegExp,
  toCode: (code: string, id: string) => Placeholder,
): void {
  let at = 0;
  for (const match of text.matchAll(new RegExp(pattern.source, "g"))) {
    builder.add(text.slice(at, match.index));
    builder.add(toCode(match[0], builder.id()));
    at = match.index + match[0].length;
  }
  builder.add(text.slice(at));
}

/**
 * Reads a Markdown block's inline source (a paragraph, heading, list item or table cell) into
 * text and codes: template codes, inline code, images and line breaks stand alone; links,
 * emphasis and `[phrase]{lang=…}` spans surround translatable text. `describe` gives a template
 * code's readable equivalent (a fact's formatted value).
 */
export function parseMarkdownInline(source: string, describe: (code: string) => string): Inline[] {
  const templates: string[] = [];
  // Template codes are set aside first, so Markdown never reads into them.
  const guarded = source.replace(templateCode, (code) =>
    String.fromCharCode(privateUseBase + templates.push(code) - 1),
  );
  const restore = (text: string) =>
    text.replace(privateUse, (char) => templates[char.charCodeAt(0) - privateUseBase] ?? char);
  const builder = new ContentBuilder();
  let justClosed: PairedCode | undefined;
  for (const token of markdown.parseInline(guarded, {})[0]?.children ?? []) {
    const closed = justClosed;
    justClosed = undefined;
    const kind = pairedKinds[token.type];
    if (kind === "link") {
      const title = token.attrGet("title");
      builder.start({
        type: "pc",
        id: builder.id(),
        kind,
        open: "[",
        close: `](${restore(token.attrGet("href") ?? "")}${title === null ? "" : ` "${title}"`})`,
        content: [],
      });
    } else if (kind === "lang") {
      builder.start({ type: "pc", id: builder.id(), kind, open: "[", close: "]", content: [] });
    } else if (kind !== undefined) {
      builder.start({
        type: "pc",
        id: builder.id(),
        kind,
        open: token.markup,
        close: token.markup,
        content: [],
      });
    } else if (token.nesting === -1) {
      const code = builder.end();
      if (code?.kind === "link" || code?.kind === "lang") justClosed = code;
    } else if (token.type === "code_inline") {
      const code = restore(token.content);
      const padding = code.startsWith("`") || code.endsWith("`") ? " " : "";
      builder.add({
        type: "ph",
        id: builder.id(),
        kind: "code",
        markdown: `${token.markup}${padding}${code}${padding}${token.markup}`,
        equiv: code,
      });
    } else if (token.type === "image") {
      builder.add({
        type: "ph",
        id: builder.id(),
        kind: "image",
        markdown: `![${restore(token.content)}](${restore(token.attrGet("src") ?? "")})`,
        equiv: restore(token.content),
      });
    } else if (token.type === "hardbreak") {
      builder.add({ type: "ph", id: builder.id(), kind: "break", markdown: "\\\n", equiv: "" });
    } else if (token.type === "softbreak") {
      builder.add(" ");
    } else {
      let text = token.content;
      const attributes = closed === undefined ? null : attributeBlock.exec(text);
      if (closed !== undefined && attributes !== null) {
        closed.close += attributes[0];
        text = text.slice(attributes[0].length);
      }
      addWithCodes(builder, text, privateUse, (char, id) => {
        const code = restore(char);
        return { type: "ph", id, kind: "template", markdown: code, equiv: describe(code) };
      });
    }
  }
  return normaliseSpaces(builder.root);
}

/**
 * Reads a plain text (a locale text or a front-matter field) into text and codes: template
 * codes such as `{{count}}`, and in texts that may hold markup (`_html`), tags and entities.
 */
export function parseTextInline(text: string, allowsMarkup: boolean): Inline[] {
  const builder = new ContentBuilder();
  const addTemplates = (part: string) => {
    addWithCodes(builder, part, templateCode, (code, id) => ({
      type: "ph",
      id,
      kind: "template",
      markdown: code,
      equiv: code,
    }));
  };
  if (!allowsMarkup) {
    addTemplates(text);
    return builder.root;
  }
  let at = 0;
  for (const match of text.matchAll(markupCode)) {
    addTemplates(text.slice(at, match.index));
    builder.add({ type: "ph", id: builder.id(), kind: "markup", markdown: match[0], equiv: "" });
    at = match.index + match[0].length;
  }
  addTemplates(text.slice(at));
  return builder.root;
}

/** The language a `[phrase]{lang=…}` code marks, if it is one. */
export function spanLanguage(code: InlineCode): string | undefined {
  if (code.type !== "pc" || code.kind !== "lang") return undefined;
  return /lang=["']?([A-Za-z0-9-]+)/.exec(code.close)?.[1];
}

/** Every code of a content, nested ones included, in reading order. */
export function codesOf(content: readonly Inline[]): InlineCode[] {
  return content.flatMap((item) =>
    typeof item === "string" ? [] : [item, ...(item.type === "pc" ? codesOf(item.content) : [])],
  );
}

/** The text of a content without its codes' markup: what a reader reads. */
export function readableText(content: readonly Inline[]): string {
  return content
    .map((item) =>
      typeof item === "string"
        ? item
        : item.type === "ph"
          ? item.equiv
          : readableText(item.content),
    )
    .join("");
}

/** Whether a content has anything to translate: a letter outside its codes. */
export function hasTranslatableText(content: readonly Inline[]): boolean {
  return content.some((item) =>
    typeof item === "string"
      ? /\p{L}/u.test(item)
      : item.type === "pc" && hasTranslatableText(item.content),
  );
}

/**
 * A content's shape: its text and which codes stand where, by id and kind. Two contents with
 * the same shape say the same thing; an exchange file's source is compared by it.
 */
export function shapeOf(content: readonly Inline[]): string {
  return content
    .map((item) =>
      typeof item === "string"
        ? item.replace(/[\\{}]/g, "\\$&")
        : item.type === "ph"
          ? `{${item.kind}#${item.id}}`
          : `{${item.kind}#${item.id}}${shapeOf(item.content)}{/${item.id}}`,
    )
    .join("");
}

// What starts emphasis, code, a link, an HTML tag, a strike-through, a table cell or an escape
// anywhere in a line; an entity (`&amp;`, `&#X41;`) is read as the character it names.
const markdownPunctuation = /[\\`*_[\]<~|]|&(?=#?[a-z0-9]+;)/gi;

/** Where in its block a run of plain text stands, for `escapeMarkdownText`. */
export interface TextPlace {
  /**
   * It begins a line (the block's start, or just after a line break), where `#`, `>`, `-`,
   * `+`, `=` or `1.` begin a heading, quotation, list or setext underline, or a thematic break.
   */
  lineStart: boolean;
  /** It ends the block, where a heading's text would lose a closing run of `#`. */
  blockEnd: boolean;
}

/**
 * Plain text as Markdown that shows it as typed: never emphasis, code, a link, an entity, a
 * heading, quotation, list, setext underline or thematic break, nor a heading's closing `#`.
 * (Runs of spaces, two of which would end a line with a break, are one space in a segment.)
 */
export function escapeMarkdownText(text: string, place: TextPlace): string {
  let escaped = text.replace(markdownPunctuation, "\\$&");
  if (place.lineStart) {
    escaped = escaped
      .replace(/^([ \t]*)([#>+\-=])/, "$1\\$2")
      .replace(/^([ \t]*\d+)([.)])/, "$1\\$2");
  }
  return place.blockEnd ? escaped.replace(/#([ \t]*)$/, "\\#$1") : escaped;
}

/** Emphasis, strong and strike-through: Markdown reads their delimiters only next to a word. */
const flankedKinds = new Set<CodeKind>(["emphasis", "strong", "strike"]);

/**
 * A content written back as Markdown (`markdown`) or as plain text, codes as their source. In
 * Markdown, spaces a CAT tool left just inside bold, italic or struck-through text are written
 * outside it, where Markdown still reads the delimiters.
 */
export function serialise(content: readonly Inline[], format: "markdown" | "text"): string {
  let output = "";
  const text = (value: string, blockEnd: boolean) => {
    output +=
      format === "text"
        ? value
        : escapeMarkdownText(value, {
            lineStart: output === "" || output.endsWith("\n"),
            blockEnd,
          });
  };
  const write = (items: readonly Inline[], topLevel: boolean): void => {
    items.forEach((item, index) => {
      const last = topLevel && index === items.length - 1;
      if (typeof item === "string") {
        text(item, last);
        return;
      }
      if (item.type === "ph") {
        output += item.markdown;
        return;
      }
      const inner = format === "markdown" && flankedKinds.has(item.kind);
      const [first, ...rest] = item.content;
      const end = rest.at(-1) ?? first;
      const before = inner && typeof first === "string" ? (/^[ \t]*/.exec(first)?.[0] ?? "") : "";
      const after = inner && typeof end === "string" ? (/[ \t]*$/.exec(end)?.[0] ?? "") : "";
      output += before;
      output += item.open;
      write(trimEdges(item.content, before.length, after.length), false);
      output += item.close;
      if (after !== "") text(after, last);
    });
  };
  write(content, true);
  return output;
}

/** A content without `start` characters at its start and `end` at its end (spaces moved out). */
function trimEdges(content: readonly Inline[], start: number, end: number): Inline[] {
  const trimmed = [...content];
  if (start > 0 && typeof trimmed[0] === "string") trimmed[0] = trimmed[0].slice(start);
  const lastIndex = trimmed.length - 1;
  const last = trimmed[lastIndex];
  if (end > 0 && typeof last === "string") trimmed[lastIndex] = last.slice(0, last.length - end);
  return trimmed.filter((item) => item !== "");
}

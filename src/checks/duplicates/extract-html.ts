import { Parser } from "htmlparser2";
import { lineLocator, makeBlock } from "./block.ts";
import { baseLanguage, UNKNOWN_LANGUAGE } from "./language.ts";
import type { Block, BlockKind, ExtractedFile } from "./types.ts";

// Elements that flow inside a line of text; every other element starts a new block.
const INLINE = new Set([
  "a",
  "abbr",
  "b",
  "bdi",
  "bdo",
  "br",
  "cite",
  "code",
  "data",
  "del",
  "dfn",
  "em",
  "i",
  "img",
  "ins",
  "kbd",
  "label",
  "mark",
  "q",
  "s",
  "samp",
  "small",
  "span",
  "strong",
  "sub",
  "sup",
  "time",
  "u",
  "var",
  "wbr",
]);

// Navigation inside <main> (breadcrumbs, tables of contents) and non-text
// elements are not page content.
const SKIPPED = new Set(["nav", "script", "style", "template", "noscript", "svg", "math"]);

const KIND_OF: Partial<Record<string, BlockKind>> = {
  li: "list item",
  td: "table cell",
  th: "table cell",
  blockquote: "blockquote",
  h1: "heading",
  h2: "heading",
  h3: "heading",
  h4: "heading",
  h5: "heading",
  h6: "heading",
};

interface OpenElement {
  name: string;
  inline: boolean;
  skipped: boolean;
  lang: string;
  kind: BlockKind;
}

const MAIN_START = /<main[\s>]/i;
const HTML_LANG = /<html\b[^>]*?\slang\s*=\s*["']?([^"'\s>]+)/i;

/**
 * Splits a built page into blocks, reading only the text inside <main>: the
 * header, navigation and footer every page shares are not content. Each
 * element that is not inline (p, li, td, h2, div …) makes its own block; a
 * block's language is the nearest `lang` attribute of its element within
 * <main>, else the page's <html lang>. Line numbers are those of the .html file.
 */
export function extractHtml(path: string, content: string): ExtractedFile {
  const mainStart = content.search(MAIN_START);
  if (mainStart === -1) {
    return {
      path,
      format: "html",
      blocks: [],
      warning: `${path}: this page has no <main> element, so none of its text was checked.`,
    };
  }
  // Only <main> is parsed: on a typical page the rest is most of the markup.
  const closing = Math.max(content.lastIndexOf("</main"), content.lastIndexOf("</MAIN"));
  const mainEnd = closing > mainStart ? content.indexOf(">", closing) + 1 : 0;
  const main = content.slice(mainStart, mainEnd > 0 ? mainEnd : content.length);
  const before = content.slice(0, mainStart);
  const pageLang = HTML_LANG.exec(before)?.[1];
  const linesBefore = lineLocator(before)(mainStart) - 1;
  const lineInMain = lineLocator(main);
  const lineOf = (offset: number): number => linesBefore + lineInMain(offset);

  const blocks: Block[] = [];
  const open: OpenElement[] = [
    {
      name: "html",
      inline: false,
      skipped: false,
      lang: pageLang === undefined ? UNKNOWN_LANGUAGE : baseLanguage(pageLang),
      kind: "paragraph",
    },
  ];
  let skipDepth = 0;
  let text = "";
  let firstOffset = -1;
  let lastOffset = -1;

  const flush = (): void => {
    const container = open.findLast((element) => !element.inline);
    if (firstOffset !== -1) {
      const block = makeBlock(
        container?.kind ?? "paragraph",
        lineOf(firstOffset),
        lineOf(lastOffset),
        container?.lang ?? UNKNOWN_LANGUAGE,
        text,
      );
      if (block !== undefined) blocks.push(block);
    }
    text = "";
    firstOffset = -1;
    lastOffset = -1;
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const parent = open.at(-1);
        const inline = INLINE.has(name);
        const skipped =
          SKIPPED.has(name) || "hidden" in attributes || attributes["aria-hidden"] === "true";
        if (!inline || skipped) flush();
        if (skipped) skipDepth++;
        if (name === "br" && skipDepth === 0) text += " ";
        const lang = attributes.lang;
        open.push({
          name,
          inline,
          skipped,
          lang: lang === undefined ? (parent?.lang ?? UNKNOWN_LANGUAGE) : baseLanguage(lang),
          kind: KIND_OF[name] ?? parent?.kind ?? "paragraph",
        });
      },
      onclosetag() {
        const element = open.at(-1);
        if (element === undefined) return;
        if (!element.inline || element.skipped) flush();
        open.pop();
        if (element.skipped) skipDepth--;
      },
      ontext(data) {
        if (skipDepth > 0) return;
        text += data;
        const first = data.search(/\S/);
        if (first === -1) return;
        if (firstOffset === -1) firstOffset = parser.startIndex + first;
        lastOffset = parser.startIndex + data.trimEnd().length - 1;
      },
    },
    { decodeEntities: true },
  );
  parser.end(main);
  return { path, format: "html", blocks };
}

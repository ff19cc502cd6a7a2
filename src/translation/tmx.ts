import { readFile } from "node:fs/promises";
import path from "node:path";
import { codeNames, exchangeLanguages, kindOfName } from "./exchange.ts";
import { spanLanguage, type Inline, type InlineCode } from "./inline.ts";
import { attributes, childElements, escapeXml, parseXml, type XmlElement } from "./xml.ts";

/** The project's translation memory, relative to the project. */
export const memoryFile = "locales/translation-memory.tmx";

/** One German segment and the English translation made from it. */
export interface MemoryEntry {
  /** The segment's id (see `Segment.id`). */
  id: string;
  /** The German file it is in. */
  file: string;
  source: Inline[];
  target: Inline[];
}

/** The memory: the latest translation of each segment, by id. */
export type Memory = Map<string, MemoryEntry>;

function typeOf(code: InlineCode): string {
  const language = spanLanguage(code);
  return language === undefined
    ? codeNames[code.kind as keyof typeof codeNames].ctype
    : `x-lang-${language}`;
}

function seg(content: readonly Inline[]): string {
  let pair = 0;
  const write = (items: readonly Inline[]): string =>
    items
      .map((item) => {
        if (typeof item === "string") return escapeXml(item);
        if (item.type === "ph") {
          return `<ph${attributes({ x: item.id, type: typeOf(item) })}>${escapeXml(item.markdown)}</ph>`;
        }
        const i = String(++pair);
        return `<bpt${attributes({ i, x: item.id, type: typeOf(item) })}>${escapeXml(item.open)}</bpt>${write(item.content)}<ept${attributes({ i })}>${escapeXml(item.close)}</ept>`;
      })
      .join("");
  return write(content);
}

/**
 * The memory as a TMX 1.4b document, one `<tu>` per segment sorted by id. Inline codes keep
 * what stands in the page (`<ph>`, `<bpt>`/`<ept>`), so a CAT tool can place them. No dates:
 * the file depends only on the translations.
 */
export function writeMemory(memory: Memory): string {
  const units = [...memory.values()]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((entry) =>
      [
        `    <tu${attributes({ tuid: entry.id })}>`,
        `      <prop type="x-file">${escapeXml(entry.file)}</prop>`,
        `      <tuv xml:lang="${exchangeLanguages.source}"><seg>${seg(entry.source)}</seg></tuv>`,
        `      <tuv xml:lang="${exchangeLanguages.target}"><seg>${seg(entry.target)}</seg></tuv>`,
        "    </tu>",
      ].join("\n"),
    );
  return `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header${attributes({
    creationtool: "gesundheitswirtschaft",
    creationtoolversion: "1",
    segtype: "block",
    "o-tmf": "x-markdown",
    adminlang: "en",
    srclang: exchangeLanguages.source,
    datatype: "plaintext",
  })}/>
  <body>
${units.join("\n")}
  </body>
</tmx>
`;
}

function text(element: XmlElement): string {
  return element.children
    .map((child) => (typeof child === "string" ? child : text(child)))
    .join("");
}

function readSeg(element: XmlElement): Inline[] {
  const root: Inline[] = [];
  const stack: Inline[][] = [root];
  const open: InlineCode[] = [];
  for (const child of element.children) {
    const into = stack[stack.length - 1] ?? root;
    if (typeof child === "string") {
      into.push(child);
      continue;
    }
    const { kind = "template" } = kindOfName(child.attributes.type);
    const id = child.attributes.x ?? "";
    if (child.name === "bpt") {
      const code: InlineCode = { type: "pc", id, kind, open: text(child), close: "", content: [] };
      into.push(code);
      open.push(code);
      stack.push(code.content);
    } else if (child.name === "ept") {
      const code = open.pop();
      if (code?.type === "pc") code.close = text(child);
      stack.pop();
    } else {
      into.push({ type: "ph", id, kind, markdown: text(child), equiv: text(child) });
    }
  }
  return root;
}

/** Reads the project's memory; a project without one has an empty memory. */
export async function readMemory(projectRoot: string): Promise<Memory> {
  let source: string;
  try {
    source = await readFile(path.join(projectRoot, memoryFile), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return new Map();
    throw error;
  }
  const memory: Memory = new Map();
  const [body] = childElements(parseXml(source), "body");
  for (const tu of body === undefined ? [] : childElements(body, "tu")) {
    const id = tu.attributes.tuid;
    const [file] = childElements(tu, "prop");
    const segs = new Map(
      childElements(tu, "tuv").map((tuv) => [
        tuv.attributes["xml:lang"],
        childElements(tuv, "seg")[0],
      ]),
    );
    const source = segs.get(exchangeLanguages.source);
    const target = segs.get(exchangeLanguages.target);
    if (id === undefined || source === undefined || target === undefined) continue;
    memory.set(id, {
      id,
      file: file === undefined ? "" : text(file),
      source: readSeg(source),
      target: readSeg(target),
    });
  }
  return memory;
}

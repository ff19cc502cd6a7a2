import { readFile } from "node:fs/promises";
import path from "node:path";
import { codeNames, kindOfName } from "./exchange.ts";
import {
  languageOfTag,
  sourceLanguage,
  targetLanguages,
  toolLanguage,
  type Language,
} from "../lib/languages.ts";
import { shapeOf, spanLanguage, type Inline, type InlineCode } from "./inline.ts";
import { attributes, childElements, escapeXml, parseXml, type XmlElement } from "./xml.ts";
import { projectFiles } from "../lib/project.ts";

/** The project's translation memory, relative to the project. */
export const memoryFile = projectFiles.translationMemory;

/** One source segment and the translation made from it. */
export interface MemoryEntry {
  /** The segment's id (see `Segment.id`). */
  id: string;
  /** The source file it is in. */
  file: string;
  source: Inline[];
  target: Inline[];
  /** When the pair was added, as TMX writes dates (`20261126T093000Z`); unknown for old pairs. */
  changed?: string;
}

/**
 * The memory: every pair each segment has had, by id, oldest first. The last one is the
 * translation in use; the earlier ones are kept, as a CAT tool's memory keeps them, so an
 * earlier wording can still be found and reused.
 */
export type Memory = Map<string, MemoryEntry[]>;

/** The memory of every language pair: the source language into each target language. */
export type Memories = Map<Language, Memory>;

/** The pair a segment's translation was last made from. */
export function latestEntry(memory: Memory, id: string): MemoryEntry | undefined {
  return memory.get(id)?.at(-1);
}

/** A date as TMX writes it: `YYYYMMDDThhmmssZ`, in UTC. */
export function tmxDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/**
 * Adds a pair to the memory, dated `date`, unless it is the pair the segment has already: a
 * new translation (or new source text) is added beside the earlier pairs, never in their place.
 */
export function remember(memory: Memory, entry: MemoryEntry, date: Date): void {
  const entries = memory.get(entry.id) ?? [];
  const latest = entries.at(-1);
  if (
    latest !== undefined &&
    shapeOf(latest.source) === shapeOf(entry.source) &&
    shapeOf(latest.target) === shapeOf(entry.target)
  ) {
    return;
  }
  memory.set(entry.id, [...entries, { ...entry, changed: tmxDate(date) }]);
}

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
 * The memory as a TMX 1.4b document, one `<tu>` per pair, with the source language and one
 * target language each: sorted by target language in the list's order (pairs of a language
 * the list no longer has are kept, after them), then by segment id, a
 * segment's pairs oldest first, each with the date it was added (`changedate`) where known.
 * Inline codes keep what stands in the page (`<ph>`, `<bpt>`/`<ept>`), so a CAT tool can place
 * them.
 */
export function writeMemory(memories: Memories): string {
  const others = [...memories.keys()].filter((language) => !targetLanguages.includes(language));
  const units = [...targetLanguages, ...others.sort()].flatMap((language) => {
    const memory = memories.get(language) ?? new Map<string, MemoryEntry[]>();
    return [...memory.keys()]
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .flatMap((id) => memory.get(id) ?? [])
      .map((entry) =>
        [
          `    <tu${attributes({ tuid: entry.id, changedate: entry.changed })}>`,
          `      <prop type="x-file">${escapeXml(entry.file)}</prop>`,
          `      <tuv xml:lang="${sourceLanguage}"><seg>${seg(entry.source)}</seg></tuv>`,
          `      <tuv xml:lang="${language}"><seg>${seg(entry.target)}</seg></tuv>`,
          "    </tu>",
        ].join("\n"),
      );
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header${attributes({
    creationtool: "gesundheitswirtschaft",
    creationtoolversion: "1",
    segtype: "block",
    "o-tmf": "x-markdown",
    adminlang: toolLanguage,
    srclang: sourceLanguage,
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

/**
 * Reads the project's memory, every language pair; a project without one has an empty memory.
 * A `<tu>` is the pair of its source-language variant and its other variant.
 */
export async function readMemories(projectRoot: string): Promise<Memories> {
  let source: string;
  try {
    source = await readFile(path.join(projectRoot, memoryFile), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return new Map();
    throw error;
  }
  const memories: Memories = new Map();
  const [body] = childElements(parseXml(source), "body");
  for (const tu of body === undefined ? [] : childElements(body, "tu")) {
    const id = tu.attributes.tuid;
    const [file] = childElements(tu, "prop");
    // A CAT tool may write the tags regionally or in upper case (`DE-DE`, `en-GB`); a language
    // the list no longer has keeps its tag.
    const segs = new Map(
      childElements(tu, "tuv").map((tuv) => [
        languageOfTag(tuv.attributes["xml:lang"] ?? "") ?? tuv.attributes["xml:lang"],
        childElements(tuv, "seg")[0],
      ]),
    );
    const source = segs.get(sourceLanguage);
    const language = [...segs.keys()].find(
      (candidate): candidate is Language => candidate !== undefined && candidate !== sourceLanguage,
    );
    const target = language === undefined ? undefined : segs.get(language);
    if (
      id === undefined ||
      source === undefined ||
      language === undefined ||
      target === undefined
    ) {
      continue;
    }
    const memory = memories.get(language) ?? new Map<string, MemoryEntry[]>();
    memories.set(language, memory);
    const changed = tu.attributes.changedate;
    memory.set(id, [
      ...(memory.get(id) ?? []),
      {
        id,
        file: file === undefined ? "" : text(file),
        source: readSeg(source),
        target: readSeg(target),
        ...(changed === undefined ? {} : { changed }),
      },
    ]);
  }
  return memories;
}

/** The project's memory of one language pair: the source language into `language`. */
export async function readMemory(projectRoot: string, language: Language): Promise<Memory> {
  return (await readMemories(projectRoot)).get(language) ?? new Map();
}

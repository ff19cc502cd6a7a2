import { sourceLanguage } from "../lib/languages.ts";
import {
  codeNames,
  sourceIdentity,
  type ExchangeFile,
  type ExchangeUnit,
  type ReadProblem,
  type ReceivedDocument,
  type UnitState,
} from "./exchange.ts";
import { codesOf, spanLanguage, type Inline, type InlineCode } from "./inline.ts";
import { readUnits, unitsIn, type FormatReader } from "./xliff-read.ts";
import { attributes, childElements, escapeXml, type XmlElement } from "./xml.ts";

/** The XLIFF 2.0 namespace. */
export const xliff20Namespace = "urn:oasis:names:tc:xliff:document:2.0";

const states: Record<UnitState, string> = {
  new: "initial",
  changed: "initial",
  unconfirmed: "initial",
  current: "final",
};

const doneStates = new Set(["translated", "reviewed", "final"]);

function names(code: InlineCode): { type: string; subType?: string } {
  const language = spanLanguage(code);
  if (language !== undefined) return { type: "other", subType: `gw:lang-${language}` };
  const { type, subType } = codeNames[code.kind as keyof typeof codeNames];
  return subType === undefined ? { type } : { type, subType };
}

/**
 * Inline content; codes the source does not have (`sourceIds` given: a phrase of the target
 * marked as German) are written as markers, since a target may carry only its source's codes.
 */
function inline(
  content: readonly Inline[],
  targetLanguage: string,
  sourceIds?: ReadonlySet<string>,
): string {
  return content
    .map((item) => {
      if (typeof item === "string") return escapeXml(item);
      if (item.type === "pc" && sourceIds !== undefined && !sourceIds.has(item.id)) {
        return `<mrk${attributes({ id: item.id, type: names(item).subType })}>${inline(item.content, targetLanguage, sourceIds)}</mrk>`;
      }
      // A phrase marked as being in the target language needs no mark in the translation.
      const canDelete = spanLanguage(item) === targetLanguage ? undefined : "no";
      if (item.type === "ph") {
        return `<ph${attributes({ id: item.id, canCopy: "no", canDelete, ...names(item), disp: item.equiv, equiv: item.equiv })}/>`;
      }
      return `<pc${attributes({ id: item.id, canCopy: "no", canDelete, ...names(item), dispStart: item.open, dispEnd: item.close })}>${inline(item.content, targetLanguage, sourceIds)}</pc>`;
    })
    .join("");
}

function unit(entry: ExchangeUnit, targetLanguage: string): string {
  const { segment, target, state } = entry;
  const sourceIds = new Set(codesOf(segment.content).map((code) => code.id));
  return [
    `    <unit${attributes({ id: segment.id, name: sourceIdentity(segment.content) })}>`,
    ...(entry.notes.length === 0
      ? []
      : [
          "      <notes>",
          ...entry.notes.map((note) => `        <note>${escapeXml(note)}</note>`),
          "      </notes>",
        ]),
    `      <segment${attributes({ state: states[state] })}>`,
    `        <source xml:space="preserve">${inline(segment.content, targetLanguage)}</source>`,
    ...(target === undefined
      ? []
      : [
          `        <target xml:space="preserve">${inline(target, targetLanguage, sourceIds)}</target>`,
        ]),
    "      </segment>",
    "    </unit>",
  ].join("\n");
}

/** Writes the exchange into one target language as one XLIFF 2.0 document: a `<file>` per source file. */
export function writeXliff20(files: readonly ExchangeFile[], targetLanguage: string): string {
  const body = files.map((file, index) =>
    [
      `  <file${attributes({ id: `f${index + 1}`, original: file.original })}>`,
      ...file.units.map((entry) => unit(entry, targetLanguage)),
      "  </file>",
    ].join("\n"),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<xliff${attributes({ xmlns: xliff20Namespace, version: "2.0", srcLang: sourceLanguage, trgLang: targetLanguage })}>
${body.join("\n")}
</xliff>
`;
}

const reader: FormatReader = {
  placeholder: ["ph"],
  paired: ["pc"],
  codeName: (element) => element.attributes.subType ?? element.attributes.type,
  shown: (element) => element.attributes.equiv ?? element.attributes.dispEnd,
  markerName: (element) => element.attributes.type,
  sourceIdentity: (unit) => unit.attributes.name,
};

/**
 * Joins a unit's segments (a CAT tool may split one into sentences) into one source and target.
 * An `<ignorable>` between them (the space a segmenting tool takes out between two sentences)
 * belongs to both: where it has no target of its own, its source stands in the target too.
 */
function joined(unitElement: XmlElement, part: "source" | "target"): XmlElement | undefined {
  const parts = unitElement.children.flatMap((child) => {
    if (typeof child === "string") return [];
    if (child.name === "segment") return childElements(child, part);
    if (child.name !== "ignorable") return [];
    const [own] = childElements(child, part);
    return own === undefined ? childElements(child, "source") : [own];
  });
  const [first] = parts;
  if (first === undefined) return undefined;
  return { ...first, children: parts.flatMap((element) => element.children) };
}

function hasText(element: XmlElement | undefined): boolean {
  return (
    element !== undefined &&
    element.children.some((child) => typeof child !== "string" || child.trim() !== "")
  );
}

/**
 * Whether a unit is translated: every segment done and with a target. A unit split into
 * segments with some done and some not cannot be taken over whole: reported, not cut short.
 */
function unitDone(element: XmlElement, problems: ReadProblem[]): boolean {
  const segments = childElements(element, "segment");
  const marked = segments.map((segment) => doneStates.has(segment.attributes.state ?? "initial"));
  // One segment marked as done with an empty target is reported by the import itself.
  if (segments.length <= 1 || !marked.includes(true)) return marked[0] ?? false;
  const untranslated = segments.findIndex(
    (segment, index) => marked[index] !== true || !hasText(childElements(segment, "target")[0]),
  );
  if (untranslated === -1) return true;
  problems.push({
    line: segments[untranslated]?.line ?? element.line,
    ...(element.attributes.id === undefined ? {} : { id: element.attributes.id }),
    message: `the segment is split into ${segments.length} parts and part ${untranslated + 1} is not translated, so only part of it would be taken over: translate every part (or join them again), or set them all back to initial`,
  });
  return false;
}

/** Reads an XLIFF 2.0 document (the root element already parsed). */
export function readXliff20(root: XmlElement): ReceivedDocument {
  const problems: ReadProblem[] = [];
  const document: ReceivedDocument = {
    sourceLanguage: root.attributes.srcLang ?? "",
    targetLanguage: root.attributes.trgLang ?? "",
    languageLine: root.line,
    units: [],
    problems,
  };
  for (const file of childElements(root, "file")) {
    const original = file.attributes.original;
    if (original === undefined) {
      problems.push({
        line: file.line,
        message: `a <file> needs the "original" attribute this project writes; export the file again`,
      });
      continue;
    }
    for (const element of unitsIn(file, "unit")) {
      document.units.push(
        ...readUnits(reader, problems, {
          element,
          file: original,
          source: joined(element, "source"),
          target: joined(element, "target"),
          done: unitDone(element, problems),
        }),
      );
    }
  }
  return document;
}

import { languageName, sourceLanguage } from "../lib/languages.ts";
import { kindOfName, type ReadProblem, type ReceivedUnit } from "./exchange.ts";
import { normaliseSpaces, type Inline } from "./inline.ts";
import type { XmlElement } from "./xml.ts";

/** How one XLIFF version writes its inline codes. */
export interface FormatReader {
  /** Elements that stand alone (1.2 `<x/>`, 2.0 `<ph/>`). */
  placeholder: readonly string[];
  /** Elements around text (1.2 `<g>`, 2.0 `<pc>`). */
  paired: readonly string[];
  /** The name that says which kind of code an element is. */
  codeName: (element: XmlElement) => string | undefined;
  /** What a code showed the translator: a placeholder's equivalent text, a paired code's end. */
  shown: (element: XmlElement) => string | undefined;
  /** The name that says which kind of marker (`<mrk>`) an element is. */
  markerName: (element: XmlElement) => string | undefined;
  /** The unit attribute holding its `sourceIdentity` (1.2 `resname`, 2.0 `name`). */
  sourceIdentity: (unit: XmlElement) => string | undefined;
}

/** Counts the markers of one unit: a phrase marked as German is numbered as the export numbers it. */
interface MarkerCount {
  count: number;
}

function readMarker(
  reader: FormatReader,
  element: XmlElement,
  problems: ReadProblem[],
  id: string,
  markers: MarkerCount,
): Inline[] {
  const content = readInline(reader, element, problems, id, markers);
  const { kind, language } = kindOfName(reader.markerName(element));
  // CAT tools add other markers (terms, comments, segments) that mean nothing to the page.
  if (kind !== "lang" || language === undefined) return content;
  return [
    {
      type: "pc",
      id: `${language}${++markers.count}`,
      kind,
      open: "[",
      close: `]{lang=${language}}`,
      content,
    },
  ];
}

/**
 * Reads a `<source>` or `<target>` into text and codes. Codes keep their id and kind, and what
 * the file showed for them (a fact's German value, a link's end) to compare with the German
 * now; what they stand for is taken from the German page, never from the file.
 */
export function readInline(
  reader: FormatReader,
  element: XmlElement,
  problems: ReadProblem[],
  id: string,
  markers: MarkerCount = { count: 0 },
): Inline[] {
  return element.children.flatMap((child): Inline[] => {
    if (typeof child === "string") return [child];
    if (child.name === "mrk") return readMarker(reader, child, problems, id, markers);
    const { kind, language } = kindOfName(reader.codeName(child));
    const codeId = child.attributes.id;
    const isPlaceholder = reader.placeholder.includes(child.name);
    if (!isPlaceholder && !reader.paired.includes(child.name)) {
      problems.push({
        line: child.line,
        id,
        message: `the element <${child.name}> is not used in this project's files; keep only the tags that were in the ${languageName(sourceLanguage)} text`,
      });
      return [];
    }
    if (kind === undefined || codeId === undefined) {
      problems.push({
        line: child.line,
        id,
        message: `the tag <${child.name}> has no id or an unknown type; copy the tags from the ${languageName(sourceLanguage)} text instead of typing them`,
      });
      return [];
    }
    const shown = reader.shown(child) ?? "";
    if (isPlaceholder) return [{ type: "ph", id: codeId, kind, markdown: "", equiv: shown }];
    return [
      {
        type: "pc",
        id: codeId,
        kind,
        open: "[",
        close: language === undefined ? shown : `]{lang=${language}}`,
        content: readInline(reader, child, problems, id, markers),
      },
    ];
  });
}

/** Where a unit is in its file, and what it holds. */
export interface UnitElements {
  element: XmlElement;
  file: string;
  source: XmlElement | undefined;
  target: XmlElement | undefined;
  done: boolean;
}

/** Reads one unit, or reports why it cannot be read. */
export function readUnits(
  reader: FormatReader,
  problems: ReadProblem[],
  { element, file, source, target, done }: UnitElements,
): ReceivedUnit[] {
  const id = element.attributes.id;
  const identity = reader.sourceIdentity(element);
  if (id === undefined || source === undefined) {
    problems.push({
      line: element.line,
      ...(id === undefined ? {} : { id }),
      message: "a unit needs an id and a <source>; the file seems damaged: export it again",
    });
    return [];
  }
  return [
    {
      id,
      file,
      line: element.line,
      targetLine: target?.line ?? element.line,
      source: normaliseSpaces(readInline(reader, source, problems, id)),
      ...(identity === undefined ? {} : { sourceIdentity: identity }),
      ...(target === undefined
        ? {}
        : { target: normaliseSpaces(readInline(reader, target, problems, id)) }),
      done,
    },
  ];
}

/** The units (`trans-unit` or `unit`) of a file or group, those inside groups included. */
export function unitsIn(element: XmlElement, unitName: string): XmlElement[] {
  return element.children.flatMap((child) =>
    typeof child === "string"
      ? []
      : child.name === unitName
        ? [child]
        : child.name === "group"
          ? unitsIn(child, unitName)
          : [],
  );
}

import { languageOfTag, sourceLanguage, targetLanguages } from "../lib/languages.ts";
import {
  codeNames,
  sourceIdentity,
  type ExchangeFile,
  type ExchangeUnit,
  type ReadProblem,
  type ReceivedDocument,
  type UnitState,
} from "./exchange.ts";
import { codesOf, spanLanguage, type Inline } from "./inline.ts";
import { readUnits, unitsIn, type FormatReader } from "./xliff-read.ts";
import { attributes, childElements, escapeXml, type XmlElement } from "./xml.ts";

/** The XLIFF 1.2 namespace. */
export const xliff12Namespace = "urn:oasis:names:tc:xliff:document:1.2";

const states: Record<UnitState, string> = {
  new: "needs-translation",
  changed: "needs-review-translation",
  unconfirmed: "needs-review-translation",
  current: "final",
};

const doneStates = new Set(["translated", "signed-off", "final"]);

function ctypeOf(code: Exclude<Inline, string>): string {
  const language = spanLanguage(code);
  return language === undefined
    ? codeNames[code.kind as keyof typeof codeNames].ctype
    : `x-lang-${language}`;
}

/**
 * Inline content; codes the source does not have (`sourceIds` given: a phrase of the target
 * marked as German) are written as markers, since a target may carry only its source's codes.
 */
function inline(content: readonly Inline[], sourceIds?: ReadonlySet<string>): string {
  return content
    .map((item) => {
      if (typeof item === "string") return escapeXml(item);
      if (item.type === "ph") {
        return `<x${attributes({ id: item.id, ctype: ctypeOf(item), "equiv-text": item.equiv })}/>`;
      }
      if (sourceIds !== undefined && !sourceIds.has(item.id)) {
        return `<mrk${attributes({ mtype: ctypeOf(item) })}>${inline(item.content, sourceIds)}</mrk>`;
      }
      return `<g${attributes({ id: item.id, ctype: ctypeOf(item) })}>${inline(item.content, sourceIds)}</g>`;
    })
    .join("");
}

function unit(entry: ExchangeUnit): string {
  const { segment, target, state } = entry;
  const sourceIds = new Set(codesOf(segment.content).map((code) => code.id));
  return [
    `      <trans-unit${attributes({ id: segment.id, resname: sourceIdentity(segment.content), approved: state === "current" ? "yes" : undefined, "xml:space": "preserve" })}>`,
    `        <source>${inline(segment.content)}</source>`,
    ...(target === undefined
      ? []
      : [
          `        <target${attributes({ state: states[state] })}>${inline(target, sourceIds)}</target>`,
        ]),
    ...entry.notes.map((note) => `        <note>${escapeXml(note)}</note>`),
    "      </trans-unit>",
  ].join("\n");
}

/** Writes the exchange into one target language as one XLIFF 1.2 document: a `<file>` per source file. */
export function writeXliff12(files: readonly ExchangeFile[], targetLanguage: string): string {
  const body = files.map((file) =>
    [
      `  <file${attributes({
        original: file.original,
        "source-language": sourceLanguage,
        "target-language": targetLanguage,
        datatype: file.original.endsWith(".md") ? "x-markdown" : "plaintext",
      })}>`,
      "    <body>",
      ...file.units.map(unit),
      "    </body>",
      "  </file>",
    ].join("\n"),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="${xliff12Namespace}">
${body.join("\n")}
</xliff>
`;
}

const reader: FormatReader = {
  placeholder: ["x", "ph"],
  paired: ["g"],
  codeName: (element) => element.attributes.ctype,
  shown: (element) => element.attributes["equiv-text"],
  markerName: (element) => element.attributes.mtype,
  sourceIdentity: (unit) => unit.attributes.resname,
};

/** Whether a unit's translation is done: its target's state says so, or the unit is approved. */
function isDone(element: XmlElement, target: XmlElement | undefined): boolean {
  if (target === undefined) return false;
  const state = target.attributes.state;
  return element.attributes.approved === "yes" || state === undefined || doneStates.has(state);
}

/** Reads an XLIFF 1.2 document (the root element already parsed). */
export function readXliff12(root: XmlElement): ReceivedDocument {
  const problems: ReadProblem[] = [];
  const files = childElements(root, "file");
  const languagesOf = (file: XmlElement | undefined) => ({
    sourceLanguage: file?.attributes["source-language"] ?? "",
    targetLanguage: file?.attributes["target-language"] ?? "",
    languageLine: file?.line ?? root.line,
  });
  // Every <file> names its languages: the first one with other languages than the first file's,
  // or than the project can take, is reported. Tags are read as BCP 47 (`en-GB` is `en`).
  const firstTarget = languageOfTag(languagesOf(files[0]).targetLanguage);
  const odd = files.find((file) => {
    const languages = languagesOf(file);
    const target = languageOfTag(languages.targetLanguage);
    return (
      languageOfTag(languages.sourceLanguage) !== sourceLanguage ||
      target === undefined ||
      !targetLanguages.includes(target) ||
      target !== firstTarget
    );
  });
  const document: ReceivedDocument = {
    ...languagesOf(odd ?? files[0]),
    units: [],
    problems,
  };
  for (const file of files) {
    const original = file.attributes.original;
    const [body] = childElements(file, "body");
    if (original === undefined || body === undefined) {
      problems.push({
        line: file.line,
        message: `a <file> needs an "original" attribute and a <body>, as XLIFF 1.2 requires`,
      });
      continue;
    }
    for (const element of unitsIn(body, "trans-unit")) {
      const [source] = childElements(element, "source");
      const [target] = childElements(element, "target");
      document.units.push(
        ...readUnits(reader, problems, {
          element,
          file: original,
          source,
          target,
          done: isDone(element, target),
        }),
      );
    }
  }
  return document;
}

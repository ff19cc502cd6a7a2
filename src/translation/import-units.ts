import { languageName, sourceLanguage } from "../lib/languages.ts";
import {
  sourceIdentity,
  type ExchangeUnit,
  type ReceivedDocument,
  type ReceivedUnit,
} from "./exchange.ts";
import {
  codesOf,
  markupCode,
  serialise,
  shapeOf,
  spanLanguage,
  type Inline,
  type InlineCode,
} from "./inline.ts";

/** The source language's name, for messages. */
const source = languageName(sourceLanguage);

/** Where a unit carries its `sourceIdentity`, for messages. */
const identityAttributes = "resname (XLIFF 1.2) or name (XLIFF 2.0)";
import type { TranslationProject } from "./project.ts";

/** Something in an exchange file (or the project) that stops the import, located for the translator. */
export interface ImportProblem {
  /** The exchange file as given on the command line, or the project file at fault. */
  file: string;
  line: number;
  id?: string;
  message: string;
}

/** A received translation matched to its segment, codes resolved against the German. */
export interface Accepted {
  unit: ExchangeUnit;
  target: Inline[];
  /** Where it came from, for messages about its page. */
  file: string;
  line: number;
  /** The German file the segment is in. */
  germanFile: string;
  /** Whether it differs from the current translation (or there was none). */
  changed: boolean;
}

/**
 * What a translator may not type, because it would mean something once written into a page
 * or locale file: the import refuses it rather than escaping it, so what is published is
 * always what the translator sees. Each rule names what it found and what to do.
 */
const typedSyntax: { pattern: RegExp; message: string }[] = [
  {
    pattern: /[{}]/,
    message: `the translation contains a curly brace ({ or }); next to a tag it would turn into template code ({{ … }} or {% … %}) on the page: remove it, and keep only the tags from the ${source}`,
  },
  {
    pattern: /\$t\s*\(/,
    message:
      'the translation contains "$t(", which would insert another text of the site in its place: remove it, and write the words themselves',
  },
  {
    pattern: new RegExp(`${markupCode.source}|<!--`),
    message: `the translation contains HTML markup (such as <b> or &nbsp;); write plain text, and use the tags from the ${source} for emphasis and links`,
  },
  {
    pattern: /\]\(|\]\[|<https?:|<mailto:|https?:\/\/|www\./i,
    message: `the translation contains a new link or web address typed as text; links come only from the tags of the ${source} text: remove it`,
  },
];

/** The text of a content without its codes, the text inside paired codes included. */
function plainText(content: readonly Inline[]): string {
  return content
    .map((item) =>
      typeof item === "string" ? item : item.type === "pc" ? plainText(item.content) : "",
    )
    .join("");
}

/** Problems of a target's own text: template code, nesting, markup, links typed as text. */
function textProblems(content: readonly Inline[]): string[] {
  const text = plainText(content);
  return typedSyntax.filter(({ pattern }) => pattern.test(text)).map(({ message }) => message);
}

/** How a code was shown in the file it came back in, when the file says. */
function shownAs(code: InlineCode): string {
  return code.type === "ph" ? code.equiv : code.close;
}

/**
 * Whether the German a unit came back with is the German now: the same text and codes, and
 * each code standing for the same thing (a fact, a link's address), so a unit whose fact was
 * swapped for another is stale too. The unit's `sourceIdentity` says what its codes stand for;
 * where a tool dropped it, what the file shows for each code (`equiv-text`, `equiv`, `dispEnd`)
 * must; a code that shows nothing then leaves it `unknown`.
 */
function sameSource(
  received: ReceivedUnit,
  german: readonly Inline[],
): "same" | "changed" | "unknown" {
  if (shapeOf(received.source) !== shapeOf(german)) return "changed";
  if (received.sourceIdentity !== undefined) {
    return received.sourceIdentity === sourceIdentity(german) ? "same" : "changed";
  }
  const current = new Map(codesOf(german).map((code) => [code.id, code]));
  let unknown = false;
  for (const code of codesOf(received.source)) {
    const now = shownAs(current.get(code.id) ?? code);
    const shown = shownAs(code);
    if (shown === "" && now !== "") unknown = true;
    else if (shown !== now) return "changed";
  }
  return unknown ? "unknown" : "same";
}

/**
 * Checks the target's codes against the German segment's, and gives them back with what they
 * stand for. Each German code must be there once; a phrase marked as being in the target
 * language may lose its mark, and a phrase may be marked as German; nothing else may be added.
 */
function resolveCodes(
  unit: ExchangeUnit,
  target: readonly Inline[],
  localiseLink: (close: string) => string,
  targetLanguage: string,
): { target: Inline[] } | { problems: string[] } {
  const german = new Map(codesOf(unit.segment.content).map((code) => [code.id, code]));
  const seen = new Set<string>();
  const problems: string[] = [];
  const resolve = (items: readonly Inline[]): Inline[] =>
    items.map((item) => {
      if (typeof item === "string") return item;
      const original = german.get(item.id);
      const content = item.type === "pc" ? resolve(item.content) : [];
      if (original === undefined) {
        if (item.type === "pc" && spanLanguage(item) === sourceLanguage) {
          return { ...item, open: "[", content };
        }
        problems.push(
          `the tag ${item.id} is not in the ${source} text; remove it (only the ${source} text's tags may be used)`,
        );
        return item;
      }
      if (seen.has(item.id)) {
        problems.push(
          `the tag ${item.id} appears more than once; each tag from the ${source} must appear exactly once`,
        );
      }
      seen.add(item.id);
      if (original.type !== item.type || original.kind !== item.kind) {
        problems.push(
          `the tag ${item.id} has been changed; use the tag exactly as it is in the ${source} text`,
        );
        return item;
      }
      if (original.type === "ph") return original;
      const close = original.kind === "link" ? localiseLink(original.close) : original.close;
      return { ...original, close, content };
    });
  const resolved = resolve(target);
  for (const code of german.values()) {
    if (seen.has(code.id) || spanLanguage(code) === targetLanguage) continue;
    problems.push(
      `the tag ${code.id} (${code.type === "ph" ? code.equiv || code.markdown : `${code.open}…${code.close}`}) from the ${source} is missing; put it back where it belongs in the translation`,
    );
  }
  problems.push(...textProblems(resolved));
  return problems.length > 0 ? { problems } : { target: resolved };
}

function isEmpty(content: readonly Inline[] | undefined): boolean {
  return (
    content === undefined || content.every((item) => typeof item === "string" && item.trim() === "")
  );
}

/** Every segment of the project by id, with the German file it is in. */
function projectUnits(
  project: TranslationProject,
): Map<string, { unit: ExchangeUnit; file: string }> {
  return new Map([
    ...project.texts.map(
      ({ unit, source }) => [unit.segment.id, { unit, file: source.file }] as const,
    ),
    ...project.pages.flatMap((page) =>
      page.units.map((unit) => [unit.segment.id, { unit, file: page.source.file }] as const),
    ),
  ]);
}

/** One received unit checked against its segment: the accepted translation, or why not. */
function checkUnit(
  project: TranslationProject,
  found: { unit: ExchangeUnit; file: string } | undefined,
  received: ReceivedUnit,
): { accepted?: Omit<Accepted, "file" | "line"> } | { problems: string[]; atTarget: boolean } {
  if (found === undefined) {
    const problem =
      "this segment is not in the project (it was removed or renamed since the export, or its id was changed): leave it out, or export again to get the current segments";
    return { problems: [problem], atTarget: false };
  }
  const { unit } = found;
  const sameGerman = sameSource(received, unit.segment.content);
  if (sameGerman === "changed") {
    const problem = `the ${source} text of this segment has changed since the file was exported. It now reads: "${serialise(unit.segment.content, unit.segment.format)}". Export again (npm run i18n:export) and translate the new ${source}`;
    return { problems: [problem], atTarget: false };
  }
  if (sameGerman === "unknown") {
    const problem = `the file no longer says which ${source} this segment was translated from: the unit lost its ${identityAttributes} attribute and a tag its equiv-text, so a figure or link swapped since the export would go unnoticed. Export again (npm run i18n:export) and translate in a tool that keeps the unit's attributes`;
    return { problems: [problem], atTarget: false };
  }
  if (!received.done) return {};
  if (isEmpty(received.target)) {
    const problem =
      "the segment is marked as translated but its translation is empty: translate it, or set it back to not translated";
    return { problems: [problem], atTarget: true };
  }
  const result = resolveCodes(
    unit,
    received.target ?? [],
    project.localiseLink,
    project.targetLanguage,
  );
  if ("problems" in result) return { problems: result.problems, atTarget: true };
  const changed = unit.target === undefined || shapeOf(unit.target) !== shapeOf(result.target);
  return { accepted: { unit, target: result.target, germanFile: found.file, changed } };
}

/**
 * Matches each received unit of every document to its segment and checks it: a unit the
 * project lacks, one whose German changed, one given twice, a translation with foreign tags or
 * typed syntax are problems. Returns the translations to take over, by segment id.
 */
export function acceptUnits(
  project: TranslationProject,
  documents: readonly { file: string; document: ReceivedDocument }[],
  problems: ImportProblem[],
): Map<string, Accepted> {
  const units = projectUnits(project);
  const first = new Map<string, { file: string; line: number }>();
  const accepted = new Map<string, Accepted>();
  for (const { file, document } of documents) {
    for (const received of document.units) {
      const problem = (line: number, message: string) =>
        problems.push({ file, line, id: received.id, message });
      const earlier = first.get(received.id);
      if (earlier !== undefined) {
        problem(
          received.line,
          `the segment is in the exchange twice (also at ${earlier.file}:${earlier.line}), so it is unclear which translation counts: keep only one of them`,
        );
        continue;
      }
      first.set(received.id, { file, line: received.line });
      const result = checkUnit(project, units.get(received.id), received);
      if ("problems" in result) {
        const line = result.atTarget ? received.targetLine : received.line;
        for (const message of result.problems) problem(line, message);
      } else if (result.accepted !== undefined) {
        accepted.set(received.id, { ...result.accepted, file, line: received.line });
      }
    }
  }
  return accepted;
}

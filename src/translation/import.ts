import { readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { format as prettierFormat } from "prettier";
import { checkTranslations } from "../checks/i18n/check.ts";
import { setFrontMatterField } from "../checks/i18n/mark.ts";
import type { Finding } from "../checks/i18n/types.ts";
import { keyRecordFile, serialiseKeyRecord } from "../checks/i18n/versions.ts";
import { sourceLanguage, type Language } from "../lib/languages.ts";
import { textVersion } from "../lib/translation-version.ts";
import {
  exchangeLanguages,
  type ExchangeUnit,
  type ReceivedDocument,
  type ReceivedUnit,
} from "./exchange.ts";
import { codesOf, markupCode, serialise, shapeOf, spanLanguage, type Inline } from "./inline.ts";
import { refreshedMemory } from "./memory.ts";
import {
  readTranslationProject,
  type PageTranslation,
  type TranslationProject,
} from "./project.ts";
import { memoryFile, writeMemory } from "./tmx.ts";
import { readXliff12, xliff12Namespace } from "./xliff12.ts";
import { readXliff20, xliff20Namespace } from "./xliff20.ts";
import { parseXml, XmlSyntaxError } from "./xml.ts";

/** Something in an exchange file that stops the import, located for the translator. */
export interface ImportProblem {
  /** The exchange file as given on the command line. */
  file: string;
  line: number;
  id?: string;
  message: string;
}

/** What an import did, or why it did nothing. */
export interface ImportOutcome {
  /** Non-empty: nothing was written. */
  problems: ImportProblem[];
  /** Files written, relative to the project. */
  written: string[];
  /** How many segments were taken over. */
  segments: number;
  /** What the translation check found afterwards. */
  findings: Finding[];
}

/** A received translation matched to its segment, codes resolved against the German. */
interface Accepted {
  unit: ExchangeUnit;
  target: Inline[];
  /** Where it came from, for messages about its page. */
  file: string;
  line: number;
}

/** The problem, formatted the way every tool prints locations. */
export function formatProblem(problem: ImportProblem): string {
  const segment = problem.id === undefined ? "" : ` segment ${problem.id}:`;
  return `${problem.file}:${problem.line}:${segment} ${problem.message}`;
}

function readDocument(file: string, text: string): ReceivedDocument | ImportProblem {
  let root;
  try {
    root = parseXml(text);
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    return {
      file,
      line: error.line,
      message: `the file is not well-formed XML (${error.message}). The file may have been damaged when it was saved or sent: export it again from your CAT tool`,
    };
  }
  if (root.name === "xliff" && root.namespace === xliff12Namespace) return readXliff12(root);
  if (root.name === "xliff" && root.namespace === xliff20Namespace) return readXliff20(root);
  return {
    file,
    line: root.line,
    message: "this is not an XLIFF 1.2 or 2.0 file: give the XLIFF file your CAT tool exported",
  };
}

const linkSyntax = /\]\(|<https?:|https?:\/\//;

/** The text of a content without its codes, the text inside paired codes included. */
function plainText(content: readonly Inline[]): string {
  return content
    .map((item) =>
      typeof item === "string" ? item : item.type === "pc" ? plainText(item.content) : "",
    )
    .join("");
}

/** Problems of a target's own text: template code, markup, links typed as text. */
function textProblems(content: readonly Inline[]): string[] {
  const text = plainText(content);
  const problems: string[] = [];
  if (/\{[{%#]/.test(text)) {
    problems.push(
      "the translation contains template code ({{ … }} or {% … %}); such code is added by the project, not typed: remove it and keep only the tags from the German",
    );
  }
  if (new RegExp(markupCode.source).test(text)) {
    problems.push(
      "the translation contains HTML markup (such as <b> or &nbsp;); write plain text, and use the tags from the German for emphasis and links",
    );
  }
  if (linkSyntax.test(text)) {
    problems.push(
      "the translation contains a new link or web address typed as text; links come only from the tags of the German text: remove it",
    );
  }
  return problems;
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
): { target: Inline[] } | { problems: string[] } {
  const german = new Map(codesOf(unit.segment.content).map((code) => [code.id, code]));
  const seen = new Set<string>();
  const problems: string[] = [];
  const resolve = (items: readonly Inline[]): Inline[] =>
    items.map((item) => {
      if (typeof item === "string") return item;
      const original = german.get(item.id);
      const content = item.type === "pc" ? resolve(item.content) : [];
      if (seen.has(item.id)) {
        problems.push(
          `the tag ${item.id} appears more than once; each tag from the German must appear exactly once`,
        );
      }
      seen.add(item.id);
      if (original === undefined) {
        if (item.type === "pc" && spanLanguage(item) === sourceLanguage) {
          return { ...item, open: "[", content };
        }
        problems.push(
          `the tag ${item.id} is not in the German text; remove it (only the German text's tags may be used)`,
        );
        return item;
      }
      if (original.type !== item.type || original.kind !== item.kind) {
        problems.push(
          `the tag ${item.id} has been changed; use the tag exactly as it is in the German text`,
        );
        return item;
      }
      if (original.type === "ph") return original;
      return {
        ...original,
        close: original.kind === "link" ? localiseLink(original.close) : original.close,
        content,
      };
    });
  const resolved = resolve(target);
  for (const code of german.values()) {
    if (seen.has(code.id) || spanLanguage(code) === exchangeLanguages.target) continue;
    problems.push(
      `the tag ${code.id} (${code.type === "ph" ? code.equiv || code.markdown : `${code.open}…${code.close}`}) from the German is missing; put it back where it belongs in the translation`,
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

/** Matches each received unit to its segment and checks it; collects every problem. */
function acceptUnits(
  project: TranslationProject,
  file: string,
  document: ReceivedDocument,
  problems: ImportProblem[],
): Accepted[] {
  const units = new Map<string, ExchangeUnit>([
    ...project.texts.map(({ unit }): [string, ExchangeUnit] => [unit.segment.id, unit]),
    ...project.pages.flatMap((page) =>
      page.units.map((unit): [string, ExchangeUnit] => [unit.segment.id, unit]),
    ),
  ]);
  const problem = (received: ReceivedUnit, line: number, message: string) =>
    problems.push({ file, line, id: received.id, message });
  const accepted: Accepted[] = [];
  for (const received of document.units) {
    const unit = units.get(received.id);
    if (unit === undefined) {
      problem(
        received,
        received.line,
        "this segment is not in the project (it was removed or renamed since the export, or its id was changed): leave it out, or export again to get the current segments",
      );
      continue;
    }
    if (shapeOf(received.source) !== shapeOf(unit.segment.content)) {
      problem(
        received,
        received.line,
        `the German text of this segment has changed since the file was exported. It now reads: "${serialise(unit.segment.content, unit.segment.format)}". Export again (npm run i18n:export) and translate the new German`,
      );
      continue;
    }
    if (!received.done) continue;
    if (isEmpty(received.target)) {
      problem(
        received,
        received.targetLine,
        "the segment is marked as translated but its translation is empty: translate it, or set it back to not translated",
      );
      continue;
    }
    const result = resolveCodes(unit, received.target ?? [], project.localiseLink);
    if ("problems" in result) {
      for (const message of result.problems) problem(received, received.targetLine, message);
      continue;
    }
    accepted.push({ unit, target: result.target, file, line: received.line });
  }
  return accepted;
}

function replaceRanges(
  text: string,
  replacements: readonly { start: number; end: number; text: string }[],
): string {
  let result = text;
  for (const { start, end, text: replacement } of [...replacements].sort(
    (a, b) => b.start - a.start,
  )) {
    result = result.slice(0, start) + replacement + result.slice(end);
  }
  return result;
}

/** The English page rebuilt with the accepted translations; undefined when it cannot be. */
function rebuildPage(
  page: PageTranslation,
  accepted: ReadonlyMap<string, Inline[]>,
): { text: string; complete: boolean } | { missing: string[] } {
  const german = page.sourceSegments;
  const english = page.translationSegments;
  const blockUnits = page.units.slice(german.fields.length);
  const done = (unit: ExchangeUnit) =>
    accepted.has(unit.segment.id) || (page.aligned && unit.state === "current");
  // A page that does not follow the German structure is rebuilt on it, with every block.
  const rebuilds = !page.aligned && blockUnits.some((unit) => accepted.has(unit.segment.id));
  const missing = blockUnits.filter((unit) => rebuilds && !accepted.has(unit.segment.id));
  if (missing.length > 0) return { missing: missing.map((unit) => unit.segment.id) };
  const changed = (unit: ExchangeUnit) => {
    const target = accepted.get(unit.segment.id);
    return target !== undefined &&
      (unit.target === undefined || shapeOf(target) !== shapeOf(unit.target))
      ? target
      : undefined;
  };
  // An English page with the German structure keeps its own wording and line breaks wherever
  // the translation did not change; any other page is rebuilt on the German page's structure.
  const frame = rebuilds ? german : english;
  const frameText = rebuilds ? page.source.text : page.translation.text;
  const replacements = blockUnits.flatMap((unit, index) => {
    const target = rebuilds ? accepted.get(unit.segment.id) : changed(unit);
    const block = frame.blocks[index];
    if (target === undefined || block === undefined) return [];
    return [{ start: block.start, end: block.end, text: serialise(target, "markdown") }];
  });
  let body = replaceRanges(frameText, replacements);
  if (rebuilds) {
    const germanBodyStart = page.source.text.length - page.source.body.length;
    const englishFrontMatter = page.translation.text.slice(
      0,
      page.translation.text.length - page.translation.body.length,
    );
    body = englishFrontMatter + body.slice(germanBodyStart);
  }
  let text = body;
  for (const unit of page.units.slice(0, german.fields.length)) {
    const target = changed(unit);
    if (target !== undefined) {
      text = setFrontMatterField(
        text,
        unit.segment.kind,
        JSON.stringify(serialise(target, "text")).slice(1, -1),
      );
    }
  }
  return { text, complete: page.units.every(done) };
}

/** Sets a dotted path in a nested object, creating groups on the way. */
function setPath(tree: Record<string, unknown>, keyPath: readonly string[], value: unknown): void {
  let node = tree;
  for (const name of keyPath.slice(0, -1)) {
    const next = node[name];
    node = (typeof next === "object" && next !== null ? next : (node[name] = {})) as Record<
      string,
      unknown
    >;
  }
  node[keyPath[keyPath.length - 1] ?? ""] = value;
}

/** The English locale files with the accepted texts, keys in the German files' order. */
async function rebuildLocaleFiles(
  project: TranslationProject,
  accepted: ReadonlyMap<string, Inline[]>,
): Promise<Map<string, string>> {
  const changedFiles = new Set<string>();
  const values = new Map<string, unknown>();
  for (const text of project.texts) {
    const target = accepted.get(text.source.key);
    const current = text.unit.target;
    if (target === undefined || (current !== undefined && shapeOf(target) === shapeOf(current))) {
      continue;
    }
    values.set(text.source.key, serialise(target, "text"));
    changedFiles.add(text.source.key.split(".")[0] ?? "");
  }
  const written = new Map<string, string>();
  for (const name of changedFiles) {
    const germanFile = `locales/${sourceLanguage}/${name}.json`;
    const englishFile = `locales/${exchangeLanguages.target}/${name}.json`;
    const tree: Record<string, unknown> = {};
    const english = project.locales.texts[exchangeLanguages.target as Language];
    for (const text of project.locales.texts[sourceLanguage].values()) {
      if (text.file !== germanFile) continue;
      const value = values.get(text.key) ?? english.get(text.key)?.value;
      if (value !== undefined) setPath(tree, text.path.split("."), value);
    }
    // Texts only the English file has stay, after the German ones.
    for (const text of english.values()) {
      if (text.file === englishFile && !project.locales.texts[sourceLanguage].has(text.key)) {
        setPath(tree, text.path.split("."), text.value);
      }
    }
    // Prettier keeps an object on one line when it starts on one; the locale files are expanded.
    written.set(
      englishFile,
      await prettierFormat(JSON.stringify(tree, null, 2), {
        filepath: path.join(project.projectRoot, englishFile),
      }),
    );
  }
  return written;
}

/**
 * Writes every file or none: each new content goes to a temporary file beside its target,
 * then all are renamed into place; if a rename fails, the files already replaced get their
 * old content back.
 */
export async function writeAll(
  projectRoot: string,
  files: ReadonlyMap<string, string>,
): Promise<void> {
  const entries = [...files].map(([file, text]) => ({
    absolute: path.join(projectRoot, file),
    temporary: path.join(projectRoot, `${file}.importing`),
    text,
  }));
  const originals = await Promise.all(
    entries.map(({ absolute }) => readFile(absolute, "utf8").catch(() => undefined)),
  );
  try {
    for (const entry of entries) await writeFile(entry.temporary, entry.text);
  } catch (error) {
    await Promise.all(entries.map((entry) => rm(entry.temporary, { force: true })));
    throw error;
  }
  const renamed: number[] = [];
  try {
    for (const [index, entry] of entries.entries()) {
      await rename(entry.temporary, entry.absolute);
      renamed.push(index);
    }
  } catch (error) {
    for (const index of renamed) {
      const entry = entries[index];
      const original = originals[index];
      if (entry === undefined) continue;
      if (original === undefined) await rm(entry.absolute, { force: true });
      else await writeFile(entry.absolute, original);
    }
    await Promise.all(entries.map((entry) => rm(entry.temporary, { force: true })));
    throw error;
  }
}

/**
 * Takes translated XLIFF files back: checks every file and segment first, and only if nothing
 * is wrong writes the English pages and locale files, records the translations as made from
 * the German as it is now, updates the memory, and runs the translation check.
 */
export async function importTranslations(
  projectRoot: string,
  exchangeFiles: readonly string[],
): Promise<ImportOutcome> {
  const project = await readTranslationProject(projectRoot);
  const problems: ImportProblem[] = [];
  const accepted = new Map<string, Accepted>();
  for (const file of exchangeFiles) {
    const text = await readFile(path.resolve(projectRoot, file), "utf8");
    const document = readDocument(file, text);
    if ("message" in document) {
      problems.push(document);
      continue;
    }
    problems.push(...document.problems.map((problem) => ({ file, ...problem })));
    if (
      document.sourceLanguage !== exchangeLanguages.source ||
      document.targetLanguage !== exchangeLanguages.target
    ) {
      problems.push({
        file,
        line: document.languageLine,
        message: `the file translates from "${document.sourceLanguage}" into "${document.targetLanguage}", but this project takes translations from German (de) into English (en)`,
      });
      continue;
    }
    for (const entry of acceptUnits(project, file, document, problems)) {
      accepted.set(entry.unit.segment.id, entry);
    }
  }
  const targets = new Map([...accepted].map(([id, entry]) => [id, entry.target]));
  const files = new Map<string, string>();
  for (const page of project.pages) {
    if (!page.units.some((unit) => targets.has(unit.segment.id))) continue;
    const rebuilt = rebuildPage(page, targets);
    if ("missing" in rebuilt) {
      const first = page.units.flatMap((unit) => accepted.get(unit.segment.id) ?? [])[0];
      problems.push({
        file: first?.file ?? "",
        line: first?.line ?? 1,
        id: first?.unit.segment.id ?? "",
        message: `${page.translation.file} does not follow the structure of ${page.source.file}, so it is rebuilt from the German page and needs every segment translated; still untranslated: ${rebuilt.missing.join(", ")}`,
      });
      continue;
    }
    let text = rebuilt.text;
    if (rebuilt.complete) {
      text = setFrontMatterField(text, "translatedFrom", page.version);
    }
    if (text !== page.translation.text) files.set(page.translation.file, text);
  }
  if (problems.length > 0) return { problems, written: [], segments: 0, findings: [] };
  for (const [file, text] of await rebuildLocaleFiles(project, targets)) files.set(file, text);
  const keys = project.texts.filter((text) => targets.has(text.source.key));
  if (keys.length > 0) {
    const versions = new Map(
      [...project.record.versions].map(([language, entries]) => [
        language,
        new Map([...entries].map(([key, entry]) => [key, entry.version])),
      ]),
    );
    const english = versions.get(exchangeLanguages.target) ?? new Map<string, string>();
    for (const text of keys) english.set(text.source.key, textVersion(text.source.value));
    versions.set(exchangeLanguages.target, english);
    files.set(keyRecordFile, serialiseKeyRecord(versions));
  }
  const memory = refreshedMemory(project, {});
  for (const { unit, target } of accepted.values()) {
    const page = project.pages.find((candidate) => candidate.units.includes(unit));
    const file =
      page?.source.file ?? project.texts.find((text) => text.unit === unit)?.source.file ?? "";
    memory.set(unit.segment.id, {
      id: unit.segment.id,
      file,
      source: unit.segment.content,
      target,
    });
  }
  files.set(memoryFile, writeMemory(memory));
  const changed = new Map(
    await Promise.all(
      [...files].map(async ([file, text]): Promise<[string, string | undefined]> => [
        file,
        (await readFile(path.join(projectRoot, file), "utf8").catch(() => undefined)) === text
          ? undefined
          : text,
      ]),
    ),
  );
  const toWrite = new Map(
    [...changed].flatMap(([file, text]): [string, string][] =>
      text === undefined ? [] : [[file, text]],
    ),
  );
  await writeAll(projectRoot, toWrite);
  return {
    problems: [],
    written: [...toWrite.keys()].sort(),
    segments: accepted.size,
    findings: await checkTranslations({ projectRoot }),
  };
}

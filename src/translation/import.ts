import { textsIn } from "../lib/locale-texts.ts";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { format as prettierFormat } from "prettier";
import { ContentError } from "../lib/errors.ts";
import { setFrontMatterField } from "../lib/front-matter-field.ts";
import { readFrontMatter } from "../lib/front-matter.ts";
import {
  languageName,
  languageOfTag,
  sourceLanguage,
  targetLanguages,
  type Language,
} from "../lib/languages.ts";
import { keyRecordFile, serialiseKeyRecord } from "../lib/translation-state.ts";
import { textVersion } from "../lib/translation-version.ts";
import type { ExchangeUnit, ReceivedDocument } from "./exchange.ts";
import { hasTranslatableText, normaliseSpaces, serialise, shapeOf, type Inline } from "./inline.ts";
import { pageSegments } from "./segments.ts";
import {
  readTranslationProject,
  type PageTranslation,
  type TranslationProject,
} from "./project.ts";
import { acceptUnits, type Accepted, type ImportProblem } from "./import-units.ts";
import { memoryFile, remember, writeMemory, type Memories } from "./tmx.ts";
import { readXliff12, xliff12Namespace } from "./xliff12.ts";
import { readXliff20, xliff20Namespace } from "./xliff20.ts";
import { parseXml, XmlSyntaxError, XmlTooDeepError } from "./xml.ts";
import { projectFiles } from "../lib/project.ts";

export type { ImportProblem } from "./import-units.ts";

/** What an import did, or why it did nothing. */
export interface ImportOutcome {
  /** Non-empty: nothing was written. */
  problems: ImportProblem[];
  /** Files written, relative to the project. */
  written: string[];
  /** Segments taken over with a translation that differs from the current one. */
  changed: number;
  /** Segments taken over with the translation they already had: confirmed as up to date. */
  confirmed: number;
}

/** The problem, formatted the way every tool prints locations: `FILE:LINE: segment ID: …`. */
export function formatProblem(problem: ImportProblem): string {
  const segment = problem.id === undefined ? "" : ` segment ${problem.id}:`;
  return `${problem.file}:${problem.line}:${segment} ${problem.message}`;
}

/**
 * The length of the longest start of `bytes` that is valid UTF-8: where a decoder meets the
 * first byte that is not (a Latin-1 "ü" in a file declared UTF-8).
 */
function validUtf8Prefix(bytes: Uint8Array): number {
  let valid = 0;
  let invalid = bytes.length + 1;
  while (invalid - valid > 1) {
    const middle = Math.floor((valid + invalid) / 2);
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, middle), { stream: true });
      valid = middle;
    } catch {
      invalid = middle;
    }
  }
  return valid;
}

/**
 * The encodings a file's first bytes give away: its byte-order mark, or the zero bytes that
 * UTF-16 and UTF-32 put beside every ASCII character of `<?xml`. Longest first (UTF-32LE's
 * mark begins with UTF-16LE's).
 */
const wideEncodings: { name: string; start: number[] }[] = [
  { name: "UTF-32 (little-endian, with a byte-order mark)", start: [0xff, 0xfe, 0x00, 0x00] },
  { name: "UTF-32 (big-endian, with a byte-order mark)", start: [0x00, 0x00, 0xfe, 0xff] },
  { name: "UTF-16 (little-endian, with a byte-order mark)", start: [0xff, 0xfe] },
  { name: "UTF-16 (big-endian, with a byte-order mark)", start: [0xfe, 0xff] },
  { name: "UTF-32 (little-endian)", start: [0x3c, 0x00, 0x00, 0x00] },
  { name: "UTF-32 (big-endian)", start: [0x00, 0x00, 0x00, 0x3c] },
  { name: "UTF-16 (little-endian)", start: [0x3c, 0x00] },
  { name: "UTF-16 (big-endian)", start: [0x00, 0x3c] },
];

/** The id of the unit (`trans-unit` or `unit`) a text's end stands in, if it stands in one. */
function openUnitAt(text: string): string | undefined {
  const starts = [...text.matchAll(/<(trans-unit|unit)\b[^>]*?\bid\s*=\s*["']([^"']*)["']/g)];
  const last = starts.at(-1);
  if (last === undefined) return undefined;
  return text.includes(`</${last[1] ?? ""}>`, last.index) ? undefined : last[2];
}

/** A file's bytes as text: UTF-8 only, as the export writes it; anything else is a problem. */
function decodeExchangeFile(file: string, bytes: Uint8Array): string | ImportProblem {
  const wide = wideEncodings.find(({ start }) =>
    start.every((byte, index) => bytes[index] === byte),
  );
  if (wide !== undefined) {
    return {
      file,
      line: 1,
      message: `the file is saved as ${wide.name}, but the import takes UTF-8 only: save or export it from the CAT tool as UTF-8`,
    };
  }
  const declared = /^(?:\uFEFF)?<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/.exec(
    new TextDecoder("latin1").decode(bytes.subarray(0, 200)),
  )?.[1];
  if (declared !== undefined && !/^utf-?8$/i.test(declared)) {
    return {
      file,
      line: 1,
      message: `the file is saved as ${declared}, but the import takes UTF-8 only: save or export it from the CAT tool as UTF-8`,
    };
  }
  const valid = validUtf8Prefix(bytes);
  if (valid === bytes.length) return new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
  const before = new TextDecoder("utf-8").decode(bytes.subarray(0, valid));
  const line = before.split("\n").length;
  const id = openUnitAt(before);
  return {
    file,
    line,
    ...(id === undefined ? {} : { id }),
    message: `the file says it is UTF-8, but byte ${valid + 1} (0x${(bytes[valid] ?? 0).toString(16).toUpperCase()}) is not: a character such as "ü" was saved in another encoding (perhaps Latin-1). Save or export the file from the CAT tool as UTF-8`,
  };
}

/** Reads an exchange file into its units, or the problems that stop it from being read. */
async function readExchangeFile(
  projectRoot: string,
  file: string,
): Promise<ReceivedDocument | ImportProblem> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path.resolve(projectRoot, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    const reasons: Record<string, string> = {
      // A file where the path needs a folder (`a.xlf/b.xlf`) leaves no such file either.
      ENOENT: "there is no such file",
      ENOTDIR: "there is no such file",
      EISDIR: "this is a folder",
      EACCES: "this file may not be read (EACCES)",
      EPERM: "this file may not be read (EPERM)",
    };
    const reason = reasons[code];
    if (reason === undefined) throw error;
    throw new ContentError(`${reason}: give the path of the XLIFF file your CAT tool exported`, {
      file,
    });
  }
  const text = decodeExchangeFile(file, bytes);
  if (typeof text !== "string") return text;
  let root;
  try {
    root = parseXml(text);
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    const message =
      error instanceof XmlTooDeepError
        ? `the file's ${error.message}, which no export of this project does: export the file again from your CAT tool`
        : `the file is not well-formed XML (${error.message}). The file may have been damaged when it was saved or sent: export it again from your CAT tool`;
    return { file, line: error.line, message };
  }
  if (root.name === "xliff" && root.namespace === xliff12Namespace) return readXliff12(root);
  if (root.name === "xliff" && root.namespace === xliff20Namespace) return readXliff20(root);
  return {
    file,
    line: root.line,
    message: "this is not an XLIFF 1.2 or 2.0 file: give the XLIFF file your CAT tool exported",
  };
}

/** Every exchange file read, with the problems of the files themselves and of their languages. */
async function readExchangeFiles(
  projectRoot: string,
  files: readonly string[],
  problems: ImportProblem[],
): Promise<{ file: string; document: ReceivedDocument }[]> {
  const documents: { file: string; document: ReceivedDocument }[] = [];
  for (const file of files) {
    const document = await readExchangeFile(projectRoot, file);
    if ("message" in document) {
      problems.push(document);
      continue;
    }
    problems.push(...document.problems.map((problem) => ({ file, ...problem })));
    // CAT tools write regional and upper-case tags (`de-DE`, `en-GB`, `EN`): BCP 47 tags.
    const target = languageOfTag(document.targetLanguage);
    if (
      languageOfTag(document.sourceLanguage) !== sourceLanguage ||
      target === undefined ||
      !targetLanguages.includes(target)
    ) {
      problems.push({
        file,
        line: document.languageLine,
        message: `the file translates from "${document.sourceLanguage}" into "${document.targetLanguage}", but this project takes translations from ${languageName(sourceLanguage)} (${sourceLanguage}) into ${targetLanguages.map((code) => `${languageName(code)} (${code})`).join(", ")}`,
      });
      continue;
    }
    documents.push({ file, document: { ...document, targetLanguage: target } });
  }
  return documents;
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

/** The accepted translation of a unit when it differs from the current one. */
function changedTarget(
  unit: ExchangeUnit,
  accepted: ReadonlyMap<string, Inline[]>,
): Inline[] | undefined {
  const target = accepted.get(unit.segment.id);
  return target !== undefined &&
    (unit.target === undefined || shapeOf(target) !== shapeOf(unit.target))
    ? target
    : undefined;
}

/** The English page rebuilt with the accepted translations; the missing segments when it cannot be. */
function rebuildPage(
  page: PageTranslation,
  accepted: ReadonlyMap<string, Inline[]>,
): { text: string; complete: boolean; rebuilds: boolean } | { missing: string[] } {
  const german = page.sourceSegments;
  const blockUnits = page.units.slice(german.fields.length);
  // A page that does not follow the German structure is rebuilt on it, with every block.
  const rebuilds = !page.aligned && blockUnits.some((unit) => accepted.has(unit.segment.id));
  const missing = blockUnits.filter((unit) => rebuilds && !accepted.has(unit.segment.id));
  if (missing.length > 0) return { missing: missing.map((unit) => unit.segment.id) };
  // An English page with the German structure keeps its own wording and line breaks wherever
  // the translation did not change; any other page is rebuilt on the German page's structure.
  const frame = rebuilds ? german : page.translationSegments;
  const frameText = rebuilds ? page.source.text : page.translation.text;
  const replacements = blockUnits.flatMap((unit, index) => {
    const target = rebuilds ? accepted.get(unit.segment.id) : changedTarget(unit, accepted);
    const block = frame.blocks[index];
    if (target === undefined || block === undefined) return [];
    return [{ start: block.start, end: block.end, text: serialise(target, "markdown") }];
  });
  let text = replaceRanges(frameText, replacements);
  if (rebuilds) {
    const germanBodyStart = page.source.text.length - page.source.body.length;
    const englishFrontMatter = page.translation.text.slice(
      0,
      page.translation.text.length - page.translation.body.length,
    );
    text = englishFrontMatter + text.slice(germanBodyStart);
  }
  for (const unit of page.units.slice(0, german.fields.length)) {
    const target = changedTarget(unit, accepted);
    if (target === undefined) continue;
    const value = JSON.stringify(serialise(target, "text")).slice(1, -1);
    text = setFrontMatterField(page.translation.file, text, unit.segment.kind, value);
  }
  const done = (unit: ExchangeUnit) =>
    accepted.has(unit.segment.id) || (page.aligned && unit.state === "current");
  return { text, complete: page.units.every(done), rebuilds };
}

/**
 * A content as Markdown reads it back when all goes well: neighbouring texts joined, spaces at
 * a code's edges outside it, runs of spaces as one, ids and shown values left out.
 */
function reading(content: readonly Inline[]): string {
  const canonical = (items: readonly Inline[]): Inline[] => {
    const out: Inline[] = [];
    const push = (item: Inline) => {
      const last = out[out.length - 1];
      if (typeof item === "string" && typeof last === "string") out[out.length - 1] = last + item;
      else if (item !== "") out.push(item);
    };
    for (const item of items) {
      if (typeof item === "string" || item.type === "ph") {
        push(item);
        continue;
      }
      const inner = canonical(item.content);
      const first = inner[0];
      const lead = typeof first === "string" ? (/^ */.exec(first)?.[0] ?? "") : "";
      if (typeof first === "string") inner[0] = first.slice(lead.length);
      const last = inner[inner.length - 1];
      const trail = typeof last === "string" ? (/ *$/.exec(last)?.[0] ?? "") : "";
      if (typeof last === "string")
        inner[inner.length - 1] = last.slice(0, last.length - trail.length);
      push(lead);
      push({ ...item, content: inner.filter((part) => part !== "") });
      push(trail);
    }
    return out.map((item) => (typeof item === "string" ? item.replace(/ {2,}/g, " ") : item));
  };
  return JSON.stringify(normaliseSpaces(canonical(normaliseSpaces([...content]))), [
    "type",
    "kind",
    "markdown",
    "open",
    "close",
    "content",
  ]);
}

/**
 * The first segment of a rebuilt page that Markdown would not read back as it was accepted (a
 * construct the escaping missed, a bold tag Markdown does not see next to punctuation), or
 * undefined when the page reads as intended: the same structure, each block and field as
 * written. Blamed on the accepted segment at that place, or the last one before it.
 */
function misreadSegment(
  page: PageTranslation,
  text: string,
  accepted: ReadonlyMap<string, Inline[]>,
  rebuilds: boolean,
): string | undefined {
  const german = page.sourceSegments;
  const frame = rebuilds ? german : page.translationSegments;
  const reread = pageSegments(
    text,
    page.translation.frontMatter.translationKey,
    readFrontMatter(text).data,
    (code) => code,
  );
  const blockUnits = page.units.slice(german.fields.length);
  const written = frame.blocks.map((block, index) => ({
    kind: block.kind,
    content: accepted.get(blockUnits[index]?.segment.id ?? "") ?? block.content,
    unit: blockUnits[index],
  }));
  // A block written without a letter ("---") is no segment when read back: part of the skeleton.
  let hole = 0;
  const skeleton = frame.skeleton
    .replace(/\0/g, () => {
      const block = written[hole++];
      return block === undefined || hasTranslatableText(block.content)
        ? "\0"
        : serialise(block.content, "markdown");
    })
    .replace(/[ \t\r\n]+/g, " ")
    .trim();
  const expected = written.filter((block) => hasTranslatableText(block.content));
  const at = Array.from(
    { length: Math.max(expected.length, reread.blocks.length) },
    (_, index) => index,
  ).find((index) => {
    const got = reread.blocks[index];
    const wanted = expected[index];
    return (
      got === undefined ||
      wanted === undefined ||
      got.kind !== wanted.kind ||
      reading(got.content) !== reading(wanted.content)
    );
  });
  if (at === undefined && reread.skeleton === skeleton) {
    const fields = new Map(reread.fields.map((field) => [field.kind, field.content]));
    return page.units.slice(0, german.fields.length).find((unit) => {
      const target = accepted.get(unit.segment.id);
      const got = fields.get(unit.segment.kind);
      return target !== undefined && (got === undefined || reading(got) !== reading(target));
    })?.segment.id;
  }
  const wantedAt = at === undefined ? undefined : expected[at];
  const upTo = wantedAt === undefined ? written.length : written.indexOf(wantedAt) + 1;
  const candidates = written.slice(0, upTo).map((block) => block.unit);
  const culprit =
    candidates.findLast((unit) => unit !== undefined && accepted.has(unit.segment.id)) ??
    blockUnits.find((unit) => accepted.has(unit.segment.id));
  return culprit?.segment.id;
}

/** The English pages with the accepted translations, marked where every segment is now current. */
function pageFiles(
  project: TranslationProject,
  accepted: ReadonlyMap<string, Accepted>,
  problems: ImportProblem[],
): Map<string, string> {
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
        message: `${page.translation.file} does not follow the structure of ${page.source.file}, so it is rebuilt from the ${languageName(sourceLanguage)} page and needs every segment translated; still untranslated: ${rebuilt.missing.join(", ")}`,
      });
      continue;
    }
    const misread = misreadSegment(page, rebuilt.text, targets, rebuilt.rebuilds);
    const blamed = misread === undefined ? undefined : accepted.get(misread);
    if (blamed !== undefined) {
      problems.push({
        file: blamed.file,
        line: blamed.line,
        id: blamed.unit.segment.id,
        message: `written into ${page.translation.file}, this translation would not show as typed: Markdown would read "${serialise(blamed.target, "markdown")}" as formatting, or lose a tag's formatting next to punctuation. Reword it around the tags (a space between a bold or italic tag and the next word helps)`,
      });
      continue;
    }
    const text = rebuilt.complete
      ? setFrontMatterField(page.translation.file, rebuilt.text, "translatedFrom", page.version)
      : rebuilt.text;
    files.set(page.translation.file, text);
  }
  return files;
}

/** A locale tree as JSON writes it: objects without a prototype, so no key reaches into one. */
type JsonTree = { [name: string]: unknown };

/** Sets a dotted path in a tree, creating groups on the way, with own properties only. */
function setPath(tree: JsonTree, keyPath: readonly string[], value: unknown): void {
  let node = tree;
  for (const name of keyPath.slice(0, -1)) {
    const next = Object.hasOwn(node, name) ? node[name] : undefined;
    if (typeof next === "object" && next !== null) node = next as JsonTree;
    else {
      const group: JsonTree = Object.create(null) as JsonTree;
      Object.defineProperty(node, name, { value: group, enumerable: true, writable: true });
      node = group;
    }
  }
  Object.defineProperty(node, keyPath[keyPath.length - 1] ?? "", {
    value,
    enumerable: true,
    writable: true,
  });
}

/** The English locale files with the accepted texts, keys in the German files' order. */
async function localeFiles(
  project: TranslationProject,
  accepted: ReadonlyMap<string, Accepted>,
): Promise<Map<string, string>> {
  const targets = new Map([...accepted].map(([id, entry]) => [id, entry.target]));
  const values = new Map<string, string>();
  for (const text of project.texts) {
    const target = changedTarget(text.unit, targets);
    if (target !== undefined) values.set(text.source.key, serialise(target, "text"));
  }
  const changedFiles = new Set([...values.keys()].map((key) => key.split(".")[0] ?? ""));
  const german = textsIn(project.locales, sourceLanguage);
  const english = textsIn(project.locales, project.targetLanguage);
  const written = new Map<string, string>();
  for (const name of changedFiles) {
    const germanFile = projectFiles.localeFile(sourceLanguage, name);
    const englishFile = projectFiles.localeFile(project.targetLanguage, name);
    const tree: JsonTree = Object.create(null) as JsonTree;
    for (const text of german.values()) {
      if (text.file !== germanFile) continue;
      const value = values.get(text.key) ?? english.get(text.key)?.value;
      if (value !== undefined) setPath(tree, text.path.split("."), value);
    }
    // Texts only the English file has stay, after the German ones.
    for (const text of english.values()) {
      if (text.file === englishFile && !german.has(text.key)) {
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

/** The record of translated texts by language, as the project has it. */
type RecordVersions = Map<Language, Map<string, string>>;

function recordVersions(project: TranslationProject): RecordVersions {
  return new Map(
    [...project.record.versions].map(([language, entries]) => [
      language,
      new Map([...entries].map(([key, entry]) => [key, entry.version])),
    ]),
  );
}

/**
 * Marks the accepted texts of the project's target language in the record as made from the
 * source now; returns whether any was.
 */
function markAccepted(
  versions: RecordVersions,
  project: TranslationProject,
  accepted: ReadonlyMap<string, Accepted>,
): boolean {
  const keys = project.texts.filter((text) => accepted.has(text.source.key));
  const translated = versions.get(project.targetLanguage) ?? new Map<string, string>();
  for (const text of keys) translated.set(text.source.key, textVersion(text.source.value));
  versions.set(project.targetLanguage, translated);
  return keys.length > 0;
}

/** Every language pair's memory, with each accepted pair of the project's language added beside the earlier ones, dated `date`. */
function memoryWith(
  project: TranslationProject,
  memories: Memories,
  accepted: ReadonlyMap<string, Accepted>,
  date: Date,
): Memories {
  const memory = new Map(memories.get(project.targetLanguage) ?? project.memory);
  for (const { unit, target, germanFile } of accepted.values()) {
    remember(
      memory,
      { id: unit.segment.id, file: germanFile, source: unit.segment.content, target },
      date,
    );
  }
  return new Map(memories).set(project.targetLanguage, memory);
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

/** Writes the files whose content differs from what is on disk; returns their paths, sorted. */
async function writeChanged(
  projectRoot: string,
  files: ReadonlyMap<string, string>,
): Promise<string[]> {
  const changed = new Map<string, string>();
  for (const [file, text] of files) {
    const current = await readFile(path.join(projectRoot, file), "utf8").catch(() => undefined);
    if (current !== text) changed.set(file, text);
  }
  await writeAll(projectRoot, changed);
  return [...changed.keys()].sort();
}

/** The project's own problems (a page or locale file that cannot be read), as import problems. */
function projectProblems(project: TranslationProject): ImportProblem[] {
  return project.problems.map((finding) => ({
    file: finding.location.file,
    line: finding.location.line ?? 1,
    message: `${finding.location.key === undefined ? "" : `(${finding.location.key}) `}${finding.message}; fix this first (npm run check:i18n lists such problems)`,
  }));
}

/** The documents read, by the language they translate into. */
function byTargetLanguage(
  documents: readonly { file: string; document: ReceivedDocument }[],
): Map<Language, { file: string; document: ReceivedDocument }[]> {
  const grouped = new Map<Language, { file: string; document: ReceivedDocument }[]>();
  for (const entry of documents) {
    const language = entry.document.targetLanguage;
    grouped.set(language, [...(grouped.get(language) ?? []), entry]);
  }
  return grouped;
}

/**
 * Takes translated XLIFF files back, each into the language it names (`trgLang`,
 * `target-language`): checks every file and segment first, and only if nothing is wrong writes
 * the pages and locale files, records the translations as made from the source as it is now,
 * and adds the new pairs to the memory, dated `date`.
 */
export async function importTranslations(
  projectRoot: string,
  exchangeFiles: readonly string[],
  date: Date = new Date(),
): Promise<ImportOutcome> {
  const problems: ImportProblem[] = [];
  const documents = await readExchangeFiles(projectRoot, exchangeFiles, problems);
  const files = new Map<string, string>();
  let versions: RecordVersions | undefined;
  let memories: Memories | undefined;
  let recordChanged = false;
  let changed = 0;
  let total = 0;
  for (const [language, received] of byTargetLanguage(documents)) {
    const project = await readTranslationProject(projectRoot, language);
    if (versions === undefined) problems.push(...projectProblems(project));
    versions ??= recordVersions(project);
    const accepted = acceptUnits(project, received, problems);
    for (const [file, text] of pageFiles(project, accepted, problems)) files.set(file, text);
    for (const [file, text] of await localeFiles(project, accepted)) files.set(file, text);
    recordChanged = markAccepted(versions, project, accepted) || recordChanged;
    memories = memoryWith(project, memories ?? project.memories, accepted, date);
    changed += [...accepted.values()].filter((entry) => entry.changed).length;
    total += accepted.size;
  }
  if (problems.length > 0) return { problems, written: [], changed: 0, confirmed: 0 };
  if (versions !== undefined && recordChanged) {
    files.set(keyRecordFile, serialiseKeyRecord(versions));
  }
  if (memories !== undefined) files.set(memoryFile, writeMemory(memories));
  return {
    problems: [],
    written: await writeChanged(projectRoot, files),
    changed,
    confirmed: total - changed,
  };
}

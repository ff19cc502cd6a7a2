import { mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { sourceLanguage, targetLanguages, type Language } from "../lib/languages.ts";
import { ContentError } from "../lib/errors.ts";
import { projectFolders } from "../lib/project.ts";
import type { Finding } from "../lib/translation-findings.ts";
import type { ExchangeFile, ExchangeUnit } from "./exchange.ts";
import { refreshedMemory } from "./memory.ts";
import { readTranslationProject, type TranslationProject } from "./project.ts";
import { readMemories, writeMemory, type Memories } from "./tmx.ts";
import { writeXliff12 } from "./xliff12.ts";
import { writeXliff20 } from "./xliff20.ts";

/** The XLIFF versions the exchange writes. */
export type XliffFormat = "xliff12" | "xliff20";

/** What to export and where. */
export interface ExportOptions {
  format: XliffFormat;
  /** Every segment, or only those that are new or whose source changed (the default). */
  all: boolean;
  /** The target languages to write a file for; every one when left out. */
  languages?: readonly Language[];
  /** The folder to write into, relative to the project or absolute. */
  out: string;
  /** Also write the translation memory as TMX for a CAT tool. */
  tmx: boolean;
}

/** Where exports go unless `--out` says otherwise, relative to the project. */
export const defaultExportFolder = `${projectFolders.reports}/translation`;

/**
 * The exchange file's name for a target language: one bundle holding every source file as a
 * `<file>`, e.g. `translation-de-fr.xlf`.
 */
export function exchangeFileName(targetLanguage: Language): string {
  return `translation-${sourceLanguage}-${targetLanguage}.xlf`;
}

/** The memory's name in an export folder. */
export const memoryExportName = "translation-memory.tmx";

/** The project's segments grouped by source file, all of them or those that need work. */
export function exchangeFiles(project: TranslationProject, all: boolean): ExchangeFile[] {
  const wanted = (unit: ExchangeUnit) => all || unit.state !== "current";
  const files: ExchangeFile[] = [];
  const byFile = new Map<string, ExchangeUnit[]>();
  for (const { source, unit } of project.texts) {
    byFile.set(source.file, [...(byFile.get(source.file) ?? []), unit]);
  }
  for (const [original, units] of byFile) files.push({ original, units: units.filter(wanted) });
  for (const page of project.pages) {
    files.push({ original: page.source.file, units: page.units.filter(wanted) });
  }
  return files.filter((file) => file.units.length > 0);
}

/** What an export wrote (relative to the project) and which units, or why it wrote nothing. */
export interface ExportOutcome {
  files: string[];
  /** The units of each target language's file. */
  units: Map<Language, ExchangeUnit[]>;
  /** Pages or locale files that cannot be read: non-empty, nothing was written. */
  problems: Finding[];
}

/** The first path from `target` up that exists and is no folder: the file in the way of a folder. */
async function fileInTheWay(target: string): Promise<string | undefined> {
  for (let at = target; ; at = path.dirname(at)) {
    const info = await stat(at).catch(() => undefined);
    if (info !== undefined) return info.isDirectory() ? undefined : at;
    if (path.dirname(at) === at) return undefined;
  }
}

/**
 * Runs a write of the export (a folder made, a file written) and turns what stands in its way
 * into one line naming the path (exit 2): a file where a folder must be, a folder where the
 * file must be, a folder the export may not write to.
 */
async function writing<T>(
  projectRoot: string,
  target: string,
  write: () => Promise<T>,
): Promise<T> {
  const shown = (at: string) => {
    const relative = path.relative(projectRoot, at);
    return relative.startsWith("..") || path.isAbsolute(relative) ? at : relative;
  };
  try {
    return await write();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOTDIR" || code === "EEXIST") {
      const file = (await fileInTheWay(target)) ?? target;
      throw new ContentError(
        `this is a file, so the export cannot make the folder ${shown(target)} there: give --out another folder, or move the file away`,
        { file: shown(file) },
      );
    }
    if (code === "EISDIR") {
      throw new ContentError(
        "this is a folder, so the export cannot write its file there: give --out another folder, or move the folder away",
        { file: shown(target) },
      );
    }
    if (code === "EACCES" || code === "EPERM" || code === "EROFS") {
      throw new ContentError(
        `the export may not write here (${code}): give --out a folder you can write to`,
        { file: shown(target) },
      );
    }
    throw error;
  }
}

/**
 * Writes an exchange file per target language (`translation-de-fr.xlf`, its `trgLang` or
 * `target-language` that language) into the export folder, and with `tmx` the memory of every
 * language pair. A language with nothing to translate gets no exchange file: XLIFF requires at
 * least one `<file>`. A project with a page or locale file that cannot be read exports nothing:
 * its segments would be missing.
 */
export async function exportTranslations(
  projectRoot: string,
  options: ExportOptions,
): Promise<ExportOutcome> {
  const outcome: ExportOutcome = { files: [], units: new Map(), problems: [] };
  const languages = options.languages ?? targetLanguages;
  const projects = [];
  for (const language of languages)
    projects.push(await readTranslationProject(projectRoot, language));
  const problems = projects[0]?.problems ?? [];
  if (problems.length > 0) return { ...outcome, problems };
  const folder = path.resolve(projectRoot, options.out);
  await writing(projectRoot, folder, () => mkdir(folder, { recursive: true }));
  const written: string[] = [];
  let memories: Memories | undefined;
  for (const project of projects) {
    const files = exchangeFiles(project, options.all);
    outcome.units.set(
      project.targetLanguage,
      files.flatMap((file) => file.units),
    );
    if (files.length > 0) {
      const exchangePath = path.join(folder, exchangeFileName(project.targetLanguage));
      const text =
        options.format === "xliff20"
          ? writeXliff20(files, project.targetLanguage)
          : writeXliff12(files, project.targetLanguage);
      await writing(projectRoot, exchangePath, () => writeFile(exchangePath, text));
      written.push(exchangePath);
    }
    memories = refreshedMemory(
      { ...project, memories: memories ?? project.memories },
      { allCurrent: true },
    );
  }
  if (options.tmx) {
    const memoryPath = path.join(folder, memoryExportName);
    const everyPair = memories ?? (await readMemories(projectRoot));
    await writing(projectRoot, memoryPath, () => writeFile(memoryPath, writeMemory(everyPair)));
    written.push(memoryPath);
  }
  outcome.files = written.map((file) => path.relative(projectRoot, file).split(path.sep).join("/"));
  return outcome;
}

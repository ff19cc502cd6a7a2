import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { projectFolders } from "../lib/project.ts";
import type { Finding } from "../lib/translation-findings.ts";
import type { ExchangeFile, ExchangeUnit } from "./exchange.ts";
import { refreshedMemory } from "./memory.ts";
import { readTranslationProject, type TranslationProject } from "./project.ts";
import { writeMemory } from "./tmx.ts";
import { writeXliff12 } from "./xliff12.ts";
import { writeXliff20 } from "./xliff20.ts";

/** The XLIFF versions the exchange writes. */
export type XliffFormat = "xliff12" | "xliff20";

/** What to export and where. */
export interface ExportOptions {
  format: XliffFormat;
  /** Every segment, or only those that are new or whose German changed (the default). */
  all: boolean;
  /** The folder to write into, relative to the project or absolute. */
  out: string;
  /** Also write the translation memory as TMX for a CAT tool. */
  tmx: boolean;
}

/** Where exports go unless `--out` says otherwise, relative to the project. */
export const defaultExportFolder = `${projectFolders.reports}/translation`;

/** The exchange file's name: one bundle holding every German file as a `<file>`. */
export const exchangeFileName = "translation-de-en.xlf";

/** The memory's name in an export folder. */
export const memoryExportName = "translation-memory.tmx";

/** The project's segments grouped by German file, all of them or those that need work. */
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
  units: ExchangeUnit[];
  /** Pages or locale files that cannot be read: non-empty, nothing was written. */
  problems: Finding[];
}

/**
 * Writes the exchange file (and with `tmx` the memory) into the export folder. With nothing to
 * translate no exchange file is written: XLIFF requires at least one `<file>`. A project with
 * a page or locale file that cannot be read exports nothing: its segments would be missing.
 */
export async function exportTranslations(
  projectRoot: string,
  options: ExportOptions,
): Promise<ExportOutcome> {
  const project = await readTranslationProject(projectRoot);
  if (project.problems.length > 0) return { files: [], units: [], problems: project.problems };
  const files = exchangeFiles(project, options.all);
  const folder = path.resolve(projectRoot, options.out);
  await mkdir(folder, { recursive: true });
  const written: string[] = [];
  if (files.length > 0) {
    const exchangePath = path.join(folder, exchangeFileName);
    await writeFile(
      exchangePath,
      options.format === "xliff20" ? writeXliff20(files) : writeXliff12(files),
    );
    written.push(exchangePath);
  }
  if (options.tmx) {
    const memoryPath = path.join(folder, memoryExportName);
    await writeFile(memoryPath, writeMemory(refreshedMemory(project, { allCurrent: true })));
    written.push(memoryPath);
  }
  return {
    files: written.map((file) => path.relative(projectRoot, file).split(path.sep).join("/")),
    units: files.flatMap((file) => file.units),
    problems: [],
  };
}

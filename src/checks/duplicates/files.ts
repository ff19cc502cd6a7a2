import { readFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import { extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { glob } from "tinyglobby";
import { UNKNOWN_LANGUAGE } from "./language.ts";
import { CouldNotCheckError, UsageError } from "../gate.ts";
import type { CheckableFile, SourceFormat } from "./types.ts";
import { projectFolders } from "../../lib/project.ts";

const FORMATS: Partial<Record<string, SourceFormat>> = {
  ".md": "markdown",
  ".html": "html",
  ".txt": "text",
};

/** Where the project's Markdown sources and built pages are. */
export const PROJECT_SOURCES = `${projectFolders.site}/**/*.md`;
export const BUILT_SITE = projectFolders.output;

/**
 * The project's files: the Markdown pages in the site folder and the built
 * pages. Throws when either is missing (the site not built, the check run
 * outside the project), so the check never passes without having looked.
 */
export async function collectProjectFiles(root: string): Promise<string[]> {
  const site = join(root, BUILT_SITE);
  if (!(await isDirectory(site))) {
    throw new CouldNotCheckError(
      `The built site (${BUILT_SITE}/) was not found, so the pages cannot be checked. Run npm run build first.`,
    );
  }
  const [sources, pages] = await Promise.all([
    findFiles(root, [PROJECT_SOURCES]),
    findFiles(site, ["**/*.html"]),
  ]);
  if (pages.length === 0) {
    throw new CouldNotCheckError(
      `The built site (${BUILT_SITE}/) contains no pages. Run npm run build first.`,
    );
  }
  if (sources.length === 0) {
    throw new CouldNotCheckError(
      `No Markdown page was found in ${projectFolders.site}/, so the sources cannot be checked. Run the check in the project folder.`,
    );
  }
  return [...sources, ...pages];
}

/**
 * The files named on the command line: files as given (they must be .md,
 * .html or .txt), folders searched for such files. Throws naming the first
 * path that does not exist or cannot be checked.
 */
export async function collectFiles(paths: string[], cwd: string): Promise<string[]> {
  const found = await Promise.all(
    paths.map(async (path) => {
      const absolute = resolve(cwd, path);
      const stats = await stat(absolute).catch(() => undefined);
      if (stats === undefined) throw new UsageError(`${path}: no such file or folder.`);
      if (stats.isDirectory()) return findFiles(absolute, ["**/*.{md,html,txt}"]);
      if (FORMATS[extname(absolute).toLowerCase()] === undefined) {
        throw new UsageError(
          `${path}: this kind of file cannot be checked (use .md, .html or .txt files).`,
        );
      }
      return [absolute];
    }),
  );
  return [...new Set(found.flat())];
}

/**
 * Reads the files for {@link checkDuplicates}. Paths are shown relative to
 * `cwd` when inside it. Plain text files get `textLang` as their language.
 */
export function readFiles(
  paths: string[],
  options: { cwd: string; textLang?: string },
): CheckableFile[] {
  // Reading thousands of small files one after the other is several times
  // faster than through the promise API.
  return paths.map((path) => {
    const shown = displayPath(path, options.cwd);
    let content: string;
    try {
      content = readFileSync(path, "utf8");
    } catch (error) {
      throw new CouldNotCheckError(
        `${shown}: the file could not be read (${(error as Error).message}).`,
        { cause: error },
      );
    }
    const format = FORMATS[extname(path).toLowerCase()] ?? "text";
    return format === "text"
      ? { path: shown, content, format, lang: options.textLang ?? UNKNOWN_LANGUAGE }
      : { path: shown, content, format };
  });
}

function displayPath(path: string, cwd: string): string {
  // A plain prefix test first: path.relative is slow over thousands of files.
  const prefix = cwd.endsWith(sep) ? cwd : `${cwd}${sep}`;
  const inside = path.startsWith(prefix) ? path.slice(prefix.length) : relative(cwd, path);
  const shown = inside.startsWith("..") || isAbsolute(inside) ? path : inside;
  return sep === "/" ? shown : shown.split(sep).join("/");
}

async function findFiles(folder: string, patterns: string[]): Promise<string[]> {
  const files = await glob(patterns, {
    cwd: folder,
    absolute: true,
    ignore: ["**/node_modules/**"],
  });
  return files.sort();
}

async function isDirectory(path: string): Promise<boolean> {
  const stats = await stat(path).catch(() => undefined);
  return stats?.isDirectory() ?? false;
}

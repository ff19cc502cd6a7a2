import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { CouldNotCheckError, UsageError, type Gate } from "../gate.ts";
import { projectFolders } from "../../lib/project.ts";
import { ALLOW_LIST_FILE, parseAllowList } from "./allow-list.ts";
import { checkDuplicates } from "./check.ts";
import { collectFiles, collectProjectFiles, readFiles } from "./files.ts";
import { baseLanguage } from "./language.ts";
import { repeatFinding, reportNotes, unusedEntryWarnings } from "./report.ts";
import type { AllowEntry, Repeat } from "./types.ts";

/** Options of `npm run check:duplicates`. */
export interface DuplicateCheckOptions {
  /** Files or folders to check; none: the project's pages and built site. */
  paths: string[];
  /** Language of `.txt` files. */
  lang?: string;
  /** The allow-list given with `--allow`; otherwise the project's, if there is one. */
  allowFile?: string;
}

/** The duplicate check's own part of its report: each repeat with its id and every place. */
export interface DuplicateDetails {
  repeats: Repeat[];
  accepted: (Repeat & { reason: string })[];
}

/**
 * The duplicate-content check as a gate (`npm run check:duplicates`): repeated text in the
 * Markdown sources and the built pages, or in the files given. Its engine is beside it:
 * `readFiles(await collectFiles(paths, root), { cwd: root })` reads the files, `checkDuplicates`
 * finds the repeats. Blocks shorter than 8 words or 50 characters are never compared (see
 * thresholds.ts), so headings such as "Kontakt", dates and names never count.
 */
export const duplicatesGate: Gate<DuplicateCheckOptions, DuplicateDetails> = {
  name: "duplicates",
  title: "Duplicate check",
  summary: "Finds repeated text before the site is published.",
  usage: `Usage:
  npm run check:duplicates                 check ${projectFolders.site}/**/*.md and the built pages in ${projectFolders.output}/
  npm run check:duplicates -- PATH...      check these files or folders (.md, .html, .txt)

Options:
  --lang LANG     language of .txt files (default: unknown)
  --allow FILE    allow-list to use (default: ${ALLOW_LIST_FILE}, if present)`,
  options: { lang: { type: "string" }, allow: { type: "string" } },
  allowPositionals: true,
  parse(args) {
    const { lang, allow } = args.values;
    for (const [name, value] of [
      ["--lang", lang],
      ["--allow", allow],
    ] as const) {
      if (value === "") throw new UsageError(`${name} needs a value.`);
    }
    return {
      paths: args.positionals,
      ...(typeof lang === "string" ? { lang: baseLanguage(lang) } : {}),
      ...(typeof allow === "string" ? { allowFile: allow } : {}),
    };
  },
  async run(options, context) {
    const root = context.projectRoot;
    const checkingProject = options.paths.length === 0;
    const paths = checkingProject
      ? await collectProjectFiles(root)
      : await collectFiles(options.paths, root);
    if (paths.length === 0) {
      throw new CouldNotCheckError(
        "No .md, .html or .txt file was found in the given paths, so nothing was checked.",
      );
    }
    const allowFile = options.allowFile ?? ALLOW_LIST_FILE;
    const allowList = await loadAllowList(
      resolve(root, allowFile),
      allowFile,
      options.allowFile !== undefined,
    );
    const files = readFiles(paths, {
      cwd: root,
      ...(options.lang === undefined ? {} : { textLang: options.lang }),
    });
    const report = checkDuplicates(files, { allowList });
    // Only a check of the whole project can tell that an entry matches nothing any more.
    if (checkingProject)
      report.warnings.push(...unusedEntryWarnings(report.unusedAllowEntries, allowFile));
    return {
      findings: report.findings.map(repeatFinding),
      checked: { files: report.fileCount, blocks: report.blockCount },
      notes: reportNotes(report),
      details: {
        repeats: report.findings,
        accepted: report.accepted.map(({ finding, reason }) => ({
          ...finding,
          reason,
        })),
      },
    };
  },
};

async function loadAllowList(
  path: string,
  shownName: string,
  required: boolean,
): Promise<AllowEntry[]> {
  let content: string;
  try {
    content = await readFile(path, "utf8");
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw new CouldNotCheckError(
      `${shownName}: the allow-list could not be read (${(error as Error).message}).`,
      { cause: error },
    );
  }
  return parseAllowList(shownName, content);
}

import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { ALLOW_LIST_FILE, parseAllowList } from "./allow-list.ts";
import { checkDuplicates } from "./check.ts";
import { collectFiles, collectProjectFiles, readFiles } from "./files.ts";
import { baseLanguage } from "./language.ts";
import { formatReport, reportAsJson, unusedEntryWarnings } from "./report.ts";
import { DuplicateCheckUsageError, type AllowEntry } from "./types.ts";

/** What the command prints and how it exits. */
export interface CliResult {
  exitCode: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

interface Arguments {
  paths: string[];
  json: boolean;
  help: boolean;
  lang?: string;
  allowFile?: string;
}

export const USAGE = `Finds repeated text before the site is published.

Usage:
  npm run check:duplicates                 check src/site/**/*.md and the built pages in _site/
  npm run check:duplicates -- PATH...      check these files or folders (.md, .html, .txt)

Options:
  --json          print the findings as JSON
  --lang LANG     language of .txt files (default: unknown)
  --allow FILE    allow-list to use (default: ${ALLOW_LIST_FILE}, if present)
  --help          show this help

Exit status: 0 nothing found, 1 repeated text found, 2 the check could not run.
`;

/**
 * Runs the duplicate check as the command line does, from `cwd`, and returns
 * what to print and the exit status instead of exiting.
 */
export async function runDuplicateCheck(argv: string[], cwd: string): Promise<CliResult> {
  try {
    const args = parseArguments(argv);
    if (args.help) return { exitCode: 0, stdout: USAGE, stderr: "" };

    const checkingProject = args.paths.length === 0;
    const paths = checkingProject
      ? await collectProjectFiles(cwd)
      : await collectFiles(args.paths, cwd);
    if (paths.length === 0) {
      throw new DuplicateCheckUsageError(
        "No .md, .html or .txt file was found in the given paths, so nothing was checked.",
      );
    }
    const allowFile = args.allowFile ?? ALLOW_LIST_FILE;
    const allowList = await loadAllowList(
      resolve(cwd, allowFile),
      allowFile,
      args.allowFile !== undefined,
    );
    const files = readFiles(paths, {
      cwd,
      ...(args.lang === undefined ? {} : { textLang: args.lang }),
    });
    const report = checkDuplicates(files, { allowList });
    // Only a check of the whole project can tell that an entry matches nothing any more.
    if (checkingProject)
      report.warnings.push(...unusedEntryWarnings(report.unusedAllowEntries, allowFile));

    return {
      exitCode: report.findings.length > 0 ? 1 : 0,
      stdout: args.json
        ? `${JSON.stringify(reportAsJson(report), null, 2)}\n`
        : formatReport(report),
      stderr: "",
    };
  } catch (error) {
    if (!(error instanceof DuplicateCheckUsageError)) throw error;
    return { exitCode: 2, stdout: "", stderr: `Duplicate check: ${error.message}\n` };
  }
}

function parseArguments(argv: string[]): Arguments {
  const args: Arguments = { paths: [], json: false, help: false };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? "";
    const [name, inlineValue] = argument.startsWith("--") ? splitOption(argument) : [argument];
    const value = (): string => {
      const given = inlineValue ?? argv[++index];
      if (given === undefined || given === "") {
        throw new DuplicateCheckUsageError(`${name} needs a value.\n\n${USAGE}`);
      }
      return given;
    };
    if (name === "--json") args.json = true;
    else if (name === "--help" || name === "-h") args.help = true;
    else if (name === "--lang") args.lang = baseLanguage(value());
    else if (name === "--allow") args.allowFile = value();
    else if (name.startsWith("-")) {
      throw new DuplicateCheckUsageError(`unknown option ${name}.\n\n${USAGE}`);
    } else args.paths.push(argument);
  }
  return args;
}

function splitOption(argument: string): [string, string | undefined] {
  const equals = argument.indexOf("=");
  return equals === -1
    ? [argument, undefined]
    : [argument.slice(0, equals), argument.slice(equals + 1)];
}

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
    throw new DuplicateCheckUsageError(
      `${shownName}: the allow-list could not be read (${(error as Error).message}).`,
      { cause: error },
    );
  }
  return parseAllowList(shownName, content);
}

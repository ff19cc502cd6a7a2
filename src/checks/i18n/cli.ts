import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { inspectTranslations } from "./check.ts";
import { markKeys, markPages, type KeySelection } from "./mark.ts";
import { failsCheck, formatReport, reportAsJson } from "./messages.ts";
import { outdatedChanges, translationStatus } from "./status.ts";
import { formatStatusText, renderStatusHtml } from "./status-report.ts";
import { I18nUsageError } from "./types.ts";

/** What a command prints and how it exits: 0 all well, 1 problems found, 2 it could not run. */
export interface CliResult {
  exitCode: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

/** Where the status report page is written, relative to the project. */
export const statusReportFile = "reports/i18n/status.html";

/** Help texts, printed with --help and after a wrong command line. */
const CHECK_USAGE = `Checks the translations: locale texts, the texts templates use, page pairs, outdated translations.

Usage: npm run check:i18n [-- OPTIONS]

Options:
  --json     print the findings as JSON
  --strict   fail on warnings too
  --help     show this help

Exit status: 0 no errors, 1 errors found (or warnings with --strict), 2 the check could not run.
`;

const STATUS_USAGE = `Shows per language how many texts and pages are translated, not yet marked, outdated or missing,
and writes the report page ${statusReportFile}.

Usage: npm run i18n:status [-- --help]
`;

const MARK_USAGE = `Records which version of the German source a translation was made from.

Usage:
  npm run i18n:mark -- PAGE...            mark pages (the German or the English path of a pair)
  npm run i18n:mark -- --keys             mark every locale text
  npm run i18n:mark -- --keys KEY...      mark these locale texts, e.g. common.skipLink
  npm run i18n:mark -- locales            mark every locale text
  npm run i18n:mark -- locales/en/common.json   mark the texts of one locale file

Exit status: 0 marked, 1 something could not be marked, 2 wrong command line.
`;

interface Arguments {
  options: Set<string>;
  positional: string[];
}

function parseArguments(
  argv: readonly string[],
  known: readonly string[],
  usage: string,
): Arguments {
  const args: Arguments = { options: new Set(), positional: [] };
  for (const argument of argv) {
    if (argument === "--") continue;
    if (!argument.startsWith("-")) args.positional.push(argument);
    else if (known.includes(argument)) args.options.add(argument);
    else throw new I18nUsageError(`unknown option ${argument}.\n\n${usage}`);
  }
  return args;
}

function wantsHelp(args: Arguments): boolean {
  return args.options.has("--help") || args.options.has("-h");
}

async function run(usageTitle: string, body: () => Promise<CliResult>): Promise<CliResult> {
  try {
    return await body();
  } catch (error) {
    if (!(error instanceof I18nUsageError)) throw error;
    return { exitCode: 2, stdout: "", stderr: `${usageTitle}: ${error.message}\n` };
  }
}

/** `npm run check:i18n`, run in `projectRoot`. */
export function runCheckCli(argv: readonly string[], projectRoot: string): Promise<CliResult> {
  return run("Translation check", async () => {
    const args = parseArguments(argv, ["--json", "--strict", "--help", "-h"], CHECK_USAGE);
    if (wantsHelp(args)) return { exitCode: 0, stdout: CHECK_USAGE, stderr: "" };
    if (args.positional.length > 0) {
      throw new I18nUsageError(
        `the check takes no file names (it always checks the whole project).\n\n${CHECK_USAGE}`,
      );
    }
    const strict = args.options.has("--strict");
    const { findings } = await inspectTranslations({ projectRoot });
    return {
      exitCode: failsCheck(findings, strict) ? 1 : 0,
      stdout: args.options.has("--json")
        ? reportAsJson(findings, strict)
        : formatReport(findings, strict),
      stderr: "",
    };
  });
}

/** `npm run i18n:status`, run in `projectRoot`. */
export function runStatusCli(argv: readonly string[], projectRoot: string): Promise<CliResult> {
  return run("Translation status", async () => {
    const args = parseArguments(argv, ["--help", "-h"], STATUS_USAGE);
    if (wantsHelp(args)) return { exitCode: 0, stdout: STATUS_USAGE, stderr: "" };
    if (args.positional.length > 0) {
      throw new I18nUsageError(`the status takes no file names.\n\n${STATUS_USAGE}`);
    }
    const statuses = translationStatus(await inspectTranslations({ projectRoot }));
    const changes = await outdatedChanges(projectRoot);
    const reportPath = path.join(projectRoot, statusReportFile);
    await mkdir(path.dirname(reportPath), { recursive: true });
    await writeFile(reportPath, renderStatusHtml(statuses, changes));
    return {
      exitCode: 0,
      stdout: `${formatStatusText(statuses, changes)}\nThe report page for translators is ${statusReportFile}.\n`,
      stderr: "",
    };
  });
}

/** Sorts the mark command's arguments into pages and locale texts. */
function markTargets(args: Arguments): { pages: string[]; selection: KeySelection } {
  const pages: string[] = [];
  const selection: KeySelection = { all: false, files: [], keys: [] };
  const byKeys = args.options.has("--keys");
  for (const argument of args.positional) {
    const relative = argument.replace(/^\.\//, "");
    const localeFile = /^locales\/[a-z]{2}\/([^/]+)\.json$/.exec(relative)?.[1];
    if (relative.endsWith(".md")) pages.push(argument);
    else if (/^locales\/?$/.test(relative)) selection.all = true;
    else if (localeFile !== undefined) selection.files.push(localeFile);
    else if (byKeys) selection.keys.push(argument);
    else {
      throw new I18nUsageError(
        `"${argument}" is neither a page (.md) nor a locale file; to mark texts by name, put --keys before them.\n\n${MARK_USAGE}`,
      );
    }
  }
  if (byKeys && selection.keys.length === 0) selection.all = true;
  return { pages, selection };
}

/** `npm run i18n:mark`, run in `projectRoot`. */
export function runMarkCli(argv: readonly string[], projectRoot: string): Promise<CliResult> {
  return run("Marking translations", async () => {
    const args = parseArguments(argv, ["--keys", "--help", "-h"], MARK_USAGE);
    if (wantsHelp(args)) return { exitCode: 0, stdout: MARK_USAGE, stderr: "" };
    const { pages, selection } = markTargets(args);
    const marksKeys = selection.all || selection.files.length > 0 || selection.keys.length > 0;
    if (pages.length === 0 && !marksKeys) {
      throw new I18nUsageError(`say what to mark.\n\n${MARK_USAGE}`);
    }
    const outcomes = [
      ...(pages.length > 0 ? [await markPages(projectRoot, pages)] : []),
      ...(marksKeys ? [await markKeys(projectRoot, selection)] : []),
    ];
    const done = outcomes.flatMap((outcome) => outcome.done);
    const problems = outcomes.flatMap((outcome) => outcome.problems);
    return {
      exitCode: problems.length > 0 ? 1 : 0,
      stdout: done.map((line) => `${line}\n`).join(""),
      stderr: problems.map((line) => `${line}\n`).join(""),
    };
  });
}

/** Runs a command from a script: prints its output and sets the exit status. */
export async function runAsScript(
  command: (argv: readonly string[], projectRoot: string) => Promise<CliResult>,
): Promise<void> {
  try {
    const result = await command(process.argv.slice(2), process.cwd());
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    process.exitCode = result.exitCode;
  } catch (error) {
    process.stderr.write(
      `The command stopped because of an unexpected problem: ${(error as Error).message}\n${(error as Error).stack ?? ""}\n`,
    );
    process.exitCode = 2;
  }
}

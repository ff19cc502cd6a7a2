import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ParseArgsConfig } from "node:util";
import { CouldNotCheckError, ExitCode, UsageError, type ParsedArguments } from "../gate.ts";
import { parseCommandLine, type GateIo } from "../runner.ts";
import { inspectTranslations } from "./check.ts";
import { markKeys, markPages, type KeySelection } from "./mark.ts";
import { outdatedChanges, translationStatus } from "./status.ts";
import { formatStatusText, renderStatusHtml } from "./status-report.ts";

/** Where the status report page is written, relative to the project. */
export const statusReportFile = "reports/i18n/status.html";

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

/** What a translation command printed and how it ended. */
interface CommandOutcome {
  exitCode: number;
  stdout: string;
  stderr?: string;
}

/** A translation command (not a gate: it reports or writes, it does not pass or fail the site). */
interface Command {
  title: string;
  usage: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  allowPositionals: boolean;
  run(args: ParsedArguments, projectRoot: string): Promise<CommandOutcome>;
}

/** Runs a command: `--help`, exit 2 on a wrong command line or a folder that is not a project. */
async function runCommand(command: Command, argv: string[], io: GateIo): Promise<number> {
  const stdout = io.stdout ?? ((text: string) => process.stdout.write(text));
  const stderr = io.stderr ?? ((text: string) => process.stderr.write(text));
  try {
    const args = parseCommandLine(argv, command.options, command.allowPositionals);
    if (args.values.help === true) {
      stdout(command.usage);
      return ExitCode.passed;
    }
    const outcome = await command.run(args, io.projectRoot ?? process.cwd());
    stdout(outcome.stdout);
    if (outcome.stderr !== undefined) stderr(outcome.stderr);
    return outcome.exitCode;
  } catch (error) {
    if (error instanceof UsageError) {
      stderr(`${command.title}: ${error.message}\n\n${command.usage}`);
      return ExitCode.couldNotCheck;
    }
    if (error instanceof CouldNotCheckError) {
      stderr(`${command.title}: ${error.message}\n`);
      return ExitCode.couldNotCheck;
    }
    stderr(
      `${command.title}: stopped because of an unexpected problem: ${String((error as Error).stack ?? error)}\n`,
    );
    return ExitCode.couldNotCheck;
  }
}

const statusCommand: Command = {
  title: "Translation status",
  usage: STATUS_USAGE,
  options: {},
  allowPositionals: false,
  async run(_args, projectRoot) {
    const statuses = translationStatus(await inspectTranslations({ projectRoot }));
    const changes = await outdatedChanges(projectRoot);
    const reportPath = path.join(projectRoot, statusReportFile);
    await mkdir(path.dirname(reportPath), { recursive: true });
    await writeFile(reportPath, renderStatusHtml(statuses, changes));
    return {
      exitCode: 0,
      stdout: `${formatStatusText(statuses, changes)}\nThe report page for translators is ${statusReportFile}.\n`,
    };
  },
};

/** Sorts the mark command's arguments into pages and locale texts. */
function markTargets(args: ParsedArguments): { pages: string[]; selection: KeySelection } {
  const pages: string[] = [];
  const selection: KeySelection = { all: false, files: [], keys: [] };
  const byKeys = args.values.keys === true;
  for (const argument of args.positionals) {
    const relative = argument.replace(/^\.\//, "");
    const localeFile = /^locales\/[a-z]{2}\/([^/]+)\.json$/.exec(relative)?.[1];
    if (relative.endsWith(".md")) pages.push(argument);
    else if (/^locales\/?$/.test(relative)) selection.all = true;
    else if (localeFile !== undefined) selection.files.push(localeFile);
    else if (byKeys) selection.keys.push(argument);
    else {
      throw new UsageError(
        `"${argument}" is neither a page (.md) nor a locale file; to mark texts by name, put --keys before them.`,
      );
    }
  }
  if (byKeys && selection.keys.length === 0) selection.all = true;
  return { pages, selection };
}

const markCommand: Command = {
  title: "Marking translations",
  usage: MARK_USAGE,
  options: { keys: { type: "boolean" } },
  allowPositionals: true,
  async run(args, projectRoot) {
    const { pages, selection } = markTargets(args);
    const marksKeys = selection.all || selection.files.length > 0 || selection.keys.length > 0;
    if (pages.length === 0 && !marksKeys) throw new UsageError("say what to mark.");
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
  },
};

/** `npm run i18n:status`: returns the exit code. */
export function runStatusCli(
  argv: string[] = process.argv.slice(2),
  io: GateIo = {},
): Promise<number> {
  return runCommand(statusCommand, argv, io);
}

/** `npm run i18n:mark`: returns the exit code. */
export function runMarkCli(
  argv: string[] = process.argv.slice(2),
  io: GateIo = {},
): Promise<number> {
  return runCommand(markCommand, argv, io);
}

/**
 * The one runner every gate's script calls: `process.exitCode = await runGateCli(gate)`. It
 * parses the command line, prints `--help`, runs the gate, prints its findings for people (or
 * the report as JSON), writes `reports/<gate>/report.json` and `report.html`, turns SIGINT and
 * SIGTERM into the gate's abort signal, and decides the exit code the same way for all gates.
 */
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { ContentError, describeContentError, formatLocation } from "../lib/errors.ts";
import { html } from "../lib/html.ts";
import { projectFolders, projectPath } from "../lib/project.ts";
import { reportPage } from "./report-page.ts";
import {
  CouldNotCheckError,
  ExitCode,
  UsageError,
  type Command,
  type Finding,
  type Gate,
  type GateOutcome,
  type GateReport,
  type GateStatus,
  type ParsedArguments,
} from "./gate.ts";

/** Where the runner prints and which project it checks (the current folder unless given). */
export interface GateIo {
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  projectRoot?: string;
}

/** The exit codes after a signal, as shells report a process the signal ended (128 + number). */
const signalExitCodes = { SIGINT: 130, SIGTERM: 143 } as const;
type StopSignal = keyof typeof signalExitCodes;

const statusWords: Record<GateStatus, string> = {
  passed: "PASSED",
  failed: "FAILED",
  "could-not-check": "COULD NOT CHECK",
};

const commonUsage = `  --debug         on an unexpected error, show where it happened (a stack trace)
  -h, --help      show this help`;

/** The `--help` text: the gate's summary and options, then what every gate shares. */
export function helpText(gate: Gate<unknown>): string {
  const report = `${projectFolders.reports}/${gate.name}/`;
  return `${gate.summary}

${gate.usage.trimEnd()}
  --json          print the report as JSON (progress goes to stderr)
${commonUsage}

Exit status: 0 passed, 1 findings, 2 could not check (wrong command line, nothing to check).
The report is written to ${report}report.json and ${report}report.html.
`;
}

/** The `--help` text of a command that is not a gate. */
export function commandHelpText<O>(command: Command<O>): string {
  return `${command.summary}

${command.usage.trimEnd()}
${commonUsage}

Exit status: 0 done, 1 refused (each problem is named with its file and line), 2 could not run
(wrong command line, not a project folder, a file that cannot be read).
`;
}

/**
 * Why a command or gate could not run, as one line: its own words for a problem it foresaw
 * (`CouldNotCheckError`, a `ContentError` naming the file), the error's message for anything
 * else. A stack trace helps with a bug, never with a user's mistake: only `--debug` shows one.
 */
function couldNotRunReason(error: unknown, debug: boolean, stderr: (text: string) => void): string {
  if (error instanceof CouldNotCheckError) return error.message;
  if (error instanceof ContentError) return describeContentError(error);
  if (debug) stderr(`${String((error as Error).stack ?? error)}\n`);
  const hint = debug ? "" : "; run it again with --debug to see where it happened";
  return `stopped because of an unexpected error (${(error as Error).message})${hint}`;
}

/** Where a finding is: `file:line:col (key)`, or `URL selector`. */
function placeOf(finding: Finding): string {
  if (finding.location !== undefined) return formatLocation(finding.location);
  const place = [finding.url, finding.selector].filter((part) => part !== undefined).join(" ");
  // A finding about the run as a whole (a missing shard) has no place of its own.
  return place === "" ? "(whole run)" : place;
}

/** `file:line:col (key): severity: rule: message`, or `URL selector: severity: rule: message`. */
export function formatFinding(finding: Finding): string {
  return `${placeOf(finding)}: ${finding.severity}: ${finding.rule}: ${finding.message}`;
}

/** "41 files, 551 blocks", a unit of one in the singular ("1 page"). */
function describeChecked(checked: Record<string, number>): string {
  return Object.entries(checked)
    .map(([unit, count]) => `${count} ${count === 1 ? unit.replace(/s$/, "") : unit}`)
    .join(", ");
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** The summary line people read last: what was checked, what was found, and the verdict. */
export function summaryLine(report: GateReport): string {
  if (report.status === "could-not-check") {
    const problem = (report.problem ?? "the gate did not run").replace(/\.$/, "");
    return `${problem}. ${statusWords[report.status]}`;
  }
  const found = `${plural(report.counts.error, "error")}, ${plural(report.counts.warning, "warning")}`;
  return `Checked ${describeChecked(report.checked)}: ${found}. ${statusWords[report.status]}`;
}

function countSeverities(findings: readonly Finding[]): GateReport["counts"] {
  return {
    error: findings.filter((finding) => finding.severity === "error").length,
    warning: findings.filter((finding) => finding.severity === "warning").length,
  };
}

/** Turns a gate's outcome into its report: a run that checked nothing never passes. */
function reportOf<O, D>(gate: Gate<O, D>, options: O, outcome: GateOutcome<D>): GateReport {
  const fails = (finding: Finding): boolean =>
    gate.fails?.(finding, options) ?? finding.severity === "error";
  const checkedNothing = Object.values(outcome.checked).every((count) => count === 0);
  const status: GateStatus = checkedNothing
    ? "could-not-check"
    : outcome.findings.some(fails)
      ? "failed"
      : "passed";
  return {
    gate: gate.name,
    schemaVersion: 1,
    status,
    exitCode: exitCodeOf(status),
    ...(checkedNothing
      ? { problem: `nothing was checked (${describeChecked(outcome.checked) || "no units"})` }
      : {}),
    checked: outcome.checked,
    counts: countSeverities(outcome.findings),
    findings: outcome.findings,
    notes: outcome.notes ?? [],
    ...(outcome.details === undefined ? {} : { details: outcome.details }),
  };
}

function couldNotCheck(gate: Gate<unknown>, problem: string): GateReport {
  return {
    gate: gate.name,
    schemaVersion: 1,
    status: "could-not-check",
    exitCode: ExitCode.couldNotCheck,
    problem,
    checked: {},
    counts: { error: 0, warning: 0 },
    findings: [],
    notes: [],
  };
}

function exitCodeOf(status: GateStatus): number {
  if (status === "passed") return ExitCode.passed;
  return status === "failed" ? ExitCode.findings : ExitCode.couldNotCheck;
}

/** What a finding measured, for people: "contrast 2.31:1, text #c8c8c8". */
function measuredText(measured: NonNullable<Finding["measured"]>): string {
  return Object.entries(measured)
    .map(([name, value]) => `${name} ${value}`)
    .join(", ");
}

/** A plain, accessible page of the report, for people who open CI's artifacts. */
export function renderReportHtml(report: GateReport, title: string): string {
  const heading = `${title}: ${statusWords[report.status]}`;
  const rows = report.findings.map(
    (finding) =>
      html`<tr><td>${placeOf(finding)}${finding.screenshot === undefined ? "" : html` <a href="${finding.screenshot}">(screenshot)</a>`}</td><td>${finding.severity}</td><td>${finding.rule}</td><td>${finding.message}${finding.measured === undefined ? "" : html`<br>Measured: ${measuredText(finding.measured)}`}${finding.excerpt === undefined ? "" : html`<br><code>${finding.excerpt}</code>`}</td></tr>`,
  );
  const findings =
    rows.length === 0
      ? html`<p>No findings.</p>`
      : html`<table>
<caption>Findings, one per row</caption>
<thead><tr><th scope="col">Where</th><th scope="col">Severity</th><th scope="col">Rule</th><th scope="col">Message</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
  const notes =
    report.notes.length > 0 &&
    html`<h2>Notes</h2>
<ul>${report.notes.map((note) => html`<li>${note}</li>`)}</ul>`;
  return reportPage(
    heading,
    html`<p>${summaryLine(report)}</p>
<h2>Findings</h2>
${findings}
${notes}`,
    html`table{border-collapse:collapse}th,td{border:1px solid;padding:.25rem .5rem;text-align:left;vertical-align:top}`,
  );
}

/** Writes a file whole or not at all: a reader never sees half a report. */
async function writeWhole(file: string, content: string): Promise<void> {
  const partial = `${file}.partial`;
  await writeFile(partial, content);
  await rename(partial, file);
}

async function writeReports(
  report: GateReport,
  title: string,
  root: string,
  renderHtml: ((report: GateReport) => string) | undefined,
): Promise<string> {
  const folder = path.join(projectPath(projectFolders.reports, root), report.gate);
  await mkdir(folder, { recursive: true });
  await writeWhole(path.join(folder, "report.json"), `${JSON.stringify(report, null, 2)}\n`);
  await writeWhole(
    path.join(folder, "report.html"),
    renderHtml?.(report) ?? renderReportHtml(report, title),
  );
  return `${projectFolders.reports}/${report.gate}/`;
}

/**
 * Reads a command line with `parseArgs` (strict, `-h`/`--help` added), a wrong one thrown as
 * `UsageError`: for the gates and for the project's other commands alike.
 */
export function parseCommandLine(
  argv: string[],
  options: NonNullable<ParseArgsConfig["options"]>,
  allowPositionals: boolean,
): ParsedArguments {
  try {
    return parseArgs({
      args: argv,
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals,
      strict: true,
    });
  } catch (error) {
    // parseArgs reports a wrong command line as a TypeError with an ERR_PARSE_ARGS_* code.
    const code = (error as NodeJS.ErrnoException).code ?? "";
    if (code.startsWith("ERR_PARSE_ARGS")) throw new UsageError((error as Error).message);
    throw error;
  }
}

/** The process's output streams whose reader has gone (`npm run check:i18n | head -1`). */
const closedStreams = new WeakSet<NodeJS.WriteStream>();
const watchedStreams = new WeakSet<NodeJS.WriteStream>();

/**
 * A writer for one of the process's streams. A reader that closes its end early (`head`, a
 * pager quit) is no error of the run: what is left is not printed, no stack appears, and the run
 * finishes (its report, its files) and exits with its own status. Any other write error stays
 * an error.
 */
function processWriter(stream: NodeJS.WriteStream): (text: string) => void {
  if (!watchedStreams.has(stream)) {
    watchedStreams.add(stream);
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE" && !closedStreams.has(stream)) throw error;
      closedStreams.add(stream);
    });
  }
  return (text) => {
    if (!closedStreams.has(stream)) stream.write(text);
  };
}

/** Where a run prints and which project it runs in: the process's own unless given. */
function withDefaults(io: GateIo): Required<GateIo> {
  return {
    stdout: io.stdout ?? processWriter(process.stdout),
    stderr: io.stderr ?? processWriter(process.stderr),
    projectRoot: io.projectRoot ?? process.cwd(),
  };
}

/**
 * Runs a gate as its command does and returns the exit code: 0 passed, 1 findings that fail,
 * 2 could not check (wrong command line, `CouldNotCheckError`, nothing checked, an unexpected
 * error), 130/143 stopped by SIGINT/SIGTERM once the gate has cleaned up.
 */
export async function runGateCli<O, D>(
  gate: Gate<O, D>,
  argv: string[] = process.argv.slice(2),
  io: GateIo = {},
): Promise<number> {
  const { stdout, stderr, projectRoot } = withDefaults(io);
  const title = gate.title ?? gate.name;
  const anyGate = gate as Gate<unknown>;

  let options: O;
  let json = false;
  let debug = false;
  try {
    const args = parseCommandLine(
      argv,
      { ...gate.options, json: { type: "boolean" }, debug: { type: "boolean" } },
      gate.allowPositionals ?? false,
    );
    if (args.values.help === true) {
      stdout(helpText(anyGate));
      return ExitCode.passed;
    }
    json = args.values.json === true;
    debug = args.values.debug === true;
    options = gate.parse(args, projectRoot);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    stderr(`${title}: ${error.message}\n\n${helpText(anyGate)}`);
    return ExitCode.couldNotCheck;
  }

  const controller = new AbortController();
  let stoppedBy: StopSignal | undefined;
  const stop = (signal: StopSignal): void => {
    stoppedBy ??= signal;
    controller.abort(new Error(`stopped by ${signal}`));
  };
  const onInterrupt = (): void => {
    stop("SIGINT");
  };
  const onTerminate = (): void => {
    stop("SIGTERM");
  };
  process.on("SIGINT", onInterrupt);
  process.on("SIGTERM", onTerminate);

  const show = json ? stderr : stdout;
  let report: GateReport;
  try {
    const outcome = await gate.run(options, {
      projectRoot,
      signal: controller.signal,
      log: (line) => {
        stderr(`${line}\n`);
      },
    });
    report = reportOf(gate, options, outcome);
  } catch (error) {
    if (stoppedBy === undefined && error instanceof UsageError) {
      stderr(`${title}: ${error.message}\n\n${helpText(anyGate)}`);
      return ExitCode.couldNotCheck;
    }
    // An abort the runner asked for itself is no error of the gate.
    report = couldNotCheck(
      anyGate,
      stoppedBy === undefined ? couldNotRunReason(error, debug, stderr) : `stopped by ${stoppedBy}`,
    );
  } finally {
    process.off("SIGINT", onInterrupt);
    process.off("SIGTERM", onTerminate);
  }
  if (stoppedBy !== undefined) {
    stderr(`${title}: stopped by ${stoppedBy}; no report was written.\n`);
    return signalExitCodes[stoppedBy];
  }

  if (json) stdout(`${JSON.stringify(report, null, 2)}\n`);
  else for (const finding of report.findings) stdout(`${formatFinding(finding)}\n`);
  for (const note of report.notes) show(`${note}\n`);
  let written: string;
  try {
    written = await writeReports(report, title, projectRoot, gate.renderHtml?.bind(gate));
  } catch (error) {
    stderr(`${title}: the report could not be written (${(error as Error).message}).\n`);
    return ExitCode.couldNotCheck;
  }
  (report.status === "could-not-check" ? stderr : show)(
    `${title}: ${summaryLine(report)}\nReport: ${written}report.html\n`,
  );
  return report.exitCode;
}

/**
 * Runs a command that is not a gate (the exchange, the translation status, marking, the
 * benchmark, `npm test`) as its script does and returns the exit code, with the gates' command
 * line and messages: 0 done, 1 refused (its problems on stderr, one line each), 2 could not run
 * (wrong command line, a `CouldNotCheckError` or `ContentError`, an unexpected error), never a
 * stack without `--debug`. What the command prints as it goes (`print`) goes to stdout too.
 */
export async function runCommandCli<O>(
  command: Command<O>,
  argv: string[] = process.argv.slice(2),
  io: GateIo = {},
): Promise<number> {
  const { stdout, stderr, projectRoot } = withDefaults(io);
  const title = command.title ?? command.name;
  const help = commandHelpText(command);
  let debug = false;
  try {
    const args = parseCommandLine(
      argv,
      { ...command.options, debug: { type: "boolean" } },
      command.allowPositionals ?? false,
    );
    if (args.values.help === true) {
      stdout(help);
      return ExitCode.passed;
    }
    debug = args.values.debug === true;
    const outcome = await command.run(command.parse(args, projectRoot), {
      projectRoot,
      signal: new AbortController().signal,
      log: (line) => {
        stderr(`${line}\n`);
      },
      print: stdout,
    });
    for (const line of outcome.lines) stdout(`${line}\n`);
    for (const problem of outcome.problems ?? []) stderr(`${problem}\n`);
    return outcome.exitCode;
  } catch (error) {
    if (error instanceof UsageError) {
      stderr(`${title}: ${error.message}\n\n${help}`);
      return ExitCode.couldNotCheck;
    }
    stderr(`${title}: ${couldNotRunReason(error, debug, stderr)}\n`);
    return ExitCode.couldNotCheck;
  }
}

/** What a gate printed and its exit code, from {@link runGateCaptured}. */
export interface CapturedRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs a gate as its command does in `projectRoot`, keeping what it prints instead of printing it. */
export function runGateCaptured<O, D>(
  gate: Gate<O, D>,
  argv: string[],
  projectRoot: string,
): Promise<CapturedRun> {
  return captured((io) => runGateCli(gate, argv, { projectRoot, ...io }));
}

/** Runs a command as its script does in `projectRoot`, keeping what it prints. */
export function runCommandCaptured<O>(
  command: Command<O>,
  argv: string[],
  projectRoot: string,
): Promise<CapturedRun> {
  return captured((io) => runCommandCli(command, argv, { projectRoot, ...io }));
}

async function captured(
  run: (io: Required<Pick<GateIo, "stdout" | "stderr">>) => Promise<number>,
): Promise<CapturedRun> {
  let stdout = "";
  let stderr = "";
  const exitCode = await run({
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { exitCode, stdout, stderr };
}

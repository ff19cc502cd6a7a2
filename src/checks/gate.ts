/**
 * The one contract every gate implements (accessibility, duplicates, translations, Leichte
 * Sprache, …). A gate parses its own options and checks; the shared runner in `runner.ts` does
 * everything else the same way for all of them: `--help`, `--json`, the human output, the report
 * in `reports/<gate>/`, signals and exit codes.
 */
import type { ParseArgsConfig } from "node:util";
import { z } from "zod";
import type { ContentLocation } from "../lib/errors.ts";

/** Errors fail a gate; warnings fail it only where the gate says so (e.g. `--strict`). */
export type Severity = "error" | "warning";

/** One problem a gate found, located in a project file or on a served page (or both). */
export interface Finding {
  /** The rule or check that found it, e.g. `missing-key`, `color-contrast`, `near-repeat`. */
  rule: string;
  severity: Severity;
  /** What is wrong and what to do, in words for the people who fix it. */
  message: string;
  /** A place in a project file: `file:line:col`, and the key or field when there is one. */
  location?: ContentLocation;
  /** A page of the served site, with the element's CSS selector when there is one. */
  url?: string;
  selector?: string;
  /** Other places the finding speaks of (the other copy of a repeat, the German source). */
  related?: ContentLocation[];
  /** A short excerpt of the text or markup at fault. */
  excerpt?: string;
  /** A picture of the place, relative to the report's folder (`screenshots/….png`). */
  screenshot?: string;
  /** The success criteria (or other standard's items) the rule tests, e.g. `["1.4.3"]`. */
  criteria?: string[];
  /** What was measured, by name: `{ contrast: "2.31:1", text: "#c8c8c8", background: "#ffffff" }`. */
  measured?: Record<string, string | number>;
}

/** What a gate's run produced: its findings and how much it looked at. */
export interface GateOutcome<Details = unknown> {
  findings: Finding[];
  /**
   * How much was checked, by unit (`{ pages: 21 }`, `{ files: 41, blocks: 551 }`). A run whose
   * counts are all zero checked nothing: the runner reports "could not check" (exit 2), never
   * "passed".
   */
  checked: Record<string, number>;
  /** Lines the human output shows after the findings (e.g. what an allow-list accepted). */
  notes?: string[];
  /** The gate's own data for its report (per-page results, coverage, timings). */
  details?: Details;
}

/** What the runner hands a gate's `run`. */
export interface GateContext {
  projectRoot: string;
  /** Aborted on SIGINT/SIGTERM; a gate stops its browser or workers when it fires. */
  signal: AbortSignal;
  /** Progress for people (stderr under `--json`, so stdout stays machine-readable). */
  log: (line: string) => void;
}

/** Values `node:util` `parseArgs` gives for a gate's options. */
export type ParsedArguments = {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
};

/** The command line every command of the project shares, the gates' included. */
export interface CommandLine<Options> {
  /** Short name: a gate's report goes to `reports/<name>/`, e.g. `a11y`. */
  name: string;
  /** What people call it in messages, e.g. "Translation check" (default: the name). */
  title?: string;
  /** One line saying what the command does, first line of `--help`. */
  summary: string;
  /** The option lines of `--help` (without those the runner adds: `--help`, `--debug`, a gate's `--json`). */
  usage: string;
  /** The command's options for `parseArgs` (without those the runner adds). */
  options: NonNullable<ParseArgsConfig["options"]>;
  allowPositionals?: boolean;
  /** Turns parsed arguments into options; throws `UsageError` for a wrong command line. */
  parse(args: ParsedArguments, projectRoot: string): Options;
}

/** A check that plugs into the runner. */
export interface Gate<Options, Details = unknown> extends CommandLine<Options> {
  /** Checks; throws `CouldNotCheckError` when there is nothing to check or no way to check it. */
  run(options: Options, context: GateContext): Promise<GateOutcome<Details>>;
  /** Whether a finding fails the run; by default errors do and warnings do not. */
  fails?(finding: Finding, options: Options): boolean;
  /** The gate's own `report.html` (pictures, say), instead of the plain page of findings. */
  renderHtml?(report: GateReport): string;
}

/** What a command that is not a gate did: it writes or reports, it does not pass or fail the site. */
export interface CommandOutcome {
  /** 0 done; 1 refused, the problems say why. */
  exitCode: 0 | 1;
  /** What it did, for people (stdout). */
  lines: string[];
  /** One line per problem, each naming its file and line (stderr). */
  problems?: string[];
}

/** What the runner hands a command's `run`. */
export interface CommandContext extends GateContext {
  /** Writes output for people as it comes (stdout), for a command that runs for minutes. */
  print: (text: string) => void;
}

/**
 * A command of the project that is not a gate (the translators' exchange, the translation
 * status, marking, the benchmark, `npm test` itself): the runner gives it the gates' command
 * line, help, messages and exit codes.
 */
export interface Command<Options> extends CommandLine<Options> {
  /** Runs; throws `CouldNotCheckError` (or a `ContentError`) when it cannot run at all. */
  run(options: Options, context: CommandContext): Promise<CommandOutcome>;
}

/** A wrong command line: the gate did not run (exit 2). */
export class UsageError extends Error {
  override name = "UsageError";
}

/** The gate could not check at all: missing `_site/`, no pages, no browser (exit 2). */
export class CouldNotCheckError extends Error {
  override name = "CouldNotCheckError";
}

/** The exit codes of every gate. */
export const ExitCode = {
  passed: 0,
  findings: 1,
  couldNotCheck: 2,
} as const;

/** How a run ended: what `report.json`'s `status` says. */
export type GateStatus = "passed" | "failed" | "could-not-check";

const locationSchema = z
  .object({
    file: z.string().min(1),
    line: z.number().int().positive().optional(),
    column: z.number().int().positive().optional(),
    key: z.string().optional(),
  })
  .strict();

const findingSchema = z
  .object({
    rule: z.string().min(1),
    severity: z.enum(["error", "warning"]),
    message: z.string().min(1),
    location: locationSchema.optional(),
    url: z.string().optional(),
    selector: z.string().optional(),
    related: z.array(locationSchema).optional(),
    excerpt: z.string().optional(),
    screenshot: z.string().optional(),
    criteria: z.array(z.string().min(1)).optional(),
    measured: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  })
  .strict();

/**
 * The schema of `reports/<gate>/report.json` (and of `--json`), the same for every gate, so CI
 * can merge and compare reports without knowing the gate. README documents it field by field;
 * a change that breaks readers raises `schemaVersion`.
 */
export const gateReportSchema = z
  .object({
    gate: z.string().min(1),
    schemaVersion: z.literal(1),
    status: z.enum(["passed", "failed", "could-not-check"]),
    exitCode: z.number().int().min(0),
    /** Why the gate could not check; only with status "could-not-check". */
    problem: z.string().optional(),
    checked: z.record(z.string(), z.number().int().min(0)),
    counts: z.object({ error: z.number().int().min(0), warning: z.number().int().min(0) }).strict(),
    findings: z.array(findingSchema),
    notes: z.array(z.string()),
    details: z.unknown().optional(),
  })
  .strict();

/** One run of a gate as `report.json` holds it. */
export type GateReport = z.infer<typeof gateReportSchema>;

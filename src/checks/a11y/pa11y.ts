import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { z } from "zod";
import { outputTail, runNodeScript } from "./node-process.ts";
import type { Problem, SitePage } from "./types.ts";

const require = createRequire(import.meta.url);

/** pa11y-ci's defaults as loaded from .pa11yci.cjs. */
export type Pa11yDefaults = Record<string, unknown>;

/** What pa11y-ci reported for one URL: its issues, or why it could not test the page. */
export type Pa11yOutcome =
  { kind: "issues"; problems: Problem[] } | { kind: "error"; message: string };

const issueSchema = z.object({
  code: z.string(),
  type: z.enum(["error", "warning", "notice"]),
  message: z.string(),
  context: z.string().nullish(),
  selector: z.string().nullish(),
  runner: z.enum(["axe", "htmlcs"]),
  runnerExtras: z
    .object({
      impact: z.string().nullish(),
      help: z.string().optional(),
      helpUrl: z.string().optional(),
      description: z.string().optional(),
      needsFurtherReview: z.boolean().optional(),
    })
    .optional(),
});
// pa11y-ci's JSON reporter writes a page that failed to run as an Error reduced to { message }.
const failureSchema = z.object({ message: z.string() });
const reportSchema = z.object({
  total: z.number(),
  passes: z.number(),
  errors: z.number(),
  results: z.record(z.string(), z.array(z.union([issueSchema, failureSchema]))),
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Loads the `defaults` object of the project's .pa11yci.cjs. */
export function loadPa11yDefaults(projectRoot: string): Pa11yDefaults {
  const file = join(projectRoot, ".pa11yci.cjs");
  const loaded: unknown = require(file);
  if (!isRecord(loaded) || !isRecord(loaded.defaults)) {
    throw new Error(`${file} must export { defaults: { … } } like a pa11y-ci configuration file.`);
  }
  return loaded.defaults;
}

/**
 * Builds the pa11y-ci configuration for one run: the project's defaults plus this run's
 * URLs, concurrency, browser and JSON report file. URLs are { url } objects because plain
 * strings share one options object between concurrent pages (pa11y-ci #354).
 */
export function buildPa11yConfig(
  defaults: Pa11yDefaults,
  run: { urls: readonly string[]; concurrency: number; executablePath: string; reportFile: string },
): { defaults: Pa11yDefaults; urls: { url: string }[] } {
  // With a threshold pa11y-ci exits 0 although a page failed to run (pa11y-ci #228).
  if ("threshold" in defaults) {
    throw new Error(
      ".pa11yci.cjs sets `threshold`, which lets pages with problems or pages that failed to run pass. Remove it.",
    );
  }
  const chromeLaunchConfig = isRecord(defaults.chromeLaunchConfig)
    ? defaults.chromeLaunchConfig
    : {};
  return {
    defaults: {
      ...defaults,
      concurrency: run.concurrency,
      chromeLaunchConfig: { ...chromeLaunchConfig, executablePath: run.executablePath },
      reporters: [["json", { fileName: run.reportFile }]],
    },
    urls: run.urls.map((url) => ({ url })),
  };
}

function toProblem(issue: z.infer<typeof issueSchema>, publicUrl: string): Problem {
  const extras = issue.runnerExtras;
  // axe's "needs review" findings count as failures too; say so, as they need a person to decide.
  const undecided = extras?.needsFurtherReview === true;
  const problem: Problem = {
    url: publicUrl,
    runner: issue.runner,
    rule: issue.code,
    selector: issue.selector ?? "",
    message: undecided
      ? `${issue.message} [axe could not decide this by itself: check it by hand, then fix the page or ignore the rule with a reason in .pa11yci.cjs]`
      : issue.message,
    context: issue.context ?? "",
    severity: issue.type,
  };
  if (issue.runner === "axe" && extras) {
    problem.axe = {
      impact: extras.impact ?? null,
      help: extras.help ?? issue.message,
      helpUrl: extras.helpUrl ?? "",
      description: extras.description ?? "",
      needsReview: undecided,
    };
  }
  return problem;
}

/**
 * Reads pa11y-ci's JSON report into one outcome per page, keyed by page path. pa11y keys its
 * results by the address the page ended up at, so keys are compared as normalised URLs; a page
 * without an entry is missing from the map.
 */
export function parsePa11yReport(
  report: unknown,
  pagesByLocalUrl: ReadonlyMap<string, SitePage>,
): Map<string, Pa11yOutcome> {
  const parsed = reportSchema.parse(report);
  const outcomes = new Map<string, Pa11yOutcome>();
  for (const [key, entries] of Object.entries(parsed.results)) {
    const page = pagesByLocalUrl.get(URL.canParse(key) ? new URL(key).href : key);
    if (page === undefined) continue;
    const failure = entries.find((entry) => !("code" in entry));
    outcomes.set(
      page.path,
      failure
        ? { kind: "error", message: failure.message }
        : {
            kind: "issues",
            problems: entries.flatMap((entry) =>
              "code" in entry ? [toProblem(entry, page.url)] : [],
            ),
          },
    );
  }
  return outcomes;
}

/** Exit status, report and console output of one pa11y-ci run. */
export interface Pa11yRun {
  exitCode: number | null;
  /** The parsed JSON report, or null if pa11y-ci stopped before writing all of it. */
  report: unknown;
  output: string;
}

/** Runs pa11y-ci in its own process with the given configuration file; aborting the signal stops it. */
export async function runPa11yCi(
  configFile: string,
  reportFile: string,
  options: { cwd: string; signal?: AbortSignal },
): Promise<Pa11yRun> {
  const run = await runNodeScript(
    require.resolve("pa11y-ci/bin/pa11y-ci.js"),
    ["--config", configFile],
    options,
  );
  return { exitCode: run.exitCode, report: readReport(reportFile), output: outputTail(run) };
}

function readReport(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    // Missing or cut short: pa11y-ci stopped before finishing it.
    return null;
  }
}

import { createRequire } from "node:module";
import { join } from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { z } from "zod";
import type { Problem } from "./types.ts";

const require = createRequire(import.meta.url);

/** pa11y-ci's defaults as loaded from .pa11yci.cjs. */
export type Pa11yDefaults = Record<string, unknown>;

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
const resultSchema = z.object({ issues: z.array(issueSchema) });

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
  // With a threshold pa11y-ci exits 0 although a page failed to run (pa11y-ci #228).
  if ("threshold" in loaded.defaults) {
    throw new Error(
      ".pa11yci.cjs sets `threshold`, which lets pages with problems or pages that failed to run pass. Remove it.",
    );
  }
  return loaded.defaults;
}

/** The Chromium switches of .pa11yci.cjs, which the gate's own browser starts with too. */
export function browserArguments(defaults: Pa11yDefaults): string[] {
  const launch = isRecord(defaults.chromeLaunchConfig) ? defaults.chromeLaunchConfig : {};
  return z.array(z.string()).default([]).parse(launch.args);
}

/**
 * The switches the gate's browser starts with: those of .pa11yci.cjs, without its limit on
 * renderer processes and with JavaScript compiled to baseline code only.
 *
 * pa11y-ci's limit of one renderer per core saves processor time while its pages wait for the
 * network; the gate's pages never wait for it, and the limit counts the browser's own blank
 * tab and spare renderer too, so that tabs end up sharing one renderer and take turns on its
 * one main thread. Each tab and each script watch (`openScriptWatch`) needs one of its own: a
 * debugger slows every page of the renderer it is attached to.
 *
 * Every page is a new JavaScript context, so the engine's optimising compilers (Maglev,
 * TurboFan) compile axe's hot functions anew on every page, on threads that take the cores
 * the other tabs need; axe's run is over before that pays off (see BENCHMARKS.md).
 */
export function gateBrowserArguments(args: readonly string[]): string[] {
  return [...args.filter((arg) => !arg.startsWith("--renderer-process-limit=")), GATE_JS_FLAGS];
}

/** V8's flags for the gate's browser: baseline compiler (Sparkplug) at most. */
export const GATE_JS_FLAGS = "--js-flags=--max-opt=1";

// What pa11y-ci uses to start and schedule browsers: the gate does that itself.
const PA11Y_CI_ONLY = [
  "chromeLaunchConfig",
  "concurrency",
  "useIncognitoBrowserContext",
  "reporters",
];

/**
 * The options the gate hands pa11y for one page: .pa11yci.cjs's settings for the test itself
 * (standard, runners, ignored rules, warnings, timeout), run in the gate's tab on the page
 * the tab has already loaded.
 */
export function pa11yTabOptions(defaults: Pa11yDefaults): Pa11yDefaults {
  return Object.fromEntries(
    Object.entries(defaults).filter(([key]) => !PA11Y_CI_ONLY.includes(key)),
  );
}

type Pa11y = (url: string, options: Record<string, unknown>) => Promise<unknown>;

function isPa11y(value: unknown): value is Pa11y {
  return typeof value === "function";
}

/** The pa11y engine that pa11y-ci runs, so both test pages alike. */
function pa11yEngine(): Pa11y {
  const engine: unknown = require(
    require.resolve("pa11y", { paths: [require.resolve("pa11y-ci")] }),
  );
  if (!isPa11y(engine)) throw new Error("pa11y did not export its test function.");
  return engine;
}

function toProblem(issue: z.infer<typeof issueSchema>, publicUrl: string): Problem {
  const extras = issue.runnerExtras;
  // axe's "needs review" results: the gate decides what it can from the page and leaves the
  // rest to a person, never counting them as failures or passes.
  const undecided = extras?.needsFurtherReview === true;
  const problem: Problem = {
    url: publicUrl,
    runner: issue.runner,
    rule: issue.code,
    selector: issue.selector ?? "",
    message: undecided
      ? `${issue.message} [axe could not decide this: a person must check it]`
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

/** Reads pa11y's result for one page into problems of the page at `publicUrl`. */
export function parsePa11yResult(result: unknown, publicUrl: string): Problem[] {
  return resultSchema.parse(result).issues.map((issue) => toProblem(issue, publicUrl));
}

/**
 * Runs pa11y (axe, with .pa11yci.cjs's settings) in a tab that has already loaded the page:
 * pa11y neither starts a browser nor loads the page again.
 */
export async function runPa11yInTab(
  browser: Browser,
  tab: Page,
  options: Pa11yDefaults,
  publicUrl: string,
): Promise<Problem[]> {
  const result = await pa11yEngine()(tab.url(), {
    ...options,
    browser,
    page: tab,
    ignoreUrl: true,
  });
  return parsePa11yResult(result, publicUrl);
}

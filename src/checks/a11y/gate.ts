import { createHash } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { CouldNotCheckError, UsageError, type Finding, type Gate } from "../gate.ts";
import { projectFolders, projectPath } from "../../lib/project.ts";
import { checkOf, loadCoverage, type CriterionResult } from "./coverage.ts";
import {
  checkAccessibility,
  defaultConcurrency,
  DEFAULT_PAGE_TIMEOUT_MS,
  type A11yResult,
  type CheckOptions,
} from "./index.ts";
import { parseShard, type Shard } from "./shard.ts";
import type { PageFacts } from "./probes/types.ts";
import type { Problem } from "./types.ts";

/** The gate's options, from the command line. */
export type A11yOptions = Omit<CheckOptions, "signal" | "log">;

/** Something no check could decide, as the report lists it for a person. */
export interface UndecidedItem {
  url: string;
  check: string;
  selector: string;
  message: string;
}

/** What the gate's report holds besides its findings (`details` in report.json). */
export interface A11yDetails {
  shard: Shard | null;
  /** Whether the cross-page probes ran; in a shard they run when the reports are merged. */
  siteProbesRun: boolean;
  pages: {
    path: string;
    url: string;
    inSitemap: boolean;
    status: "passed" | "failed" | "error";
    cached: boolean;
    facts: PageFacts | null;
  }[];
  coverage: CriterionResult[];
  /** What no check could decide: neither failures nor passes, for a person to look at. */
  undecided: UndecidedItem[];
  timings: A11yResult["timings"];
}

/** The success criteria each check tests, from the coverage map. */
const criteriaOfCheck = (() => {
  const byCheck = new Map<string, string[]>();
  for (const criterion of loadCoverage().criteria) {
    for (const check of criterion.checks)
      byCheck.set(check, [...(byCheck.get(check) ?? []), criterion.id]);
  }
  return byCheck;
})();

/** The WCAG success criteria a check tests, by the coverage map ([] for none). */
function criteriaOf(check: string | null): string[] {
  return check === null ? [] : (criteriaOfCheck.get(check) ?? []);
}

/** The criteria a check tests, as a message ends: " [WCAG 1.4.3, 1.4.11]", or "" for none. */
export function criteriaSuffix(check: string | null): string {
  const criteria = criteriaOf(check);
  return criteria.length === 0 ? "" : ` [WCAG ${criteria.join(", ")}]`;
}

/**
 * A problem as the runner's finding: its rule named as the coverage map names the check, its
 * message ending with the success criteria the check tests, which `criteria` lists too, what
 * a probe measured, and its screenshot's file, if any.
 */
export function toFinding(problem: Problem, screenshot?: string): Finding {
  const [file, line, column] =
    problem.runner === "html-validate" ? problem.selector.split(":") : [];
  const check = checkOf(problem);
  const criteria = criteriaOf(check);
  return {
    rule: check ?? `gate:${problem.rule}`,
    severity: problem.severity === "error" ? "error" : "warning",
    message: problem.message + criteriaSuffix(check),
    url: problem.url,
    ...(file !== undefined && line !== undefined && column !== undefined
      ? {
          location: { file, line: Number(line), column: Number(column) },
          selector: problem.context,
        }
      : problem.selector === ""
        ? {}
        : { selector: problem.selector }),
    ...(problem.context === "" || problem.runner === "html-validate"
      ? {}
      : { excerpt: problem.context }),
    ...(screenshot === undefined ? {} : { screenshot }),
    ...(criteria.length === 0 ? {} : { criteria }),
    ...(problem.measured === undefined ? {} : { measured: problem.measured }),
  };
}

/** The folder of a gate's screenshots, inside its report folder. */
const SCREENSHOTS = "screenshots";

/** A screenshot's path in a report: in its folder, named by a hash of its content. */
function screenshotPath(png: Uint8Array): string {
  return `${SCREENSHOTS}/${createHash("sha256").update(png).digest("hex").slice(0, 16)}.png`;
}

/** The paths `screenshotPath` gives: what a report of the gate may name as a finding's picture. */
export const SCREENSHOT_PATH = /^screenshots\/[0-9a-f]{16}\.png$/;

/**
 * A gate's report folder (`reports/<gate>/`), its screenshots emptied, so that no picture of
 * an earlier run stays; findings name their pictures relative to it.
 */
export function reportFolderWithoutScreenshots(projectRoot: string, gate: string): string {
  const folder = join(projectPath(projectFolders.reports, projectRoot), gate);
  rmSync(join(folder, SCREENSHOTS), { recursive: true, force: true });
  return folder;
}

/**
 * Writes the problems' screenshots into the report folder and returns the findings, each
 * naming its picture.
 */
function findingsWithScreenshots(problems: readonly Problem[], projectRoot: string): Finding[] {
  const folder = reportFolderWithoutScreenshots(projectRoot, "a11y");
  return problems.map((problem) => {
    if (problem.screenshot === undefined) return toFinding(problem);
    const path = screenshotPath(problem.screenshot);
    mkdirSync(join(folder, SCREENSHOTS), { recursive: true });
    writeFileSync(join(folder, path), problem.screenshot);
    return toFinding(problem, path);
  });
}

/** Items named in the notes at most; report.json lists them all. */
const MAX_UNDECIDED_NOTES = 10;

/** The notes on what no check could decide, one line each (a few), for people. */
export function undecidedNotes(undecided: readonly UndecidedItem[]): string[] {
  if (undecided.length === 0) return [];
  return [
    `${undecided.length} thing(s) no check could decide, neither failed nor passed: a person must look at them${undecided.length > MAX_UNDECIDED_NOTES ? ` (all in report.json, details.undecided)` : ""}:`,
    ...undecided
      .slice(0, MAX_UNDECIDED_NOTES)
      .map((item) => `  ${item.url} ${item.selector}: ${item.check}: ${item.message}`),
  ];
}

/** Something undecided, as the report lists it. */
export function undecidedItem(problem: Problem): UndecidedItem {
  const check = checkOf(problem) ?? `gate:${problem.rule}`;
  return {
    url: problem.url,
    check,
    selector: problem.selector,
    message: problem.message + criteriaSuffix(check),
  };
}

function positiveInteger(
  value: string | boolean | (string | boolean)[] | undefined,
  option: string,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (typeof value !== "string" || !Number.isInteger(number) || number < 1) {
    throw new UsageError(
      `--${option} expects a whole number of at least 1; got "${String(value)}".`,
    );
  }
  return number;
}

/** The accessibility gate: npm run check:a11y. */
export const a11yGate: Gate<A11yOptions, A11yDetails> = {
  name: "a11y",
  title: "Accessibility",
  summary:
    "Checks every built page against WCAG 2.2 AA in one Chromium: axe (through pa11y), the gate's own probes and html-validate.",
  usage: `Usage: npm run check:a11y -- [options]

  --site DIR           built site to check (default: ${projectFolders.output})
  --concurrency N      tabs at once (default: cores + 1, here ${defaultConcurrency()})
  --no-cache           check every page, also those that passed unchanged before
  --shard I/N          check only the I-th of N slices of the pages, e.g. --shard 2/3
  --page-timeout S     seconds one page may take before it fails unchecked (default ${DEFAULT_PAGE_TIMEOUT_MS / 1000})
  --cache-dir DIR      where the cache is kept (default: ${projectFolders.cache}/a11y)`,
  options: {
    site: { type: "string" },
    concurrency: { type: "string" },
    "no-cache": { type: "boolean" },
    shard: { type: "string" },
    "page-timeout": { type: "string" },
    "cache-dir": { type: "string" },
  },
  parse({ values }, projectRoot) {
    const site = values.site;
    const cacheDir = values["cache-dir"];
    return {
      projectRoot,
      siteDir: resolve(projectRoot, typeof site === "string" ? site : projectFolders.output),
      concurrency: positiveInteger(values.concurrency, "concurrency", defaultConcurrency()),
      cache: values["no-cache"] !== true,
      shard: typeof values.shard === "string" ? parseShard(values.shard) : null,
      pageTimeoutMs:
        positiveInteger(values["page-timeout"], "page-timeout", DEFAULT_PAGE_TIMEOUT_MS / 1000) *
        1000,
      cacheDir:
        typeof cacheDir === "string"
          ? resolve(projectRoot, cacheDir)
          : resolve(projectPath(projectFolders.cache, projectRoot), "a11y"),
    };
  },
  async run(options, context) {
    const result = await checkAccessibility({
      ...options,
      signal: context.signal,
      log: context.log,
    });
    if (result.fatal !== null) throw new CouldNotCheckError(result.fatal);
    const unchecked = result.pages.filter((page) => page.status === "error").length;
    const undecided = result.undecided.map(undecidedItem);
    return {
      findings: findingsWithScreenshots(result.problems, context.projectRoot),
      // Pages that could not be checked are findings of their own (page-load, page-timeout), not checked pages.
      checked: { pages: result.pagesChecked },
      notes: [
        ...(result.pagesFromCache > 0
          ? [
              `${result.pagesFromCache} of ${result.pagesExpected} pages unchanged since they last passed.`,
            ]
          : []),
        ...(unchecked > 0 ? [`${unchecked} page(s) could not be checked.`] : []),
        ...(result.siteProbesRun
          ? []
          : [
              "Cross-page probes (titles, menus, link names, help) run when the shards' reports are merged.",
            ]),
        ...undecidedNotes(undecided),
        ...coverageNotes(result.coverage),
      ],
      details: {
        shard: result.shard,
        siteProbesRun: result.siteProbesRun,
        pages: result.pages.map((page) => ({
          path: page.path,
          url: page.url,
          inSitemap: page.inSitemap,
          status: page.status,
          cached: page.cached,
          facts: page.facts,
        })),
        coverage: result.coverage,
        undecided,
        timings: result.timings,
      },
    };
  },
  // Every finding fails, warnings too: axe's "moderate" findings are barriers too. What no
  // check could decide is no finding: it is listed for a person (details.undecided).
  fails: () => true,
};

const VERDICT_WORDS: Record<CriterionResult["result"], string> = {
  failed: "failed",
  passed: "passed (decided fully by the checks)",
  "no-failures-found":
    "no failures found by the checks named (they test part of it; a person must check the rest)",
  "needs-person": "needs a person",
};

/**
 * The WCAG 2.2 A/AA criteria by verdict, one line per verdict: failed (with the checks that
 * failed), passed (only criteria the gate decides fully), no failures found by the checks
 * named, needs a person.
 */
export function coverageNotes(coverage: readonly CriterionResult[]): string[] {
  return (["failed", "passed", "no-failures-found", "needs-person"] as const).flatMap((verdict) => {
    const criteria = coverage.filter((criterion) => criterion.result === verdict);
    if (criteria.length === 0) return [];
    const named = criteria.map((criterion) => {
      const counts = verdict === "failed" ? criterion.failures : criterion.undecided;
      const detail = Object.entries(counts).map(([check, count]) => `${check} ×${count}`);
      return detail.length === 0 ? criterion.id : `${criterion.id} (${detail.join(", ")})`;
    });
    return [
      `WCAG 2.2 A/AA, ${VERDICT_WORDS[verdict]}: ${criteria.length} of ${coverage.length}: ${named.join(", ")}.`,
    ];
  });
}

import { resolve } from "node:path";
import { CouldNotCheckError, UsageError, type Finding, type Gate } from "../gate.ts";
import { projectFolders, projectPath } from "../../lib/project.ts";
import { checkOf, type CriterionResult } from "./coverage.ts";
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
  timings: A11yResult["timings"];
}

/** A problem as the runner's finding: its rule named as the coverage map names the check. */
export function toFinding(problem: Problem): Finding {
  const [file, line, column] =
    problem.runner === "html-validate" ? problem.selector.split(":") : [];
  return {
    rule: checkOf(problem) ?? `gate:${problem.rule}`,
    severity: problem.severity === "error" ? "error" : "warning",
    message: problem.message,
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
    return {
      findings: result.problems.map(toFinding),
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
              "Cross-page probes (titles, menus, link names) run when the shards' reports are merged.",
            ]),
        coverageNote(result.coverage),
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
        timings: result.timings,
      },
    };
  },
  // Every finding fails, warnings too: axe's "moderate" findings and needs-review results are
  // barriers a person must look at before publishing.
  fails: () => true,
};

/** One line on the WCAG 2.2 A/AA criteria: how many were checked, failed, or need a person. */
export function coverageNote(coverage: readonly CriterionResult[]): string {
  const count = (result: CriterionResult["result"]) =>
    coverage.filter((criterion) => criterion.result === result).length;
  const failed = coverage
    .filter((criterion) => criterion.result === "failed")
    .map((criterion) => criterion.id);
  return (
    `WCAG 2.2 A/AA: ${coverage.length - count("manual")} of ${coverage.length} success criteria checked automatically ` +
    `(${coverage.filter((criterion) => criterion.extent === "full").length} fully), ${count("manual")} need a person` +
    (failed.length > 0 ? `; failed: ${failed.join(", ")}.` : "; none failed.")
  );
}

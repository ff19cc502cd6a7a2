import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { GateResult, Problem } from "./types.ts";

const require = createRequire(import.meta.url);

/** One line per problem: "URL  rule  selector  message"; markup problems as "file:line:col rule message". */
export function problemLine(problem: Problem): string {
  if (problem.runner === "html-validate") {
    return `${problem.selector} ${problem.rule} ${problem.message}`;
  }
  return [problem.url, problem.rule, problem.selector || "(whole page)", problem.message].join(
    "  ",
  );
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The closing summary: pages checked, problems, time, and the verdict. */
export function summaryLines(result: GateResult): string[] {
  const lines: string[] = [];
  if (result.fatal !== null) lines.push(result.fatal);
  const failedPages = new Set(result.problems.map((problem) => problem.url)).size;
  const perPage =
    result.pagesChecked > 0
      ? `, ${seconds(result.timings.totalMs / result.pagesChecked)} per page`
      : "";
  lines.push(
    `Accessibility: ${result.pagesChecked} of ${result.pagesExpected} pages checked` +
      (result.pagesFromCache > 0
        ? ` (${result.pagesFromCache} unchanged since they last passed)`
        : "") +
      `, ${result.problems.length} problem${result.problems.length === 1 ? "" : "s"} on ${failedPages} page${failedPages === 1 ? "" : "s"}` +
      `, ${seconds(result.timings.totalMs)}${perPage}.`,
  );
  if (result.pagesChecked < result.pagesExpected) {
    const unchecked = result.pages
      .filter((page) => page.status === "error")
      .map((page) => page.url);
    lines.push(
      `${result.pagesExpected - result.pagesChecked} page(s) could not be checked${unchecked.length > 0 ? `: ${unchecked.join(", ")}` : ""}.`,
    );
  }
  if (result.pagesExpected === 0 && result.fatal === null) lines.push("No pages were checked.");
  lines.push(result.ok ? "PASSED" : "FAILED: the site must not be published in this state.");
  return lines;
}

interface ReporterIssue {
  code: string;
  type: Problem["severity"];
  typeCode: number;
  message: string;
  context: string;
  selector: string;
  runner: string;
  runnerExtras: Record<string, unknown>;
}

/** The result in the shape pa11y-ci hands its reporters: issues per URL, or an Error for pages that could not be checked. */
export function toPa11yCiReport(result: GateResult): {
  total: number;
  passes: number;
  errors: number;
  results: Record<string, (ReporterIssue | Error)[]>;
} {
  const typeCodes = { error: 1, warning: 2, notice: 3 } as const;
  const toIssue = (problem: Problem): ReporterIssue => ({
    code: problem.rule,
    type: problem.severity,
    typeCode: typeCodes[problem.severity],
    message: problem.message,
    context: problem.context,
    selector: problem.selector,
    runner: problem.runner,
    // The axe layout of the HTML report reads these fields.
    runnerExtras: {
      ...(problem.axe ?? { impact: null, help: problem.message, helpUrl: "", description: "" }),
    },
  });
  const results: Record<string, (ReporterIssue | Error)[]> = {};
  for (const page of result.pages) {
    results[page.url] =
      page.status === "error"
        ? [
            new Error(
              page.problems.map((problem) => `${problem.rule}: ${problem.message}`).join(" | "),
            ),
          ]
        : page.problems.map(toIssue);
  }
  // Problems in built files that serve no listed page.
  const pageUrls = new Set(result.pages.map((page) => page.url));
  for (const problem of result.problems) {
    if (!pageUrls.has(problem.url)) (results[problem.url] ??= []).push(toIssue(problem));
  }
  const urls = Object.keys(results);
  return {
    total: urls.length,
    passes: urls.filter((url) => results[url]?.length === 0).length,
    errors: result.problems.length,
    results,
  };
}

type HtmlReporterFactory = (options: { destination: string; includeZeroIssues: boolean }) => {
  afterAll(report: ReturnType<typeof toPa11yCiReport>): Promise<void>;
};

function isHtmlReporterFactory(value: unknown): value is HtmlReporterFactory {
  return typeof value === "function";
}

/**
 * Writes reportDir/a11y-report.json (the full result) and an HTML report made by
 * pa11y-ci-reporter-html: reportDir/html/index.html plus one file per page with problems. The
 * html folder is replaced, so no page report from an earlier run lingers.
 */
export async function writeReports(
  result: GateResult,
  reportDir: string,
  siteDir: string,
): Promise<{ json: string; html: string }> {
  const htmlDir = join(reportDir, "html");
  rmSync(htmlDir, { recursive: true, force: true });
  mkdirSync(htmlDir, { recursive: true });
  const json = join(reportDir, "a11y-report.json");
  const document = { generatedAt: new Date().toISOString(), siteDir, ...result };
  writeFileSync(json, `${JSON.stringify(document, null, 2)}\n`);
  const factory: unknown = require("pa11y-ci-reporter-html");
  if (!isHtmlReporterFactory(factory)) {
    throw new Error("pa11y-ci-reporter-html did not export a reporter factory.");
  }
  const reporter = factory({ destination: htmlDir, includeZeroIssues: false });
  await reporter.afterAll(toPa11yCiReport(result));
  return { json, html: join(htmlDir, "index.html") };
}

import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../../src/checks/a11y/index.ts";
import {
  buildPa11yConfig,
  loadPa11yDefaults,
  parsePa11yReport,
} from "../../../src/checks/a11y/pa11y.ts";
import type { SitePage } from "../../../src/checks/a11y/types.ts";

const run = {
  urls: ["http://127.0.0.1:4000/de/", "http://127.0.0.1:4000/en/"],
  concurrency: 6,
  executablePath: "/opt/chrome",
  reportFile: "/tmp/report.json",
};

describe("the project's pa11y-ci defaults", () => {
  const defaults = loadPa11yDefaults(PROJECT_ROOT);

  it("test WCAG 2.1 AA with axe, keep warnings and never set a threshold", () => {
    expect(defaults).toMatchObject({
      standard: "WCAG2AA",
      runners: ["axe"],
      includeWarnings: true,
    });
    expect(defaults).not.toHaveProperty("threshold");
  });

  it("start Chromium with the switches a CI container needs", () => {
    expect(defaults.chromeLaunchConfig).toMatchObject({
      args: expect.arrayContaining([
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--no-first-run",
      ]) as unknown,
    });
  });
});

describe("buildPa11yConfig", () => {
  it("passes URLs as { url } objects and sets this run's browser, concurrency and report", () => {
    const config = buildPa11yConfig(
      { standard: "WCAG2AA", chromeLaunchConfig: { args: ["--no-sandbox"] } },
      run,
    );
    expect(config.urls).toEqual([{ url: run.urls[0] }, { url: run.urls[1] }]);
    expect(config.defaults).toEqual({
      standard: "WCAG2AA",
      concurrency: 6,
      chromeLaunchConfig: { args: ["--no-sandbox"], executablePath: "/opt/chrome" },
      reporters: [["json", { fileName: "/tmp/report.json" }]],
    });
  });

  it("refuses a configuration with a threshold", () => {
    expect(() => buildPa11yConfig({ threshold: 5 }, run)).toThrow(/threshold/);
  });
});

describe("parsePa11yReport", () => {
  const page = (path: string): SitePage => ({
    path,
    url: `https://example.org${path}`,
    file: null,
  });
  const pages = new Map([
    ["http://127.0.0.1:4000/de/", page("/de/")],
    ["http://127.0.0.1:4000/en/", page("/en/")],
    ["http://127.0.0.1:4000/en/404.html", page("/en/404.html")],
  ]);
  const issue = {
    code: "image-alt",
    type: "error",
    typeCode: 1,
    message:
      "Images must have alternative text (https://dequeuniversity.com/rules/axe/4.11/image-alt)",
    context: '<img src="a.png">',
    selector: "main > img",
    runner: "axe",
    runnerExtras: {
      impact: "critical",
      help: "Images must have alternative text",
      helpUrl: "u",
      description: "d",
    },
  };

  it("turns issues into problems on the page's public URL", () => {
    const outcomes = parsePa11yReport(
      { total: 1, passes: 0, errors: 1, results: { "http://127.0.0.1:4000/de/": [issue] } },
      pages,
    );
    expect(outcomes.get("/de/")).toEqual({
      kind: "issues",
      problems: [
        {
          url: "https://example.org/de/",
          runner: "axe",
          rule: "image-alt",
          selector: "main > img",
          message: issue.message,
          context: '<img src="a.png">',
          severity: "error",
          axe: {
            impact: "critical",
            help: "Images must have alternative text",
            helpUrl: "u",
            description: "d",
            needsReview: false,
          },
        },
      ],
    });
  });

  it("marks findings axe could not decide, which fail like the others", () => {
    const undecided = {
      ...issue,
      runnerExtras: { ...issue.runnerExtras, needsFurtherReview: true },
    };
    const outcome = parsePa11yReport(
      { total: 1, passes: 0, errors: 1, results: { "http://127.0.0.1:4000/de/": [undecided] } },
      pages,
    ).get("/de/");
    const problem = outcome?.kind === "issues" ? outcome.problems[0] : undefined;
    expect(problem?.message).toContain("axe could not decide this by itself");
    expect(problem?.axe?.needsReview).toBe(true);
  });

  it("reports a page that failed to run as an error and leaves unreported pages out", () => {
    const outcomes = parsePa11yReport(
      {
        total: 3,
        passes: 1,
        errors: 1,
        results: {
          "http://127.0.0.1:4000/de/": [{ message: "net::ERR_CONNECTION_REFUSED" }],
          "http://127.0.0.1:4000/en/404.html": [],
        },
      },
      pages,
    );
    expect(outcomes.get("/de/")).toEqual({ kind: "error", message: "net::ERR_CONNECTION_REFUSED" });
    expect(outcomes.get("/en/404.html")).toEqual({ kind: "issues", problems: [] });
    expect(outcomes.has("/en/")).toBe(false);
  });

  it("rejects a report that is not pa11y-ci's JSON", () => {
    expect(() => parsePa11yReport({ results: "nope" }, pages)).toThrow();
  });
});

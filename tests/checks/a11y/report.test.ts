import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  problemLine,
  summaryLines,
  toPa11yCiReport,
  writeReports,
} from "../../../src/checks/a11y/report.ts";
import type { GateResult, PageResult, Problem } from "../../../src/checks/a11y/types.ts";
import { temporaryDir } from "./fixtures.ts";

const contrast: Problem = {
  url: "https://example.org/de/",
  runner: "axe",
  rule: "color-contrast",
  selector: "main > p",
  message: "Elements must meet minimum color contrast ratio thresholds",
  context: "<p>",
  severity: "error",
  axe: { impact: "serious", help: "h", helpUrl: "u", description: "d", needsReview: false },
};
const markup: Problem = {
  url: "https://example.org/de/",
  runner: "html-validate",
  rule: "wcag/h37",
  selector: "_site/de/index.html:12:5",
  message: '<img> is missing required "alt" attribute',
  context: "main > img",
  severity: "error",
};
const unlisted: Problem = {
  ...markup,
  url: "https://example.org/draft.html",
  selector: "_site/draft.html:3:1",
};
const notLoaded: Problem = {
  url: "https://example.org/en/",
  runner: "browser",
  rule: "http-status",
  selector: "",
  message: "The page could not be loaded: the server answered HTTP 404.",
  context: "",
  severity: "error",
};

const pageResult = (
  path: string,
  status: PageResult["status"],
  problems: Problem[],
): PageResult => ({
  path,
  url: `https://example.org${path}`,
  file: null,
  status,
  cached: false,
  problems,
  timings: { browserMs: 1 },
});

const result: GateResult = {
  ok: false,
  fatal: null,
  pagesExpected: 3,
  pagesChecked: 2,
  pagesFromCache: 1,
  pages: [
    pageResult("/", "passed", []),
    pageResult("/de/", "failed", [contrast, markup]),
    pageResult("/en/", "error", [notLoaded]),
  ],
  problems: [contrast, markup, notLoaded, unlisted],
  shard: null,
  concurrency: 4,
  timings: { totalMs: 3000, pa11yMs: 2000, browserMs: 1000, markupMs: 500 },
};

describe("problemLine", () => {
  it("shows URL, rule, selector and message", () => {
    expect(problemLine(contrast)).toBe(
      "https://example.org/de/  color-contrast  main > p  Elements must meet minimum color contrast ratio thresholds",
    );
  });

  it("shows markup problems as file:line:col rule message", () => {
    expect(problemLine(markup)).toBe(
      '_site/de/index.html:12:5 wcag/h37 <img> is missing required "alt" attribute',
    );
  });
});

describe("summaryLines", () => {
  it("counts pages and problems, names the unchecked pages and fails", () => {
    const lines = summaryLines(result).join("\n");
    expect(lines).toContain(
      "2 of 3 pages checked (1 unchanged since they last passed), 4 problems on 3 pages, 3.0 s",
    );
    expect(lines).toContain("1 page(s) could not be checked: https://example.org/en/");
    expect(lines).toMatch(/FAILED/);
  });

  it("passes only an ok result", () => {
    const passed = { ...result, ok: true, pagesChecked: 3, problems: [], pages: [] };
    expect(summaryLines(passed).at(-1)).toBe("PASSED");
  });
});

describe("toPa11yCiReport", () => {
  it("lists issues per URL, an Error for a page that could not be checked, and files outside the page list", () => {
    const report = toPa11yCiReport(result);
    expect(report.results["https://example.org/"]).toEqual([]);
    expect(
      report.results["https://example.org/de/"]?.map((issue) =>
        "code" in issue ? issue.code : "",
      ),
    ).toEqual(["color-contrast", "wcag/h37"]);
    const failure = report.results["https://example.org/en/"]?.[0];
    expect(failure).toBeInstanceOf(Error);
    expect(report.results["https://example.org/draft.html"]).toHaveLength(1);
    expect(report).toMatchObject({ total: 4, passes: 1, errors: 4 });
  });
});

describe("writeReports", () => {
  it("writes the JSON report and a fresh HTML report folder", async () => {
    const dir = temporaryDir("reports");
    mkdirSync(join(dir, "html"));
    writeFileSync(join(dir, "html", "stale-page.html"), "from an earlier run");
    const written = await writeReports(result, dir, "/site");
    expect(JSON.parse(readFileSync(written.json, "utf8"))).toMatchObject({
      ok: false,
      siteDir: "/site",
    });
    expect(readFileSync(written.html, "utf8")).toContain("https://example.org/de/");
    expect(existsSync(join(dir, "html", "stale-page.html"))).toBe(false);
  });
});

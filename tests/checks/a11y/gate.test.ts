import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { a11yGate, toFinding } from "../../../src/checks/a11y/gate.ts";
import { runGateCli } from "../../../src/checks/runner.ts";
import { makeTempDirSync } from "../../support/temp.ts";
import { cleanSiteFiles, sitemap, temporaryDir, writeFiles } from "./fixtures.ts";

async function run(argv: string[]) {
  const projectRoot = makeTempDirSync("a11y-gate-project-");
  let output = "";
  const code = await runGateCli(a11yGate, argv, {
    projectRoot,
    stdout: (text) => (output += text),
    stderr: (text) => (output += text),
  });
  return {
    code,
    output,
    report: JSON.parse(
      readFileSync(join(projectRoot, "reports", "a11y", "report.json"), "utf8"),
    ) as { status: string; problem?: string },
  };
}

describe("npm run check:a11y through the shared runner", () => {
  it("could not check (exit 2) when the built site is missing, saying how to build it", async () => {
    const result = await run(["--site", "/nonexistent/_site"]);
    expect(result.code).toBe(2);
    expect(result.report.status).toBe("could-not-check");
    expect(result.report.problem).toMatch(/does not exist\. Build the site first/);
  });

  it("could not check (exit 2) when there are no pages to check", async () => {
    const dir = temporaryDir("no-pages");
    writeFiles(dir, { "sitemap.xml": sitemap([]) });
    const result = await run(["--site", dir]);
    expect(result.code).toBe(2);
    expect(result.report.problem).toMatch(/lists no pages/);
  });

  it("refuses a wrong shard or page time limit as a usage error (exit 2) without checking", async () => {
    const dir = temporaryDir("usage");
    writeFiles(dir, cleanSiteFiles());
    for (const argv of [
      ["--shard", "3/2"],
      ["--page-timeout", "0"],
      ["--concurrency", "many"],
    ]) {
      let output = "";
      const code = await runGateCli(a11yGate, ["--site", dir, ...argv], {
        stderr: (text) => (output += text),
        stdout: () => undefined,
      });
      expect([argv, code]).toEqual([argv, 2]);
      expect(output).toContain(argv[0]);
    }
  });
});

describe("toFinding", () => {
  it("names a markup problem's rule as the coverage map does and locates it in the built file", () => {
    expect(
      toFinding({
        url: "https://example.org/de/",
        runner: "html-validate",
        rule: "wcag/h37",
        selector: "_site/de/index.html:12:5",
        message: "<img> is missing required alt attribute",
        context: "main > img",
        severity: "error",
      }),
    ).toEqual({
      rule: "html-validate:wcag/h37",
      severity: "error",
      message: "<img> is missing required alt attribute [WCAG 1.1.1]",
      url: "https://example.org/de/",
      location: { file: "_site/de/index.html", line: 12, column: 5 },
      selector: "main > img",
      criteria: ["1.1.1"],
    });
  });

  it("keeps a page problem's selector, markup and screenshot, names its criteria, and marks the gate's own failures", () => {
    expect(
      toFinding({
        url: "u",
        runner: "gate",
        rule: "page-timeout",
        selector: "",
        message: "m",
        context: "",
        severity: "error",
      }),
    ).toEqual({ rule: "gate:page-timeout", severity: "error", message: "m", url: "u" });
    expect(
      toFinding(
        {
          url: "u",
          runner: "probe",
          rule: "focus-contrast",
          selector: "a",
          message: "m",
          context: "<a>",
          severity: "error",
          measured: { contrast: "1.20:1", required: "3:1" },
        },
        "screenshots/0123.png",
      ),
    ).toEqual({
      rule: "probe:focus-contrast",
      severity: "error",
      message: "m [WCAG 1.4.11]",
      url: "u",
      selector: "a",
      excerpt: "<a>",
      screenshot: "screenshots/0123.png",
      criteria: ["1.4.11"],
      measured: { contrast: "1.20:1", required: "3:1" },
    });
  });
});

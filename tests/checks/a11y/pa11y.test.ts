import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openCheckTab } from "../../../src/checks/a11y/check-page.ts";
import { launchBrowser } from "../../../src/checks/a11y/index.ts";
import {
  browserArguments,
  GATE_JS_FLAGS,
  gateBrowserArguments,
  loadPa11yDefaults,
  pa11yTabOptions,
  parsePa11yResult,
} from "../../../src/checks/a11y/pa11y.ts";
import { startSiteServer, type SiteServer } from "../../../src/checks/a11y/server.ts";
import { findBrowser } from "../../../src/checks/browser.ts";
import { projectRoot } from "../../../src/lib/project.ts";
import { sharedBrowser } from "../../support/browser.ts";
import { cleanSiteFiles, page, temporaryDir, writeFiles } from "./fixtures.ts";

const require = createRequire(import.meta.url);

describe("the project's pa11y-ci defaults", () => {
  const defaults = loadPa11yDefaults(projectRoot);

  it("test WCAG 2.1 AA with axe, keep warnings and never set a threshold", () => {
    expect(defaults).toMatchObject({
      standard: "WCAG2AA",
      runners: ["axe"],
      includeWarnings: true,
    });
    expect(defaults).not.toHaveProperty("threshold");
  });

  it("start Chromium with the switches a CI container needs, which the gate's browser uses too", () => {
    expect(browserArguments(defaults)).toEqual(
      expect.arrayContaining(["--no-sandbox", "--disable-dev-shm-usage", "--no-first-run"]),
    );
  });

  it("leave pa11y-ci's limit on renderers out of the gate's browser, and add only the compiler flags", () => {
    const shared = browserArguments(defaults);
    expect(shared).toContainEqual(expect.stringMatching(/^--renderer-process-limit=\d+$/));
    expect(gateBrowserArguments(shared)).toEqual([
      ...shared.filter((arg) => !arg.startsWith("--renderer-process-limit=")),
      GATE_JS_FLAGS,
    ]);
  });

  it("give the gate's tabs the test settings but not pa11y-ci's browser and scheduling", () => {
    const options = pa11yTabOptions(defaults);
    expect(options).toMatchObject({ standard: "WCAG2AA", runners: ["axe"], includeWarnings: true });
    expect(Object.keys(options)).not.toEqual(
      expect.arrayContaining(["chromeLaunchConfig", "concurrency", "useIncognitoBrowserContext"]),
    );
  });

  it("are refused with a threshold, which lets pages that failed to run pass", () => {
    const dir = temporaryDir("threshold");
    writeFileSync(
      join(dir, ".pa11yci.cjs"),
      "module.exports = { defaults: { standard: 'WCAG2AA', threshold: 5 } };",
    );
    expect(() => loadPa11yDefaults(dir)).toThrow(/threshold/);
  });
});

describe("parsePa11yResult", () => {
  const issue = {
    code: "image-alt",
    type: "error",
    typeCode: 1,
    message: "Images must have alternative text",
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

  it("turns pa11y's issues into problems on the page's public URL", () => {
    expect(
      parsePa11yResult({ documentTitle: "x", issues: [issue] }, "https://example.org/de/"),
    ).toEqual([
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
    ]);
  });

  it("marks what axe could not decide as needing a person", () => {
    const undecided = {
      ...issue,
      runnerExtras: { ...issue.runnerExtras, needsFurtherReview: true },
    };
    const [problem] = parsePa11yResult({ issues: [undecided] }, "https://example.org/de/");
    expect(problem?.message).toContain("axe could not decide this: a person must check it");
    expect(problem?.axe?.needsReview).toBe(true);
  });

  it("rejects a result that is not pa11y's", () => {
    expect(() => parsePa11yResult({ issues: "nope" }, "https://example.org/de/")).toThrow();
  });
});

describe("npx pa11y-ci --config .pa11yci.cjs against the served site", () => {
  let server: SiteServer;

  beforeAll(async () => {
    const dir = temporaryDir("pa11y-ci");
    writeFiles(dir, {
      ...cleanSiteFiles(),
      "de/bild/index.html": page({
        lang: "de",
        title: "Bild ohne Text",
        body: '<p><img src="/assets/chart.png" width="40" height="40"></p>',
      }),
    });
    server = await startSiteServer(dir);
  });

  afterAll(async () => {
    await server.close();
  });

  it("still works with the project's settings: passes the clean page and fails the one with a defect", async () => {
    // Asynchronously: the site is served from this process.
    const run = await new Promise<{ status: number | null; stdout: string }>((resolve) => {
      const child = execFile(
        process.execPath,
        [
          require.resolve("pa11y-ci/bin/pa11y-ci.js"),
          "--config",
          ".pa11yci.cjs",
          `${server.origin}/de/`,
          `${server.origin}/de/bild/`,
        ],
        { cwd: projectRoot, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
        (_error, stdout, stderr) => {
          resolve({ status: child.exitCode, stdout: `${stdout}${stderr}` });
        },
      );
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/1\/2 URLs passed/);
    expect(run.stdout).toContain(`${server.origin}/de/bild/`);
    expect(run.stdout).toMatch(/Images must have alternative text/);
  });
});

describe("the gate's browser, started with gateBrowserArguments", () => {
  let server: SiteServer;

  beforeAll(async () => {
    const dir = temporaryDir("renderers");
    writeFiles(dir, cleanSiteFiles());
    server = await startSiteServer(dir);
  });

  afterAll(async () => {
    await server.close();
  });

  /**
   * Opens three check tabs (each with its script watch) in `browser`, loads the same page in
   * each and keeps each page's main thread busy for 500 ms at the same time. Gives how many
   * pairs of the three busy spells overlapped: none when the tabs share one renderer, whose one
   * main thread runs them in turn.
   */
  async function overlappingSpells(browser: Browser): Promise<number> {
    const tabs = await Promise.all([0, 1, 2].map(() => openCheckTab(browser)));
    try {
      await Promise.all(tabs.map((tab) => tab.goto(`${server.origin}/de/`)));
      const spells = await Promise.all(
        tabs.map((tab) =>
          tab.evaluate(() => {
            const start = performance.timeOrigin + performance.now();
            while (performance.timeOrigin + performance.now() < start + 500);
            return [start, performance.timeOrigin + performance.now()] as const;
          }),
        ),
      );
      let overlaps = 0;
      for (const [index, [start, end]] of spells.entries()) {
        for (const [otherStart, otherEnd] of spells.slice(index + 1)) {
          if (start < otherEnd && otherStart < end) overlaps++;
        }
      }
      return overlaps;
    } finally {
      await Promise.all(tabs.map((tab) => tab.close()));
    }
  }

  it("runs each check tab in a renderer of its own, so that their pages are worked on side by side", async () => {
    // The tests' shared browser starts with the gate's switches (tests/support/browser.ts). All
    // three pairs overlap on an idle machine; a busy one may start a tab's spell late.
    expect(await overlappingSpells(await sharedBrowser())).toBeGreaterThan(0);
  });

  it("would run them in turn with a limit of one renderer, as the measure above would show", async () => {
    const limited = await launchBrowser(findBrowser(), [
      "--no-sandbox",
      "--renderer-process-limit=1",
    ]);
    try {
      expect(await overlappingSpells(limited)).toBe(0);
    } finally {
      await limited.close();
    }
  });
});

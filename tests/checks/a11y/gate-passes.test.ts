import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  checkAccessibility,
  type A11yResult,
  type CheckOptions,
} from "../../../src/checks/a11y/index.ts";
import { cleanSiteFiles, page, temporaryDir, writeFiles } from "./fixtures.ts";

const ALL_PAGES = ["/", "/de/", "/de/404.html", "/en/", "/en/404.html"];

const checkedPaths = (result: A11yResult) =>
  result.pages.filter((candidate) => !candidate.cached).map((candidate) => candidate.path);

describe("the accessibility gate on a clean bilingual site", () => {
  let options: CheckOptions;
  let first: A11yResult;

  beforeAll(async () => {
    const siteDir = temporaryDir("clean");
    writeFiles(siteDir, cleanSiteFiles());
    options = { siteDir, cacheDir: temporaryDir("clean-cache"), concurrency: 4 };
    first = await checkAccessibility(options);
  });

  it("passes, having checked the chooser, both start pages and both 404 pages", () => {
    expect(first.problems).toEqual([]);
    expect(first).toMatchObject({
      ok: true,
      fatal: null,
      pagesExpected: 5,
      pagesChecked: 5,
      pagesFromCache: 0,
    });
    expect(checkedPaths(first)).toEqual(ALL_PAGES);
  });

  it("reports per-page and per-phase timings", () => {
    expect(first.timings.totalMs).toBeGreaterThan(0);
    expect(first.timings.pa11yMs).toBeGreaterThan(0);
    expect(first.timings.browserMs).toBeGreaterThan(0);
    expect(first.timings.markupMs).toBeGreaterThan(0);
    expect(first.pages.every((result) => result.ms.total > 0)).toBe(true);
  });

  it("skips unchanged pages on the next run, re-checks a changed one, and checks all with the cache off", async () => {
    const cachedRun = await checkAccessibility(options);
    expect(cachedRun).toMatchObject({ ok: true, pagesChecked: 5, pagesFromCache: 5 });
    expect(cachedRun.timings.pa11yMs).toBe(0);

    const slices = await Promise.all(
      [1, 2].map((index) => checkAccessibility({ ...options, shard: { index, total: 2 } })),
    );
    expect(slices.map((slice) => slice.pagesExpected)).toEqual([3, 2]);
    expect(slices.flatMap((slice) => slice.pages.map((result) => result.path)).sort()).toEqual(
      ALL_PAGES,
    );

    writeFileSync(
      join(options.siteDir, "en", "index.html"),
      page({
        lang: "en",
        title: "Health economy in the regions",
        body: "<p>A changed paragraph.</p>",
      }),
    );
    const afterChange = await checkAccessibility(options);
    expect(afterChange).toMatchObject({ ok: true, pagesChecked: 5, pagesFromCache: 4 });
    expect(checkedPaths(afterChange)).toEqual(["/en/"]);

    // One shard is enough to show the cache ignored: its pages all passed before.
    const uncached = await checkAccessibility({
      ...options,
      cache: false,
      shard: { index: 2, total: 2 },
    });
    expect(uncached).toMatchObject({ ok: true, pagesChecked: 2, pagesFromCache: 0 });
  });
});

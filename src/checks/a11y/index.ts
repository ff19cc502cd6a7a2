import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { languages } from "../../lib/languages.ts";
import {
  projectFolders,
  projectPath,
  projectRoot as defaultProjectRoot,
} from "../../lib/project.ts";
import { BrowserNotFoundError, findBrowser } from "../browser.ts";
import { CouldNotCheckError } from "../gate.ts";
import { gateFingerprint, pageHash, readCache, updateCache, type PassedPages } from "./cache.ts";
import { checkPageInTab, openCheckTab, type PageCheckSetup } from "./check-page.ts";
import { mapConcurrently } from "./concurrency.ts";
import { checkOf, criterionResults, loadCoverage, type CriterionResult } from "./coverage.ts";
import { errorText } from "./errors.ts";
import { createValidator, warmUpValidator } from "./markup.ts";
import { browserArguments, loadPa11yDefaults, pa11yTabOptions } from "./pa11y.ts";
import { listSitePages } from "./pages.ts";
import { SITE_PROBES } from "./probes/index.ts";
import type { PageFacts } from "./probes/types.ts";
import { startSiteServer } from "./server.ts";
import { sliceForShard, type Shard } from "./shard.ts";
import type { PageResult, Problem, SitePage } from "./types.ts";

/**
 * Tabs at once. Each page is loaded once and checked without waiting for the network to go
 * quiet, so a tab keeps a core busy; one more than the cores covers the moments a tab waits
 * for the local server or for its turn to take a screenshot.
 */
export function defaultConcurrency(): number {
  return availableParallelism() + 1;
}

/** Default limit for one page, load and every check together. */
export const DEFAULT_PAGE_TIMEOUT_MS = 60_000;

/** How long any one call into the browser may take before the page counts as unchecked. */
const BROWSER_CALL_TIMEOUT_MS = 30_000;

/** Options of one gate run; only siteDir is required. */
export interface CheckOptions {
  /** Folder of the built site, containing sitemap.xml. */
  siteDir: string;
  /** Tabs at once (default: defaultConcurrency()). */
  concurrency?: number;
  /** Skip pages that passed before and have not changed (default true). */
  cache?: boolean;
  /** Folder of the cache file (default: .cache/a11y in the project). */
  cacheDir?: string;
  /** Check only this slice of the pages; the cross-page probes then run when the shards' reports are merged. */
  shard?: Shard | null;
  /** Longest a page may take (default DEFAULT_PAGE_TIMEOUT_MS). */
  pageTimeoutMs?: number;
  /** Browser executable (default: findBrowser()). */
  browserPath?: string;
  /** The project whose .pa11yci.cjs and .htmlvalidate.cjs apply (default: this project). */
  projectRoot?: string;
  /** Stops the run; the returned promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Receives progress messages. */
  log?: (message: string) => void;
}

/** Outcome of one run. `ok` is true only if every page was checked and none has a problem. */
export interface A11yResult {
  ok: boolean;
  /** Why the gate could not check at all (no site, no sitemap, no browser), else null. */
  fatal: string | null;
  /** Pages this run was responsible for (the shard's slice when sharded). */
  pagesExpected: number;
  /** Pages whose checks all completed, including pages passed from the cache. */
  pagesChecked: number;
  pagesFromCache: number;
  pages: PageResult[];
  /** Every problem of every page. */
  problems: Problem[];
  /** Whether the cross-page probes ran (not in a shard: the merge runs them). */
  siteProbesRun: boolean;
  /** Per WCAG 2.2 A/AA success criterion: what was checked and the result. */
  coverage: CriterionResult[];
  shard: Shard | null;
  concurrency: number;
  timings: {
    totalMs: number;
    /** Starting the browser, while html-validate warms up beside it. */
    browserStartMs: number;
    /** Time in axe through pa11y, summed over the pages checked. */
    pa11yMs: number;
    /** Time in the probes, summed over the pages checked. */
    browserMs: number;
    /** Time in html-validate, summed over the pages checked. */
    markupMs: number;
  };
}

/** Stops what a run started, in reverse order and once, whether the run ends, fails or is interrupted. */
class Teardown {
  readonly #steps: (() => Promise<unknown>)[] = [];
  #finished: Promise<void> | null = null;

  /** Registers a step; after teardown has begun, the step runs at once. */
  add(step: () => Promise<unknown>): void {
    if (this.#finished === null) this.#steps.push(step);
    else void step().catch(() => undefined);
  }

  run(): Promise<void> {
    this.#finished ??= (async () => {
      for (const step of [...this.#steps].reverse()) await step().catch(() => undefined);
    })();
    return this.#finished;
  }
}

/**
 * Starts the gate's one browser; the caller's signal handlers, not Puppeteer's, stop it. A call
 * into a page may take `callTimeoutMs` (at least BROWSER_CALL_TIMEOUT_MS).
 */
export function launchBrowser(
  executablePath: string,
  args: readonly string[],
  callTimeoutMs = BROWSER_CALL_TIMEOUT_MS,
): Promise<Browser> {
  return puppeteer.launch({
    executablePath,
    args: [...args],
    protocolTimeout: Math.max(callTimeoutMs, BROWSER_CALL_TIMEOUT_MS),
    headless: true,
    // Over a pipe the browser ends with this process, even if it is killed outright.
    pipe: true,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

/** Runs the cross-page probes over the pages' facts; returns their problems, keyed by page path. */
export function siteProblems(
  facts: readonly PageFacts[],
  urlOf: (path: string) => string,
): Map<string, Problem[]> {
  const byPath = new Map<string, Problem[]>();
  for (const probe of SITE_PROBES) {
    for (const { path, ...finding } of probe.run(facts)) {
      byPath.set(path, [
        ...(byPath.get(path) ?? []),
        { url: urlOf(path), runner: "probe", severity: "error", ...finding },
      ]);
    }
  }
  return byPath;
}

/** Pages that passed before and have not changed, from the cache. */
function cachedResult(page: SitePage, facts: PageFacts): PageResult {
  return {
    ...page,
    status: "passed",
    cached: true,
    problems: [],
    facts,
    ms: { total: 0, pa11y: 0, probes: 0, markup: 0 },
  };
}

/**
 * Checks a built site: every HTML file and every page of the sitemap is loaded once in a tab
 * of one Chromium, and axe (through pa11y, with .pa11yci.cjs), the gate's probes and
 * html-validate (.htmlvalidate.cjs) check it there; then the cross-page probes compare the
 * pages of each language. Resolves with per-page results, the coverage of WCAG 2.2 A/AA and
 * timings. Rejects with the signal's reason when aborted, after stopping the server and browser.
 */
export async function checkAccessibility(options: CheckOptions): Promise<A11yResult> {
  const startedAt = performance.now();
  const root = options.projectRoot ?? defaultProjectRoot;
  const concurrency = options.concurrency ?? defaultConcurrency();
  const shard = options.shard ?? null;
  const siteDir = resolve(options.siteDir);
  const log = options.log ?? (() => undefined);
  const coverage = loadCoverage();
  const result = (fields: Partial<A11yResult>): A11yResult => ({
    ok: false,
    fatal: null,
    pagesExpected: 0,
    pagesChecked: 0,
    pagesFromCache: 0,
    pages: [],
    problems: [],
    siteProbesRun: false,
    coverage: criterionResults(coverage, []),
    shard,
    concurrency,
    timings: {
      totalMs: performance.now() - startedAt,
      browserStartMs: 0,
      pa11yMs: 0,
      browserMs: 0,
      markupMs: 0,
    },
    ...fields,
  });

  let browserPath: string;
  let allPages;
  try {
    allPages = listSitePages(siteDir);
    browserPath = options.browserPath ?? findBrowser();
  } catch (error) {
    if (error instanceof CouldNotCheckError || error instanceof BrowserNotFoundError) {
      return result({ fatal: error.message });
    }
    throw error;
  }
  const pages = shard ? sliceForShard(allPages, shard, (page) => page.path) : allPages;
  if (pages.length === 0) {
    return result({
      fatal: `Shard ${shard?.index ?? 0}/${shard?.total ?? 0} has no pages: the site has only ${allPages.length}. Use fewer shards.`,
    });
  }

  const pa11ySettings = loadPa11yDefaults(root);
  const fingerprint = gateFingerprint(root);
  const cacheFile = join(
    options.cacheDir ?? join(projectPath(projectFolders.cache, root), "a11y"),
    "results.json",
  );
  const useCache = options.cache ?? true;
  const passedBefore: PassedPages = useCache ? readCache(cacheFile, fingerprint) : {};
  const hashes = new Map(pages.map((page) => [page.path, pageHash(siteDir, page, fingerprint)]));
  const cachedFacts = (path: string): PageFacts | undefined => {
    const entry = passedBefore[path];
    return entry !== undefined && entry.hash === hashes.get(path) ? entry.facts : undefined;
  };
  const toCheck = pages.filter((page) => cachedFacts(page.path) === undefined);
  log(
    `Checking ${pages.length} pages${shard ? ` (shard ${shard.index}/${shard.total} of ${allPages.length})` : ""}: ` +
      `${toCheck.length} to check, ${pages.length - toCheck.length} unchanged since they last passed; ${concurrency} tabs.`,
  );

  const pageTimeoutMs = options.pageTimeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS;
  const signal = options.signal ?? new AbortController().signal;
  const teardown = new Teardown();
  const stop = () => void teardown.run();
  signal.addEventListener("abort", stop, { once: true });
  let checked: PageResult[] = [];
  let browserStartMs = 0;
  try {
    signal.throwIfAborted();
    if (toCheck.length > 0) {
      const server = await startSiteServer(siteDir);
      teardown.add(() => server.close());
      const validator = createValidator(root);
      const launchStarted = performance.now();
      let browser: Browser;
      try {
        [browser] = await Promise.all([
          // A slow call ends as the page's timeout, which names its limit, not as the browser's.
          launchBrowser(browserPath, browserArguments(pa11ySettings), pageTimeoutMs + 5000),
          warmUpValidator(validator),
        ]);
      } catch (error) {
        return result({
          fatal: `The browser at ${browserPath} could not be started: ${errorText(error)}`,
          pagesExpected: pages.length,
        });
      }
      teardown.add(() => browser.close());
      browserStartMs = performance.now() - launchStarted;
      const setup: PageCheckSetup = {
        browser,
        pa11yOptions: pa11yTabOptions(pa11ySettings),
        validator,
        origin: server.origin,
        languages,
        pageTimeoutMs,
      };
      checked = await checkPages(browser, toCheck, setup, concurrency, signal);
    }
    signal.throwIfAborted();
  } finally {
    signal.removeEventListener("abort", stop);
    await teardown.run();
  }

  const checkedByPath = new Map(checked.map((page) => [page.path, page]));
  let pageResults = pages.map((page) => {
    const fresh = checkedByPath.get(page.path);
    if (fresh !== undefined) return fresh;
    const facts = cachedFacts(page.path);
    if (facts === undefined) throw new Error(`no result for ${page.path}`);
    return cachedResult(page, facts);
  });
  // The cross-page probes need every page; a shard has only its slice, so the merge runs them.
  const siteProbesRun = shard === null;
  if (siteProbesRun) {
    const facts = pageResults.flatMap((page) => (page.facts === null ? [] : [page.facts]));
    const extra = siteProblems(
      facts,
      (path) => pages.find((page) => page.path === path)?.url ?? path,
    );
    pageResults = pageResults.map((page) => {
      const found = extra.get(page.path) ?? [];
      if (found.length === 0) return page;
      return {
        ...page,
        cached: false,
        problems: [...page.problems, ...found],
        status: page.status === "error" ? "error" : "failed",
      };
    });
  }
  if (useCache) {
    const passed: PassedPages = {};
    for (const page of pageResults) {
      const hash = hashes.get(page.path);
      if (
        page.status === "passed" &&
        !page.cached &&
        page.facts !== null &&
        typeof hash === "string"
      ) {
        passed[page.path] = { hash, facts: page.facts };
      }
    }
    const notPassed = pageResults
      .filter((page) => page.status !== "passed")
      .map((page) => page.path);
    updateCache(cacheFile, fingerprint, passed, notPassed);
  }
  const problems = pageResults.flatMap((page) => page.problems);
  const pagesChecked = pageResults.filter((page) => page.status !== "error").length;
  return result({
    ok: problems.length === 0 && pagesChecked === pages.length,
    pagesExpected: pages.length,
    pagesChecked,
    pagesFromCache: pageResults.filter((page) => page.cached).length,
    pages: pageResults,
    problems,
    siteProbesRun,
    coverage: criterionResults(
      coverage,
      problems.flatMap((problem) => checkOf(problem) ?? []),
    ),
    timings: {
      totalMs: performance.now() - startedAt,
      browserStartMs,
      pa11yMs: checked.reduce((sum, page) => sum + page.ms.pa11y, 0),
      browserMs: checked.reduce((sum, page) => sum + page.ms.probes, 0),
      markupMs: checked.reduce((sum, page) => sum + page.ms.markup, 0),
    },
  });
}

/**
 * Checks pages in `concurrency` tabs of the browser. Tabs are reused from page to page
 * (opening one costs more than loading a small page); a tab whose page failed or timed out is
 * closed and replaced.
 */
async function checkPages(
  browser: Browser,
  pages: readonly SitePage[],
  setup: PageCheckSetup,
  concurrency: number,
  signal: AbortSignal,
): Promise<PageResult[]> {
  const idleTabs: Page[] = [];
  const results = await mapConcurrently(pages, concurrency, async (page): Promise<PageResult> => {
    signal.throwIfAborted();
    let tab: Page;
    try {
      tab = idleTabs.pop() ?? (await openCheckTab(browser));
    } catch (error) {
      return {
        ...page,
        status: "error",
        cached: false,
        facts: null,
        ms: { total: 0, pa11y: 0, probes: 0, markup: 0 },
        problems: [
          {
            url: page.url,
            runner: "gate",
            rule: "page-load",
            selector: "",
            context: "",
            severity: "error",
            message: `The browser could not open a tab: ${errorText(error)}`,
          },
        ],
      };
    }
    const { result, reusable } = await checkPageInTab(tab, page, setup);
    if (reusable) idleTabs.push(tab);
    else void tab.close().catch(() => undefined);
    return result;
  });
  await Promise.all(idleTabs.map((tab) => tab.close().catch(() => undefined)));
  return results;
}

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
import type { WcagCoverage } from "../../lib/data/wcag-coverage.ts";
import { errorText } from "./errors.ts";
import { createValidator, warmUpValidator } from "./markup.ts";
import {
  browserArguments,
  gateBrowserArguments,
  loadPa11yDefaults,
  pa11yTabOptions,
} from "./pa11y.ts";
import { listSitePages } from "./pages.ts";
import { SITE_PROBES } from "./probes/index.ts";
import { languageDetector } from "./probes/language-id.ts";
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
  /** What no check could decide, on every page: a person must look (never a failure or a pass). */
  undecided: Problem[];
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

/** A run's settings, resolved from its options. */
interface Run {
  startedAt: number;
  root: string;
  concurrency: number;
  shard: Shard | null;
  siteDir: string;
  log: (message: string) => void;
  signal: AbortSignal;
  coverage: WcagCoverage;
  useCache: boolean;
  cacheFile: string;
  pageTimeoutMs: number;
}

function resolveRun(options: CheckOptions): Run {
  const root = options.projectRoot ?? defaultProjectRoot;
  return {
    startedAt: performance.now(),
    root,
    concurrency: options.concurrency ?? defaultConcurrency(),
    shard: options.shard ?? null,
    siteDir: resolve(options.siteDir),
    log: options.log ?? (() => undefined),
    signal: options.signal ?? new AbortController().signal,
    coverage: loadCoverage(),
    useCache: options.cache ?? true,
    cacheFile: join(
      options.cacheDir ?? join(projectPath(projectFolders.cache, root), "a11y"),
      "results.json",
    ),
    pageTimeoutMs: options.pageTimeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS,
  };
}

/** A result with nothing checked, or with what `fields` says. */
function resultOf(run: Run, fields: Partial<A11yResult>): A11yResult {
  return {
    ok: false,
    fatal: null,
    pagesExpected: 0,
    pagesChecked: 0,
    pagesFromCache: 0,
    pages: [],
    problems: [],
    undecided: [],
    siteProbesRun: false,
    coverage: criterionResults(run.coverage, [], []),
    shard: run.shard,
    concurrency: run.concurrency,
    timings: {
      totalMs: performance.now() - run.startedAt,
      browserStartMs: 0,
      pa11yMs: 0,
      browserMs: 0,
      markupMs: 0,
    },
    ...fields,
  };
}

/** What a run checks: its pages, the browser, and which pages the cache already passed. */
interface Plan {
  pages: SitePage[];
  siteSize: number;
  browserPath: string;
  fingerprint: string;
  hashes: Map<string, string | null>;
  passedBefore: PassedPages;
  toCheck: SitePage[];
}

/** The page's entry in the cache, if it passed before and has not changed. */
function cachedEntry(plan: Plan, path: string): PassedPages[string] | undefined {
  const entry = plan.passedBefore[path];
  return entry !== undefined && entry.hash === plan.hashes.get(path) ? entry : undefined;
}

/** Lists the pages (of the shard), finds the browser and looks the pages up in the cache. */
function planRun(run: Run, browserPath: string | undefined): Plan | { fatal: string } {
  let allPages: SitePage[];
  let browser: string;
  try {
    allPages = listSitePages(run.siteDir);
    browser = browserPath ?? findBrowser();
  } catch (error) {
    if (error instanceof CouldNotCheckError || error instanceof BrowserNotFoundError) {
      return { fatal: error.message };
    }
    throw error;
  }
  const { shard } = run;
  const pages = shard ? sliceForShard(allPages, shard, (page) => page.path) : allPages;
  if (pages.length === 0) {
    return {
      fatal: `Shard ${shard?.index ?? 0}/${shard?.total ?? 0} has no pages: the site has only ${allPages.length}. Use fewer shards.`,
    };
  }
  const fingerprint = gateFingerprint(run.root);
  const plan: Plan = {
    pages,
    siteSize: allPages.length,
    browserPath: browser,
    fingerprint,
    hashes: new Map(pages.map((page) => [page.path, pageHash(run.siteDir, page, fingerprint)])),
    passedBefore: run.useCache ? readCache(run.cacheFile, fingerprint) : {},
    toCheck: [],
  };
  plan.toCheck = pages.filter((page) => cachedEntry(plan, page.path) === undefined);
  return plan;
}

/** Pages checked in the browser, and how long the browser took to start. */
interface BrowserRun {
  checked: PageResult[];
  browserStartMs: number;
}

/**
 * Serves the site, starts the browser (html-validate warms up meanwhile) and checks the pages
 * the cache did not pass; stops both however the run ends.
 */
async function checkInBrowser(run: Run, plan: Plan): Promise<BrowserRun | { fatal: string }> {
  const teardown = new Teardown();
  const stop = () => void teardown.run();
  run.signal.addEventListener("abort", stop, { once: true });
  try {
    run.signal.throwIfAborted();
    if (plan.toCheck.length === 0) return { checked: [], browserStartMs: 0 };
    const server = await startSiteServer(run.siteDir);
    teardown.add(() => server.close());
    const pa11ySettings = loadPa11yDefaults(run.root);
    const validator = createValidator(run.root);
    const launchStarted = performance.now();
    // The language detector loads meanwhile and while the first pages run axe; the language
    // probe waits for it.
    languageDetector().catch(() => undefined);
    let browser: Browser;
    try {
      [browser] = await Promise.all([
        // A slow call ends as the page's timeout, which names its limit, not as the browser's.
        launchBrowser(
          plan.browserPath,
          gateBrowserArguments(browserArguments(pa11ySettings)),
          run.pageTimeoutMs + 5000,
        ),
        warmUpValidator(validator),
      ]);
    } catch (error) {
      return {
        fatal: `The browser at ${plan.browserPath} could not be started: ${errorText(error)}`,
      };
    }
    teardown.add(() => browser.close());
    const browserStartMs = performance.now() - launchStarted;
    const setup: PageCheckSetup = {
      browser,
      pa11yOptions: pa11yTabOptions(pa11ySettings),
      validator,
      origin: server.origin,
      languages,
      pageTimeoutMs: run.pageTimeoutMs,
      memo: new Map(),
    };
    const checked = await checkPages(browser, plan.toCheck, setup, run.concurrency, run.signal);
    run.signal.throwIfAborted();
    return { checked, browserStartMs };
  } finally {
    run.signal.removeEventListener("abort", stop);
    await teardown.run();
  }
}

/** Every page's result: checked now, or passed before and unchanged. */
function allResults(plan: Plan, checked: readonly PageResult[]): PageResult[] {
  const checkedByPath = new Map(checked.map((page) => [page.path, page]));
  return plan.pages.map((page): PageResult => {
    const fresh = checkedByPath.get(page.path);
    if (fresh !== undefined) return fresh;
    const entry = cachedEntry(plan, page.path);
    if (entry === undefined) throw new Error(`no result for ${page.path}`);
    return {
      ...page,
      status: "passed",
      cached: true,
      problems: [],
      undecided: entry.undecided,
      facts: entry.facts,
      ms: { total: 0, pa11y: 0, probes: 0, markup: 0 },
    };
  });
}

/** Adds what the cross-page probes find to the pages they find it on. */
function withSiteProblems(pages: readonly PageResult[]): PageResult[] {
  const facts = pages.flatMap((page) => (page.facts === null ? [] : [page.facts]));
  const extra = siteProblems(
    facts,
    (path) => pages.find((page) => page.path === path)?.url ?? path,
  );
  return pages.map((page) => {
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

/** Records the pages that passed now in the cache, and forgets those that did not. */
function recordCache(run: Run, plan: Plan, pages: readonly PageResult[]): void {
  const passed: PassedPages = {};
  for (const page of pages) {
    const hash = plan.hashes.get(page.path);
    if (
      page.status === "passed" &&
      !page.cached &&
      page.facts !== null &&
      typeof hash === "string"
    ) {
      passed[page.path] = { hash, facts: page.facts, undecided: page.undecided };
    }
  }
  const notPassed = pages.filter((page) => page.status !== "passed").map((page) => page.path);
  updateCache(run.cacheFile, plan.fingerprint, passed, notPassed);
}

/** The run's result from its pages' results. */
function summarise(run: Run, plan: Plan, pages: PageResult[], browser: BrowserRun): A11yResult {
  const problems = pages.flatMap((page) => page.problems);
  const undecided = pages.flatMap((page) => page.undecided);
  const pagesChecked = pages.filter((page) => page.status !== "error").length;
  const sum = (phase: "pa11y" | "probes" | "markup") =>
    browser.checked.reduce((total, page) => total + page.ms[phase], 0);
  return resultOf(run, {
    ok: problems.length === 0 && pagesChecked === plan.pages.length,
    pagesExpected: plan.pages.length,
    pagesChecked,
    pagesFromCache: pages.filter((page) => page.cached).length,
    pages,
    problems,
    undecided,
    siteProbesRun: run.shard === null,
    coverage: criterionResults(
      run.coverage,
      problems.flatMap((problem) => checkOf(problem) ?? []),
      undecided.flatMap((problem) => checkOf(problem) ?? []),
    ),
    timings: {
      totalMs: performance.now() - run.startedAt,
      browserStartMs: browser.browserStartMs,
      pa11yMs: sum("pa11y"),
      browserMs: sum("probes"),
      markupMs: sum("markup"),
    },
  });
}

/**
 * Checks a built site: every HTML file and every page of the sitemap is loaded once in a tab
 * of one Chromium, and axe (through pa11y, with .pa11yci.cjs), the gate's probes and
 * html-validate (.htmlvalidate.cjs) check it there; then the cross-page probes compare the
 * pages of each language (not in a shard: the merge runs them over all shards' pages).
 * Resolves with per-page results, the coverage of WCAG 2.2 A/AA and timings. Rejects with the
 * signal's reason when aborted, after stopping the server and browser.
 */
export async function checkAccessibility(options: CheckOptions): Promise<A11yResult> {
  const run = resolveRun(options);
  const plan = planRun(run, options.browserPath);
  if ("fatal" in plan) return resultOf(run, { fatal: plan.fatal });
  const { shard } = run;
  run.log(
    `Checking ${plan.pages.length} pages${shard ? ` (shard ${shard.index}/${shard.total} of ${plan.siteSize})` : ""}: ` +
      `${plan.toCheck.length} to check, ${plan.pages.length - plan.toCheck.length} unchanged since they last passed; ${run.concurrency} tabs.`,
  );
  const browser = await checkInBrowser(run, plan);
  if ("fatal" in browser) {
    return resultOf(run, { fatal: browser.fatal, pagesExpected: plan.pages.length });
  }
  let pages = allResults(plan, browser.checked);
  if (shard === null) pages = withSiteProblems(pages);
  if (run.useCache) recordCache(run, plan, pages);
  return summarise(run, plan, pages, browser);
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
        undecided: [],
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

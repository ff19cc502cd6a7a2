import { mkdtempSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join, relative, resolve, sep } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { globSync } from "tinyglobby";
import { z } from "zod";
import { BrowserNotFoundError, findBrowser } from "../browser.ts";
import { checkPagesInBrowser, launchBrowser, type BrowserPageResult } from "./browser-checks.ts";
import { gateFingerprint, pageHash, readCache, updateCache } from "./cache.ts";
import { errorText, SiteError, UsageError } from "./errors.ts";
import { markupProblem, validateFiles } from "./markup.ts";
import {
  buildPa11yConfig,
  loadPa11yDefaults,
  parsePa11yReport,
  runPa11yCi,
  type Pa11yOutcome,
} from "./pa11y.ts";
import { listSitePages } from "./pages.ts";
import { startSiteServer } from "./server.ts";
import { sliceForShard, type Shard } from "./shard.ts";
import type { GateResult, PageResult, Problem, SitePage } from "./types.ts";

/** The project's root folder (where package.json and the gate's configuration files live). */
export const PROJECT_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** Languages with their own folder on the site; other pages (the chooser) may use any of them. */
export const SITE_LANGUAGES = ["de", "en"] as const;

/**
 * Pages in flight at once. pa11y waits about a second per page for the network to go quiet,
 * during which the CPU is idle, so several pages per core keep it busy.
 */
export function defaultConcurrency(): number {
  return 4 * availableParallelism();
}

/** Options of one gate run; only siteDir is required. */
export interface CheckOptions {
  /** Folder of the built site, containing sitemap.xml. */
  siteDir: string;
  /** Pages in flight at once in pa11y-ci (default: defaultConcurrency()); the browser checks use at most one per core. */
  concurrency?: number;
  /** Skip pages that passed before and have not changed (default true). */
  cache?: boolean;
  /** Folder of the cache file (default: .cache/a11y in the project). */
  cacheDir?: string;
  /** Check only this slice of the pages. */
  shard?: Shard | null;
  /** Browser executable (default: findBrowser()). */
  browserPath?: string;
  /** Stops the run; the returned promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Receives progress messages. */
  log?: (message: string) => void;
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

function gateProblem(page: SitePage, rule: string, message: string): Problem {
  return {
    url: page.url,
    runner: "gate",
    rule,
    selector: "",
    message,
    context: "",
    severity: "error",
  };
}

/** Built HTML files that serve no listed page (e.g. pages left out of the sitemap); they get markup checks only. */
function unlistedHtmlFiles(siteDir: string, pages: readonly SitePage[]): string[] {
  const listed = new Set(pages.map((page) => page.file));
  return globSync("**/*.html", { cwd: siteDir, absolute: true })
    .map((file) => resolve(file))
    .filter((file) => !listed.has(file))
    .sort();
}

interface Phase<T> {
  results: Map<string, T>;
  fatal: string | null;
  ms: number;
}

async function runPa11yPhase(
  pages: readonly SitePage[],
  localUrl: (page: SitePage) => string,
  run: { concurrency: number; browserPath: string; workDir: string; signal: AbortSignal },
): Promise<Phase<Pa11yOutcome>> {
  const started = performance.now();
  const configFile = join(run.workDir, "pa11yci.json");
  const reportFile = join(run.workDir, "pa11y-report.json");
  const config = buildPa11yConfig(loadPa11yDefaults(PROJECT_ROOT), {
    urls: pages.map(localUrl),
    concurrency: run.concurrency,
    executablePath: run.browserPath,
    reportFile,
  });
  writeFileSync(configFile, JSON.stringify(config));
  const result = await runPa11yCi(configFile, reportFile, {
    cwd: PROJECT_ROOT,
    signal: run.signal,
  });
  const ms = performance.now() - started;
  if (result.report === null) {
    const fatal = `pa11y-ci stopped without a report (exit status ${result.exitCode ?? "none"}):\n${result.output}`;
    return { results: new Map(), fatal, ms };
  }
  const pagesByLocalUrl = new Map(pages.map((page) => [new URL(localUrl(page)).href, page]));
  try {
    return { results: parsePa11yReport(result.report, pagesByLocalUrl), fatal: null, ms };
  } catch (error) {
    return {
      results: new Map(),
      fatal: `pa11y-ci's report could not be read: ${errorText(error)}`,
      ms,
    };
  }
}

async function runBrowserPhase(
  pages: readonly SitePage[],
  localUrl: (page: SitePage) => string,
  run: { concurrency: number; browserPath: string; teardown: Teardown },
): Promise<Phase<BrowserPageResult>> {
  const started = performance.now();
  // The same Chromium switches as pa11y-ci's browser, from .pa11yci.cjs.
  const { args } = z
    .object({ args: z.array(z.string()).default([]) })
    .parse(loadPa11yDefaults(PROJECT_ROOT).chromeLaunchConfig ?? {});
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  try {
    browser = await launchBrowser(run.browserPath, args);
  } catch (error) {
    const fatal = `The browser at ${run.browserPath} could not be started: ${errorText(error)}`;
    return { results: new Map(), fatal, ms: performance.now() - started };
  }
  run.teardown.add(() => browser.close());
  const results = await checkPagesInBrowser(browser, pages, localUrl, {
    concurrency: run.concurrency,
    languages: SITE_LANGUAGES,
  });
  return { results, fatal: null, ms: performance.now() - started };
}

interface MarkupPhase extends Phase<Problem[]> {
  /** Problems in built files that serve no listed page. */
  unlisted: Problem[];
}

async function runMarkupPhase(
  pages: readonly SitePage[],
  extraFiles: readonly string[],
  run: { siteDir: string; signal: AbortSignal },
): Promise<MarkupPhase> {
  const started = performance.now();
  const pageByFile = new Map(
    pages.flatMap((page) => (page.file === null ? [] : [[page.file, page] as const])),
  );
  const origin = new URL(pages[0]?.url ?? "http://localhost").origin;
  const results = new Map<string, Problem[]>();
  const unlisted: Problem[] = [];
  try {
    const messages = await validateFiles([...pageByFile.keys(), ...extraFiles], {
      projectRoot: PROJECT_ROOT,
      signal: run.signal,
    });
    for (const message of messages) {
      const page = pageByFile.get(message.file);
      if (page === undefined) {
        const path = relative(run.siteDir, message.file).split(sep).join("/");
        unlisted.push(markupProblem(message, `${origin}/${path}`));
      } else {
        results.set(page.path, [
          ...(results.get(page.path) ?? []),
          markupProblem(message, page.url),
        ]);
      }
    }
    return { results, unlisted, fatal: null, ms: performance.now() - started };
  } catch (error) {
    return { results, unlisted, fatal: errorText(error), ms: performance.now() - started };
  }
}

/** Combines the three checks' findings for one page that was not taken from the cache. */
function pageResult(
  page: SitePage,
  pa11y: Pa11yOutcome | undefined,
  inBrowser: BrowserPageResult | undefined,
  markupProblems: Problem[] | undefined,
): PageResult {
  const problems: Problem[] = [];
  let completed = true;
  if (pa11y === undefined) {
    completed = false;
    problems.push(gateProblem(page, "pa11y-missing", "pa11y-ci returned no result for this page."));
  } else if (pa11y.kind === "error") {
    completed = false;
    problems.push(
      gateProblem(page, "page-load", `pa11y could not test the page: ${pa11y.message}`),
    );
  } else {
    problems.push(...pa11y.problems);
  }
  if (inBrowser === undefined) {
    completed = false;
    problems.push(
      gateProblem(page, "browser-missing", "The browser checks did not run on this page."),
    );
  } else {
    completed &&= inBrowser.completed;
    problems.push(...inBrowser.problems);
  }
  problems.push(...(markupProblems ?? []));
  return {
    ...page,
    status: completed ? (problems.length === 0 ? "passed" : "failed") : "error",
    cached: false,
    problems,
    timings: { browserMs: inBrowser?.ms ?? 0 },
  };
}

function cachedResult(page: SitePage): PageResult {
  return { ...page, status: "passed", cached: true, problems: [], timings: { browserMs: 0 } };
}

/**
 * Checks a built site for WCAG 2.1 AA problems: pa11y-ci (axe) on every page of the sitemap
 * plus the language chooser and both 404 pages, the gate's own keyboard, focus, language and
 * reflow checks in a real browser, and html-validate on every built HTML file.
 * Resolves with per-page results and timings; `ok` is true only if every expected page was
 * checked and no problem was found. Rejects with UsageError on invalid options, and with the
 * signal's reason when aborted (after stopping the server and browsers).
 */
export async function checkAccessibility(options: CheckOptions): Promise<GateResult> {
  const startedAt = performance.now();
  const concurrency = options.concurrency ?? defaultConcurrency();
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new UsageError(`Concurrency must be a whole number of at least 1; got ${concurrency}.`);
  }
  const shard = options.shard ?? null;
  const siteDir = resolve(options.siteDir);
  const log = options.log ?? (() => undefined);
  const result = (fields: Partial<GateResult> & Pick<GateResult, "fatal">): GateResult => ({
    ok: false,
    pagesExpected: 0,
    pagesChecked: 0,
    pagesFromCache: 0,
    pages: [],
    problems: [],
    shard,
    concurrency,
    timings: { totalMs: performance.now() - startedAt, pa11yMs: 0, browserMs: 0, markupMs: 0 },
    ...fields,
  });

  let sitePages: SitePage[];
  try {
    sitePages = listSitePages(siteDir);
  } catch (error) {
    if (error instanceof SiteError) return result({ fatal: error.message });
    throw error;
  }
  const pages = shard ? sliceForShard(sitePages, shard, (page) => page.path) : sitePages;
  if (pages.length === 0) {
    const fatal = `Shard ${shard?.index ?? 0}/${shard?.total ?? 0} has no pages: the site has only ${sitePages.length}. Use fewer shards.`;
    return result({ fatal });
  }
  let browserPath: string;
  try {
    browserPath = options.browserPath ?? findBrowser();
  } catch (error) {
    if (error instanceof BrowserNotFoundError)
      return result({ fatal: error.message, pagesExpected: pages.length });
    throw error;
  }

  const fingerprint = gateFingerprint(PROJECT_ROOT, browserPath);
  const cacheFile = join(options.cacheDir ?? join(PROJECT_ROOT, ".cache", "a11y"), "results.json");
  const passedBefore = (options.cache ?? true) ? readCache(cacheFile, fingerprint) : {};
  const hashes = new Map(pages.map((page) => [page.path, pageHash(siteDir, page, fingerprint)]));
  const isCached = (page: SitePage) => {
    const hash = hashes.get(page.path);
    return typeof hash === "string" && passedBefore[page.path] === hash;
  };
  const toCheck = pages.filter((page) => !isCached(page));
  const unlisted = unlistedHtmlFiles(siteDir, sitePages);
  const extraFiles = shard ? sliceForShard(unlisted, shard, (file) => file) : unlisted;
  log(
    `Checking ${pages.length} pages${shard ? ` (shard ${shard.index}/${shard.total} of ${sitePages.length})` : ""}: ` +
      `${toCheck.length} to check, ${pages.length - toCheck.length} unchanged since they last passed.`,
  );

  const signal = options.signal ?? new AbortController().signal;
  const teardown = new Teardown();
  const stop = () => void teardown.run();
  signal.addEventListener("abort", stop, { once: true });
  let pa11y: Phase<Pa11yOutcome> = { results: new Map(), fatal: null, ms: 0 };
  let browser: Phase<BrowserPageResult> = { results: new Map(), fatal: null, ms: 0 };
  let markup: MarkupPhase;
  try {
    signal.throwIfAborted();
    const markupRun = runMarkupPhase(toCheck, extraFiles, { siteDir, signal });
    if (toCheck.length > 0) {
      const server = await startSiteServer(siteDir);
      teardown.add(() => server.close());
      const workDir = mkdtempSync(join(tmpdir(), "a11y-gate-"));
      teardown.add(() => rm(workDir, { recursive: true, force: true }));
      const localUrl = (page: SitePage) => server.origin + page.path;
      const stopPa11y = new AbortController();
      const pa11yRun = runPa11yPhase(toCheck, localUrl, {
        concurrency,
        browserPath,
        workDir,
        signal: stopPa11y.signal,
      });
      // pa11y-ci writes its report into workDir: it must have exited before workDir is removed.
      teardown.add(() => {
        stopPa11y.abort();
        return pa11yRun;
      });
      const browserRun = runBrowserPhase(toCheck, localUrl, {
        concurrency: Math.min(concurrency, availableParallelism()),
        browserPath,
        teardown,
      });
      [pa11y, browser, markup] = await Promise.all([pa11yRun, browserRun, markupRun]);
    } else {
      markup = await markupRun;
    }
    signal.throwIfAborted();
  } finally {
    signal.removeEventListener("abort", stop);
    await teardown.run();
  }

  const pageResults = pages.map((page) =>
    isCached(page)
      ? cachedResult(page)
      : pageResult(
          page,
          pa11y.results.get(page.path),
          browser.results.get(page.path),
          markup.results.get(page.path),
        ),
  );
  if (options.cache ?? true) {
    const passed = Object.fromEntries(
      pageResults
        .filter((page) => page.status === "passed" && !page.cached)
        .flatMap((page) => {
          const hash = hashes.get(page.path);
          return typeof hash === "string" ? [[page.path, hash] as const] : [];
        }),
    );
    const notPassed = pageResults
      .filter((page) => page.status !== "passed")
      .map((page) => page.path);
    updateCache(cacheFile, fingerprint, passed, notPassed);
  }
  const problems = [...pageResults.flatMap((page) => page.problems), ...markup.unlisted];
  const pagesChecked = pageResults.filter((page) => page.status !== "error").length;
  const fatal =
    [pa11y.fatal, browser.fatal, markup.fatal].filter((message) => message !== null).join("\n") ||
    null;
  return result({
    ok: fatal === null && problems.length === 0 && pagesChecked === pages.length,
    fatal,
    pagesExpected: pages.length,
    pagesChecked,
    pagesFromCache: pageResults.filter((page) => page.cached).length,
    pages: pageResults,
    problems,
    timings: {
      totalMs: performance.now() - startedAt,
      pa11yMs: pa11y.ms,
      browserMs: browser.ms,
      markupMs: markup.ms,
    },
  });
}

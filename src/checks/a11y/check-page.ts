import { relative } from "node:path";
import { performance } from "node:perf_hooks";
import type { HtmlValidate } from "html-validate";
import { ProtocolError, TimeoutError, type Browser, type Page } from "puppeteer-core";
import { errorText } from "./errors.ts";
import { installPageHelpers, prepareTab } from "./in-page.ts";
import { validateMarkup } from "./markup.ts";
import { runPa11yInTab, type Pa11yDefaults } from "./pa11y.ts";
import { expectedLanguages } from "./pages.ts";
import { reviewAxeContrast } from "./probes/contrast.ts";
import { HTTP_STATUS_RULE, PAGE_PROBES } from "./probes/index.ts";
import { emulateBaseMedia } from "./probes/page-state.ts";
import {
  openScriptWatch,
  scriptWaitingInMarkup,
  type ScriptWatch,
} from "./probes/script-execution.ts";
import { gatherFacts } from "./probes/site.ts";
import { servedDocumentOf, type ServedDocument } from "./probes/served-document.ts";
import type { ProbeFinding } from "./probes/types.ts";
import type { PageResult, PageTimings, Problem, SitePage } from "./types.ts";

// pa11y's own viewport, which it sets before running axe: the page is laid out once at this size.
const DESKTOP_VIEWPORT = { width: 1280, height: 1024 };

/** What every page's check shares: the browser, the tools' settings, the site. */
export interface PageCheckSetup {
  browser: Browser;
  pa11yOptions: Pa11yDefaults;
  validator: HtmlValidate;
  /** Local address the site is served at, e.g. http://127.0.0.1:41234. */
  origin: string;
  languages: readonly string[];
  /** Longest a page may take, load and every check together. */
  pageTimeoutMs: number;
  /** Results shared by the pages of the run (see `ProbeContext.memo`). */
  memo: Map<string, unknown>;
}

// Each check tab's watch for the scripts its pages run, in a tab of its own (see `openScriptWatch`).
const scriptWatches = new WeakMap<Page, ScriptWatch>();

/** Opens a tab for the gate's checks, with its script watch, which closes with it. */
export async function openCheckTab(browser: Browser): Promise<Page> {
  // The watch first: a new tab comes to the front, and Chromium draws only the tab in front (and
  // check tabs, which emulate a focused window), so the watch's pages are never drawn.
  const watch = await openScriptWatch(browser);
  const tab = await browser.newPage();
  scriptWatches.set(tab, watch);
  tab.once("close", () => void watch.close().catch(() => undefined));
  await prepareTab(tab);
  // Headless tabs are not focused windows; without this, focus rings may not be drawn.
  await tab.emulateFocusedPage(true);
  // The site's content security policy forbids added styles and scripts, which axe and the
  // probes need; the csp-meta probe checks the policy is there.
  await tab.setBypassCSP(true);
  await emulateBaseMedia(tab);
  return tab;
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

function probeProblem(page: SitePage, finding: ProbeFinding): Problem {
  return { url: page.url, runner: "probe", severity: "error", ...finding };
}

/**
 * Loads a page once in the tab and runs every check on it: the HTTP status, axe through pa11y,
 * each probe, and html-validate on the HTML the server sent. Resolves with the page's result;
 * a page that could not be loaded or checked has status "error" and says why.
 */
async function checkLoadedPage(
  tab: Page,
  page: SitePage,
  setup: PageCheckSetup,
): Promise<PageResult> {
  const started = performance.now();
  const problems: Problem[] = [];
  const undecided: Problem[] = [];
  const ms: PageTimings = { total: 0, pa11y: 0, probes: 0, markup: 0 };
  const timed = async <T>(phase: Exclude<keyof PageTimings, "total">, work: () => Promise<T>) => {
    const phaseStarted = performance.now();
    try {
      return await work();
    } finally {
      ms[phase] += performance.now() - phaseStarted;
    }
  };
  const result = (status: PageResult["status"], facts: PageResult["facts"]): PageResult => ({
    ...page,
    status,
    cached: false,
    problems,
    undecided,
    facts,
    ms: { ...ms, total: performance.now() - started },
  });
  await tab.setViewport(DESKTOP_VIEWPORT);
  const watch = scriptWatches.get(tab);
  if (watch === undefined) throw new Error("The tab was not opened with openCheckTab.");
  // The page's own time limit is the one that counts (see `checkPageInTab`).
  const response = await tab.goto(setup.origin + page.path, {
    waitUntil: "load",
    timeout: setup.pageTimeoutMs,
  });
  // The watch loads the page in its own tab meanwhile, after this tab, which so has it from
  // the server whole; what the watch saw is awaited before the result, so that it never loads
  // two pages at once.
  const scriptsRun = watch.scriptsRun(setup.origin + page.path, setup.pageTimeoutMs);
  scriptsRun.catch(() => undefined);
  const scriptProblems = async (served: ServedDocument | null) => {
    const found = [
      ...(await scriptsRun),
      ...(served === null ? [] : await scriptWaitingInMarkup(tab, served)),
    ];
    return found.map((finding) => probeProblem(page, finding));
  };
  const status = response?.status() ?? 0;
  if (response === null || status >= 400) {
    problems.push(
      probeProblem(page, {
        rule: HTTP_STATUS_RULE,
        selector: "",
        context: "",
        message: `The page could not be loaded: the server answered HTTP ${status || "nothing"}.`,
      }),
      ...(await scriptProblems(null)),
    );
    return result("error", null);
  }
  // The bytes as the server sent them, once, for html-validate and the probes that read the
  // markup itself (the policy's <meta>, script in attributes); the type as the browser took it.
  const served = await servedDocumentOf(tab, response);
  // An SVG opened on its own is an image a browser renders as a document: it can run script,
  // and nothing else the gate checks applies to it.
  if (response.headers()["content-type"]?.startsWith("image/svg+xml") === true) {
    problems.push(...(await scriptProblems(served)));
    return result(problems.length === 0 ? "passed" : "failed", null);
  }
  // axe's "needs review" results are neither failures nor passes: the probes decide what they
  // can, and a person the rest.
  for (const problem of await timed("pa11y", () =>
    runPa11yInTab(
      setup.browser,
      tab,
      // pa11y's own limit must not cut the page's short with a message of its own.
      { ...setup.pa11yOptions, timeout: setup.pageTimeoutMs },
      page.url,
    ),
  )) {
    (problem.axe?.needsReview === true ? undecided : problems).push(problem);
  }
  const languages = expectedLanguages(page.path, setup.languages);
  const folder = page.path.split("/")[1] ?? "";
  const facts = await timed("probes", async () => {
    await tab.evaluate(installPageHelpers);
    // Before any probe changes the page: axe's contrast results as axe saw it.
    await reviewAxeContrast(tab, problems, undecided);
    const context = { languages, undecided, memo: setup.memo, served };
    for (const probe of PAGE_PROBES) {
      for (const finding of await probe.run(tab, page, context)) {
        problems.push(probeProblem(page, finding));
      }
    }
    problems.push(...(await scriptProblems(served)));
    return gatherFacts(tab, page.path, setup.languages.includes(folder) ? folder : "");
  });
  const file = page.file === null ? page.path : relative(process.cwd(), page.file);
  problems.push(
    ...(await timed("markup", () =>
      validateMarkup(setup.validator, served.source, file, page.url),
    )),
  );
  return result(problems.length === 0 ? "passed" : "failed", facts);
}

/**
 * Checks one page in the tab within the page time limit. Resolves with the result and whether
 * the tab can be used again (not after a timeout or a failure, which may leave it busy).
 */
export async function checkPageInTab(
  tab: Page,
  page: SitePage,
  setup: PageCheckSetup,
): Promise<{ result: PageResult; reusable: boolean }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new PageTimeoutError(setup.pageTimeoutMs));
    }, setup.pageTimeoutMs);
  });
  try {
    const result = await Promise.race([checkLoadedPage(tab, page, setup), timeout]);
    return { result, reusable: result.status !== "error" };
  } catch (error) {
    const timedOut = error instanceof PageTimeoutError || isBrowserTimeout(error);
    const rule = timedOut ? "page-timeout" : "page-load";
    const message = timedOut
      ? new PageTimeoutError(setup.pageTimeoutMs).message
      : `The page could not be checked: ${errorText(error)}`;
    return {
      result: {
        ...page,
        status: "error",
        cached: false,
        problems: [gateProblem(page, rule, message)],
        undecided: [],
        facts: null,
        ms: { total: performance.now() - started, pa11y: 0, probes: 0, markup: 0 },
      },
      reusable: false,
    };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Whether the browser gave up waiting on the page: a navigation or a wait that timed out, or a
 * call into the page the browser did not answer within its limit (Puppeteer's
 * `protocolTimeout`). The page was too slow, as with the page's own limit.
 */
function isBrowserTimeout(error: unknown): boolean {
  return (
    error instanceof TimeoutError ||
    (error instanceof ProtocolError && /timed out/i.test(error.message))
  );
}

class PageTimeoutError extends Error {
  constructor(ms: number) {
    super(
      `Checking the page took longer than ${ms / 1000} s (loading it, axe, the probes and html-validate together), ` +
        "so it was stopped unchecked. Make the page smaller, or raise the limit with --page-timeout.",
    );
  }
}

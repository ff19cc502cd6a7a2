import { performance } from "node:perf_hooks";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { z } from "zod";
import { mapConcurrently } from "./concurrency.ts";
import { errorText } from "./errors.ts";
import { PAGE_PROBES } from "./page-probes.ts";
import { expectedLanguages } from "./pages.ts";
import type { Problem, SitePage } from "./types.ts";

/** Width at which WCAG 1.4.10 (Reflow) requires content without sideways scrolling. */
export const REFLOW_WIDTH = 320;
const DESKTOP_VIEWPORT = { width: 1280, height: 800 };
const NAVIGATION_TIMEOUT_MS = 30_000;
/**
 * How long any one call into the browser may take. Puppeteer's own default is 3 minutes; a
 * call that hangs (Chromium can leave a screenshot of a background tab unanswered) then fails
 * the page as unchecked soon, instead of stalling the gate.
 */
export const BROWSER_CALL_TIMEOUT_MS = 30_000;
// Screenshot comparisons are slow; past this many per page the remaining suspects are reported unconfirmed.
const MAX_SCREENSHOT_CONFIRMATIONS = 25;

const elementSchema = z.object({ selector: z.string(), text: z.string(), context: z.string() });
const languageSchema = z.object({
  htmlLang: z.string().nullable(),
  links: z.array(
    elementSchema.extend({
      lang: z.string().nullable(),
      hreflang: z.string().nullable(),
      inheritedLang: z.string().nullable(),
    }),
  ),
});
const activeSchema = z.object({
  focused: z.boolean(),
  hasMain: z.boolean(),
  targetsMain: z.boolean(),
  element: elementSchema.nullable(),
});
const unchangedSchema = z.object({
  total: z.number(),
  unchanged: z.array(elementSchema.extend({ index: z.number() })),
});
const boxSchema = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });
const overflowSchema = z.object({
  scrollWidth: z.number(),
  clientWidth: z.number(),
  offenders: z.array(elementSchema),
});

type Box = z.infer<typeof boxSchema>;

/**
 * Starts the browser for the gate's own checks; the caller's signal handlers, not Puppeteer's,
 * stop it. A call into the browser that takes longer than `callTimeoutMs` fails.
 */
export function launchBrowser(
  executablePath: string,
  args: readonly string[],
  callTimeoutMs = BROWSER_CALL_TIMEOUT_MS,
): Promise<Browser> {
  return puppeteer.launch({
    executablePath,
    args: [...args],
    protocolTimeout: callTimeoutMs,
    headless: true,
    // Over a pipe the browser ends with this process, even if it is killed outright.
    pipe: true,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

async function probe<T>(page: Page, call: string, schema: z.ZodType<T>): Promise<T> {
  const value: unknown = await page.evaluate(`window.__a11yGate.${call}`);
  return schema.parse(value);
}

function primarySubtag(lang: string): string {
  return lang.trim().toLowerCase().split("-")[0] ?? "";
}

type Finding = Omit<Problem, "url" | "runner" | "severity">;

function languageFindings(
  report: z.infer<typeof languageSchema>,
  expected: readonly string[],
): Finding[] {
  const findings: Finding[] = [];
  const wanted = expected.map((lang) => `lang="${lang}"`).join(" or ");
  if (report.htmlLang === null || report.htmlLang.trim() === "") {
    findings.push({
      rule: "html-lang",
      selector: "html",
      context: "<html>",
      message: `The page has no <html lang>, so screen readers cannot pick the right pronunciation; expected ${wanted}.`,
    });
  } else if (!expected.includes(primarySubtag(report.htmlLang))) {
    findings.push({
      rule: "html-lang",
      selector: "html",
      context: `<html lang="${report.htmlLang}">`,
      message: `<html lang="${report.htmlLang}"> does not match the page's language${expected.length === 1 ? ` folder /${expected.join("")}/` : ""}; expected ${wanted}.`,
    });
  }
  for (const link of report.links) {
    const finding = (message: string) =>
      findings.push({
        rule: "language-link-lang",
        selector: link.selector,
        context: link.context,
        message,
      });
    const hreflang = link.hreflang?.trim() ?? "";
    if (hreflang === "") {
      finding(`Language link "${link.text}" lacks hreflang, the language of the page it opens.`);
      continue;
    }
    // The text's language is its own lang, or else inherited; a link into another language
    // usually names it in that language ("English"), which the inherited lang rarely is.
    const textLang = link.lang?.trim() || link.inheritedLang?.trim() || "";
    if (!link.lang?.trim() && primarySubtag(textLang) !== primarySubtag(hreflang)) {
      finding(
        `Language link "${link.text}" has no lang, so screen readers read it as "${textLang || "unknown"}"; ` +
          `give it lang="${hreflang}" if the text is in that language (WCAG 3.1.2).`,
      );
    }
  }
  return findings;
}

async function skipLinkFindings(page: Page): Promise<Finding[]> {
  await page.keyboard.press("Tab");
  const first = await probe(page, "activeElement()", activeSchema);
  const finding = (message: string): Finding[] => [
    {
      rule: "skip-link",
      selector: first.element?.selector ?? "",
      context: first.element?.context ?? "",
      message,
    },
  ];
  if (!first.hasMain) return finding("The page has no <main> element for a skip link to lead to.");
  if (!first.focused || first.element === null) {
    return finding(
      "The first Tab press focuses nothing; the first focusable element must be a skip link to <main>.",
    );
  }
  if (!first.targetsMain) {
    return finding(
      `The first Tab press focuses "${first.element.text}" (${first.element.selector}), not a skip link to <main>.`,
    );
  }
  await page.keyboard.press("Enter");
  const landed = await page
    .waitForFunction("window.__a11yGate.focusInMain()", { timeout: 2000, polling: 10 })
    .then(() => true)
    .catch(() => false);
  return landed
    ? []
    : finding(
        `Activating the skip link "${first.element.text}" with Enter does not move keyboard focus into <main>; ` +
          'give <main> an id and tabindex="-1".',
      );
}

function unionClip(a: Box, b: Box, margin: number): Box {
  const x = Math.max(0, Math.min(a.x, b.x) - margin);
  const y = Math.max(0, Math.min(a.y, b.y) - margin);
  const right = Math.max(a.x + a.width, b.x + b.width) + margin;
  const bottom = Math.max(a.y + a.height, b.y + b.height) + margin;
  return { x, y, width: right - x, height: bottom - y };
}

// Screenshots in progress, per browser. Chromium may never answer a screenshot of a tab that
// is not in front (puppeteer/puppeteer#12712), so the tabs of one browser take theirs one at a
// time, each brought to the front first.
const screenshotTurns = new WeakMap<Browser, Promise<unknown>>();

async function inFront<T>(page: Page, work: () => Promise<T>): Promise<T> {
  const browser = page.browser();
  const previous = screenshotTurns.get(browser) ?? Promise.resolve();
  const turn = previous
    .catch(() => undefined)
    .then(async () => {
      await page.bringToFront();
      return work();
    });
  screenshotTurns.set(browser, turn);
  return turn;
}

/**
 * Whether a focus candidate and its surroundings look different on screen with focus than
 * without, by comparing screenshots; null if the element never shows on screen. A screenshot
 * that fails throws: the page could not be checked, which is not a finding about it.
 */
async function looksDifferentWhenFocused(page: Page, index: number): Promise<boolean | null> {
  // The element may move or grow when focused; the screenshots cover both boxes.
  const unfocused = await probe(page, `box(${index}, false)`, boxSchema);
  const focused = await probe(page, `box(${index}, true)`, boxSchema);
  if (focused.width === 0 || focused.height === 0) return null;
  // Outlines and shadows are drawn outside the element's box.
  const clip = unionClip(unfocused, focused, 8);
  // Wholly left of or above the page (`left: -9999px`): nothing of it can be seen.
  if (clip.width <= 0 || clip.height <= 0) return null;
  const shoot = () => page.screenshot({ clip, captureBeyondViewport: false });
  return inFront(page, async () => {
    await probe(page, `box(${index}, false)`, boxSchema);
    const without = await shoot();
    await probe(page, `box(${index}, true)`, boxSchema);
    const withFocus = await shoot();
    return Buffer.compare(Buffer.from(without), Buffer.from(withFocus)) !== 0;
  });
}

/**
 * Finds tabbable elements without a visible focus indicator: first by comparing computed styles
 * (outline, shadow, border, colours, position…) with and without focus, then, for elements whose
 * styles did not change, by comparing screenshots, which also catch pseudo-element and parent styles.
 */
async function focusFindings(page: Page): Promise<Finding[]> {
  await page.addStyleTag({
    content: "*, *::before, *::after { transition: none !important; animation: none !important; }",
  });
  const { unchanged } = await probe(page, "unchangedOnFocus()", unchangedSchema);
  const findings: Finding[] = [];
  for (const [position, element] of unchanged.entries()) {
    const verdict =
      position < MAX_SCREENSHOT_CONFIRMATIONS
        ? await looksDifferentWhenFocused(page, element.index)
        : false;
    if (verdict === true) continue;
    findings.push({
      rule: "focus-visible",
      selector: element.selector,
      context: element.context,
      message:
        verdict === null
          ? `"${element.text}" can receive keyboard focus but is not visible on screen when focused (WCAG 2.4.7).`
          : `"${element.text}" looks the same with and without keyboard focus (WCAG 2.4.7); give it a visible :focus-visible style, e.g. an outline.`,
    });
  }
  return findings;
}

async function reflowFindings(page: Page): Promise<Finding[]> {
  await page.setViewport({ width: REFLOW_WIDTH, height: 640 });
  const report = await probe(page, "overflow()", overflowSchema);
  if (report.scrollWidth <= report.clientWidth) return [];
  const widest = report.offenders[0];
  return [
    {
      rule: "reflow-320",
      selector: widest?.selector ?? "html",
      context: widest?.context ?? "",
      message:
        `At ${REFLOW_WIDTH} CSS pixels wide the page scrolls sideways: its content is ${report.scrollWidth} px wide ` +
        `(WCAG 1.4.10 Reflow). Too wide: ${report.offenders.map((o) => o.selector).join(", ") || "unknown"}.`,
    },
  ];
}

function pageLoadProblem(sitePage: SitePage, message: string): Problem {
  const problem = { rule: "page-load", selector: "", context: "", message };
  return { url: sitePage.url, runner: "browser", severity: "error", ...problem };
}

/** Result of the browser checks on one page; `completed` is false when the page could not be loaded or checked. */
export interface BrowserPageResult {
  completed: boolean;
  problems: Problem[];
  ms: number;
}

/**
 * Loads one page in a tab and checks what pa11y cannot: the HTTP status, <html lang> and
 * language links, the skip link by keyboard, visible focus on every tabbable element, and
 * reflow at 320 px.
 */
export async function checkPageInTab(
  tab: Page,
  sitePage: SitePage,
  localUrl: string,
  languages: readonly string[],
): Promise<BrowserPageResult> {
  const started = performance.now();
  const problems: Problem[] = [];
  const report = (finding: Finding) =>
    problems.push({ url: sitePage.url, runner: "browser", severity: "error", ...finding });
  try {
    await tab.setViewport(DESKTOP_VIEWPORT);
    const response = await tab.goto(localUrl, {
      waitUntil: "load",
      timeout: NAVIGATION_TIMEOUT_MS,
    });
    const status = response?.status() ?? 0;
    if (response === null || status >= 400) {
      report({
        rule: "http-status",
        selector: "",
        context: "",
        message: `The page could not be loaded: the server answered HTTP ${status || "nothing"}.`,
      });
      return { completed: false, problems, ms: performance.now() - started };
    }
    await tab.evaluate("document.fonts.ready.then(() => true)");
    await tab.evaluate(PAGE_PROBES);
    const expected = expectedLanguages(sitePage.path, languages);
    languageFindings(await probe(tab, "language()", languageSchema), expected).forEach(report);
    (await skipLinkFindings(tab)).forEach(report);
    (await focusFindings(tab)).forEach(report);
    (await reflowFindings(tab)).forEach(report);
    return { completed: true, problems, ms: performance.now() - started };
  } catch (error) {
    problems.push(
      pageLoadProblem(
        sitePage,
        `The browser checks could not run on this page: ${errorText(error)}`,
      ),
    );
    return { completed: false, problems, ms: performance.now() - started };
  }
}

/**
 * Runs checkPageInTab on every page with `concurrency` tabs. Tabs are reused from page to page
 * (opening one costs more than loading a small page); a tab whose page failed is replaced.
 * Returns the results by page path.
 */
export async function checkPagesInBrowser(
  browser: Browser,
  pages: readonly SitePage[],
  localUrl: (page: SitePage) => string,
  options: { concurrency: number; languages: readonly string[] },
): Promise<Map<string, BrowserPageResult>> {
  const idleTabs: Page[] = [];
  const openTab = async () => {
    const tab = await browser.newPage();
    // Headless tabs are not focused windows; without this, focus rings may not be drawn.
    await tab.emulateFocusedPage(true);
    // The site's content security policy forbids inline styles, and the focus check injects
    // one to switch off transitions. pa11y's own tabs still load pages under the real policy.
    await tab.setBypassCSP(true);
    return tab;
  };
  const results = await mapConcurrently(pages, options.concurrency, async (sitePage) => {
    const started = performance.now();
    let result: BrowserPageResult;
    try {
      const tab = idleTabs.pop() ?? (await openTab());
      result = await checkPageInTab(tab, sitePage, localUrl(sitePage), options.languages);
      if (result.completed) idleTabs.push(tab);
      else await tab.close().catch(() => undefined);
    } catch (error) {
      const problem = pageLoadProblem(
        sitePage,
        `The browser could not open a tab: ${errorText(error)}`,
      );
      result = { completed: false, problems: [problem], ms: performance.now() - started };
    }
    return [sitePage.path, result] as const;
  });
  await Promise.all(idleTabs.map((tab) => tab.close().catch(() => undefined)));
  return new Map(results);
}

/** Which part of the gate found a problem. */
export type Runner = "axe" | "htmlcs" | "browser" | "html-validate" | "gate";

/** Details axe attaches to its findings; the HTML report shows them. */
export interface AxeDetails {
  impact: string | null;
  help: string;
  helpUrl: string;
  description: string;
  /** axe could not decide (its "incomplete" results); pa11y reports these as failures. */
  needsReview: boolean;
}

/** One accessibility problem on one page. */
export interface Problem {
  /** Public URL of the page (the sitemap's base URL plus the page's path). */
  url: string;
  runner: Runner;
  /** Rule name: an axe rule id, an html-validate rule id, or one of the gate's own checks. */
  rule: string;
  /** CSS selector of the element, or file:line:col for markup problems; empty for the whole page. */
  selector: string;
  message: string;
  /** Start of the element's markup, when known. */
  context: string;
  severity: "error" | "warning" | "notice";
  axe?: AxeDetails;
}

/** A page the gate has to check: one URL of the built site. */
export interface SitePage {
  /** URL path on the site, e.g. "/de/" or "/en/404.html". */
  path: string;
  /** Public URL used in messages and reports. */
  url: string;
  /** The built HTML file serving this path, or null if there is none. */
  file: string | null;
}

/** Outcome for one page. "error" means the page could not be loaded or a check could not run. */
export interface PageResult extends SitePage {
  status: "passed" | "failed" | "error";
  /** True when an earlier run passed this exact page (same HTML, CSS and gate) and it was skipped. */
  cached: boolean;
  problems: Problem[];
  /** Milliseconds the browser checks spent on this page (pa11y-ci and html-validate time whole runs only). */
  timings: { browserMs: number };
}

/** Outcome of one gate run. `ok` is true only if every page was checked and none has a problem. */
export interface GateResult {
  ok: boolean;
  /** Set when the gate could not check the site at all (no sitemap, no browser, pa11y-ci crashed). */
  fatal: string | null;
  /** Pages this run was responsible for (the shard's slice when sharded). */
  pagesExpected: number;
  /** Pages whose checks all completed, including pages passed from the cache. */
  pagesChecked: number;
  pagesFromCache: number;
  pages: PageResult[];
  problems: Problem[];
  shard: { index: number; total: number } | null;
  concurrency: number;
  timings: {
    totalMs: number;
    /** Whole pa11y-ci run, including its browser start. */
    pa11yMs: number;
    /** Whole browser-check phase, including the browser start. */
    browserMs: number;
    /** Whole html-validate run. */
    markupMs: number;
  };
}

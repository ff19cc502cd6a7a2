import type { PageFacts } from "./probes/types.ts";

/** Which part of the gate found a problem: axe through pa11y, html-validate, a probe, or the gate itself. */
export type Runner = "axe" | "htmlcs" | "probe" | "html-validate" | "gate";

/** Details axe attaches to its findings; the HTML report shows them. */
export interface AxeDetails {
  impact: string | null;
  help: string;
  helpUrl: string;
  description: string;
  /** axe could not decide (its "incomplete" results): neither a failure nor a pass. */
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
  /** What a visual probe measured (contrast ratio, colours, sizes). */
  measured?: Record<string, string | number>;
  /** A PNG of the element and its surroundings, for the report. */
  screenshot?: Uint8Array;
}

/** A page the gate has to check: one URL of the built site. */
export interface SitePage {
  /** URL path on the site, e.g. "/de/" or "/en/404.html". */
  path: string;
  /** Public URL used in messages and reports. */
  url: string;
  /** The built HTML file serving this path, or null if there is none. */
  file: string | null;
  /** Whether the sitemap lists the page (pages with `sitemap: false` and 404 pages are checked too). */
  inSitemap: boolean;
}

/** Outcome for one page. "error" means the page could not be loaded or a check could not run. */
export interface PageResult extends SitePage {
  status: "passed" | "failed" | "error";
  /** True when an earlier run passed this exact page (same HTML, CSS and gate) and it was skipped. */
  cached: boolean;
  problems: Problem[];
  /** What no check could decide on the page (axe's "needs review"): a person must look. */
  undecided: Problem[];
  /** What the cross-page probes compare; null when the page could not be read. */
  facts: PageFacts | null;
  /** Milliseconds spent on the page in its tab: in all, and in axe, the probes and html-validate. */
  ms: PageTimings;
}

/** Where a page's time went, in milliseconds. */
export interface PageTimings {
  total: number;
  pa11y: number;
  probes: number;
  markup: number;
}

import type { Page } from "puppeteer-core";
import { z } from "zod";
import type { SitePage } from "../types.ts";

/** One problem a probe found on a page. */
export interface ProbeFinding {
  /** The probe's rule, one of its `rules`. */
  rule: string;
  /** CSS selector of the element; empty for the whole page. */
  selector: string;
  /** Start of the element's markup, when known. */
  context: string;
  message: string;
}

/** A check the gate runs in the page's tab, after axe, on the page as it was loaded. */
export interface PageProbe {
  /** The rule names its findings use; the coverage map names each as `probe:<rule>`. */
  rules: readonly string[];
  /**
   * Checks the page. A probe may change the page (focus, viewport, emulated media, injected
   * styles) but undoes media emulation and injected styles before it returns.
   */
  run(tab: Page, page: SitePage, context: ProbeContext): Promise<ProbeFinding[]>;
}

/** What a page probe may need besides the tab. */
export interface ProbeContext {
  /** The language folders the page may use: /de/… → ["de"]; the chooser → all. */
  languages: readonly string[];
}

const linkSchema = z.object({ href: z.string(), name: z.string() });

/** What the cross-page probes need to know of one page, gathered in its tab. */
export const pageFactsSchema = z.object({
  /** The page's path, e.g. "/de/quellen/". */
  path: z.string(),
  /** The language folder, or "" for pages outside one (the chooser). */
  language: z.string(),
  title: z.string(),
  /** Every navigation landmark: its name and its links (path and name) in order. */
  menus: z.array(z.object({ name: z.string(), links: z.array(linkSchema) })),
  /** Links in the repeated parts of the page (header, navigation, footer): path and name. */
  sharedLinks: z.array(linkSchema),
});
export type PageFacts = z.infer<typeof pageFactsSchema>;

/** A finding of a cross-page probe, about one page. */
export interface SiteFinding extends ProbeFinding {
  path: string;
}

/** A check that compares the pages of a language with each other. */
export interface SiteProbe {
  rules: readonly string[];
  run(pages: readonly PageFacts[]): SiteFinding[];
}

import type { Page } from "puppeteer-core";
import { z } from "zod";
import type { Problem, SitePage } from "../types.ts";
import type { ServedDocument } from "./served-document.ts";

/** One problem a probe found on a page. */
export interface ProbeFinding {
  /** The probe's rule, one of its `rules`. */
  rule: string;
  /** CSS selector of the element; empty for the whole page. */
  selector: string;
  /** Start of the element's markup, when known. */
  context: string;
  message: string;
  /** What a visual probe measured (contrast ratio, colours, sizes); the message says it too. */
  measured?: Record<string, string | number>;
  /** A PNG of the element and its surroundings as the probe saw them. */
  screenshot?: Uint8Array;
}

/**
 * The WCAG 2.2 success criteria each of a probe's rules decides part of, by rule; a rule not
 * listed serves none (it is one of the coverage map's `otherChecks`). A test holds the
 * coverage map to this.
 */
export type RuleCriteria = Readonly<Record<string, readonly string[]>>;

/** A check the gate runs in the page's tab, after axe, on the page as it was loaded. */
export interface PageProbe {
  /** The rule names its findings use; the coverage map names each as `probe:<rule>`. */
  rules: readonly string[];
  /** The criteria each rule tests. */
  criteria?: RuleCriteria;
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
  /**
   * What the checks before could not decide on this page (axe's "needs review" results). A
   * probe that decides an item removes it; a probe that cannot decide something adds it. What
   * is left is reported as needing a person, never as a failure or a pass.
   */
  undecided: Problem[];
  /**
   * Results shared by all pages of one run, keyed by what decides them (a focus style on a
   * background, an image's bytes), so a part repeated on every page is measured once.
   */
  memo: Map<string, unknown>;
  /** The document the server sent, as the tab received it when it loaded the page. */
  served: ServedDocument;
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
  /**
   * Ways to get help (contact, feedback, help pages, mail and phone links), wherever they are:
   * the part of the page they are in and the names of the repeated links before them.
   */
  help: z.array(
    linkSchema.extend({
      region: z.string(),
      after: z.array(z.string()),
    }),
  ),
});
export type PageFacts = z.infer<typeof pageFactsSchema>;

/** A finding of a cross-page probe, about one page. */
export interface SiteFinding extends ProbeFinding {
  path: string;
}

/** A check that compares the pages of a language with each other. */
export interface SiteProbe {
  rules: readonly string[];
  /** The criteria each rule tests. */
  criteria?: RuleCriteria;
  run(pages: readonly PageFacts[]): SiteFinding[];
}

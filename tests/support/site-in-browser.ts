import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll } from "vitest";
import { startSiteServer, type SiteServer } from "../../src/checks/a11y/server.ts";
import { sharedBrowser } from "./browser.ts";
import { buildRealSite, type BuiltSite } from "./built-site.ts";

/** The real site served on 127.0.0.1, and the worker's Chromium to look at it. */
export interface SiteInBrowser {
  built: BuiltSite;
  browser: Browser;
  /** Where the site is served: `http://127.0.0.1:PORT`. */
  origin: string;
}

/**
 * Serves the real site before the calling test file's tests, with the worker's shared Chromium
 * (tests/support/browser.ts), and stops serving it after them. The fields of the object it
 * returns are set once the tests begin.
 */
export function useSiteInBrowser(): SiteInBrowser {
  const site = {} as SiteInBrowser;
  let server: SiteServer | undefined;
  beforeAll(async () => {
    site.built = await buildRealSite();
    server = await startSiteServer(site.built.outputDir);
    site.origin = server.origin;
    site.browser = await sharedBrowser();
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });
  return site;
}

/**
 * Loads `url` in `tab` once and calls `look` with the page laid out at each width in turn, its
 * fonts loaded. The site runs no script, so a page resized to a width is laid out as one loaded
 * at it, for one load instead of one per width.
 */
export async function atEachWidth<T>(
  tab: Page,
  url: string,
  widths: readonly number[],
  look: (width: number) => Promise<T>,
  height = 844,
): Promise<T[]> {
  const seen: T[] = [];
  for (const [index, width] of widths.entries()) {
    await tab.setViewport({ width, height });
    if (index === 0) await tab.goto(url, { waitUntil: "load" });
    await tab.evaluate(() => document.fonts.ready.then(() => true));
    seen.push(await look(width));
  }
  return seen;
}

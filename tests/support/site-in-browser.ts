import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "../../src/checks/a11y/index.ts";
import { startSiteServer, type SiteServer } from "../../src/checks/a11y/server.ts";
import { findBrowser } from "../../src/checks/browser.ts";
import { buildRealSite, type BuiltSite } from "./built-site.ts";

/** The real site served on 127.0.0.1, and a Chromium to look at it. */
export interface SiteInBrowser {
  built: BuiltSite;
  browser: Browser;
  /** Where the site is served: `http://127.0.0.1:PORT`. */
  origin: string;
}

/**
 * Serves the real site and starts Chromium before the calling test file's tests, and closes
 * both after them. The fields of the object it returns are set once the tests begin.
 */
export function useSiteInBrowser(): SiteInBrowser {
  const site = {} as SiteInBrowser;
  let server: SiteServer | undefined;
  beforeAll(async () => {
    site.built = await buildRealSite();
    server = await startSiteServer(site.built.outputDir);
    site.origin = server.origin;
    site.browser = await launchBrowser(findBrowser(), ["--no-sandbox", "--disable-dev-shm-usage"]);
  }, 60_000);
  afterAll(async () => {
    await (site.browser as Browser | undefined)?.close();
    await server?.close();
  });
  return site;
}

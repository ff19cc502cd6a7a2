import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "puppeteer-core";
import { findBrowser } from "../../../src/checks/browser.ts";
import { checkPagesInBrowser, launchBrowser } from "../../../src/checks/a11y/browser-checks.ts";
import { loadPa11yDefaults } from "../../../src/checks/a11y/pa11y.ts";
import { PROJECT_ROOT } from "../../../src/checks/a11y/index.ts";
import { startSiteServer, type SiteServer } from "../../../src/checks/a11y/server.ts";
import type { SitePage } from "../../../src/checks/a11y/types.ts";
import { cleanSiteFiles, page, temporaryDir, writeFiles } from "./fixtures.ts";

const CALL_TIMEOUT_MS = 2000;

// Once loaded, the page's only thread never comes back to answer the browser checks.
const FROZEN = page({
  lang: "de",
  title: "Seite, die nicht mehr antwortet",
  head: '<script>addEventListener("load", () => setTimeout(() => { for (;;); }, 0));</script>',
});

function sitePage(path: string): SitePage {
  return { path, url: `http://localhost:8080${path}`, file: null };
}

describe("the browser checks on a page that stops answering", () => {
  let server: SiteServer;
  let browser: Browser;

  beforeAll(async () => {
    const site = temporaryDir("frozen");
    writeFiles(site, { ...cleanSiteFiles(), "de/eingefroren/index.html": FROZEN });
    server = await startSiteServer(site);
    const { chromeLaunchConfig } = loadPa11yDefaults(PROJECT_ROOT) as {
      chromeLaunchConfig: { args: string[] };
    };
    browser = await launchBrowser(findBrowser(), chromeLaunchConfig.args, CALL_TIMEOUT_MS);
  });

  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  it("reports the page as unchecked once a call has waited the call timeout, instead of waiting on", async () => {
    const started = performance.now();
    const results = await checkPagesInBrowser(
      browser,
      [sitePage("/de/eingefroren/")],
      (target) => server.origin + target.path,
      { concurrency: 1, languages: ["de", "en"] },
    );
    expect(performance.now() - started).toBeLessThan(5 * CALL_TIMEOUT_MS);
    const frozen = results.get("/de/eingefroren/");
    expect(frozen?.completed).toBe(false);
    expect(frozen?.problems.map((problem) => problem.rule)).toEqual(["page-load"]);
    expect(frozen?.problems[0]?.message).toMatch(/could not run on this page: .*timed out/);
  });
});

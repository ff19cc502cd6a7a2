import { join } from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPageInTab, openCheckTab } from "../../../src/checks/a11y/check-page.ts";
import { checkAccessibility, type A11yResult } from "../../../src/checks/a11y/index.ts";
import { installPageHelpers } from "../../../src/checks/a11y/in-page.ts";
import { createValidator } from "../../../src/checks/a11y/markup.ts";
import { loadPa11yDefaults, pa11yTabOptions } from "../../../src/checks/a11y/pa11y.ts";
import { cspMetaProbe } from "../../../src/checks/a11y/probes/csp-meta.ts";
import {
  openScriptWatch,
  scriptWaitingInMarkup,
  type ScriptWatch,
} from "../../../src/checks/a11y/probes/script-execution.ts";
import type { SiteServer } from "../../../src/checks/a11y/server.ts";
import type { SitePage } from "../../../src/checks/a11y/types.ts";
import { findBrowser } from "../../../src/checks/browser.ts";
import { projectRoot } from "../../../src/lib/project.ts";
import { metaContentSecurityPolicy } from "../../../src/lib/security.ts";
import {
  loadForProbe,
  CLEAN_CSS,
  cleanSiteFiles,
  page,
  serveInBrowser,
  sitemap,
  temporaryDir,
  writeFiles,
  type ServedInBrowser,
} from "./fixtures.ts";

const protectedPage = page({ lang: "de", title: "Geschützte Seite" });
const policyMeta = `<meta http-equiv="Content-Security-Policy" content="${metaContentSecurityPolicy}">`;
/** An inline script that leaves a mark when it runs. */
const script = "<script>document.documentElement.dataset.ran = 'yes';</script>";

/** The protected page with one change, for pages that must fail beside it. */
function changed(search: string, replacement: string): string {
  if (!protectedPage.includes(search)) throw new Error(`the fixture page has no ${search}`);
  return protectedPage.replace(search, replacement);
}

const PAGES: Record<string, string> = {
  "de/geschuetzt/index.html": protectedPage,
  "de/skript-vor-richtlinie/index.html": changed("<head>\n", `<head>\n${script}\n`),
  "de/offene-richtlinie/index.html": changed(
    policyMeta,
    `<meta http-equiv="Content-Security-Policy" content="script-src 'unsafe-inline' *">${script}`,
  ),
  "de/eingesetzte-richtlinie/index.html": page({
    lang: "de",
    title: "Richtlinie vom Skript",
    csp: false,
    body: `<p>Text.</p><script>
const meta = document.createElement("meta");
meta.httpEquiv = "Content-Security-Policy";
meta.content = ${JSON.stringify(metaContentSecurityPolicy)};
document.head.prepend(meta);
</script>`,
  }),
  "de/wartender-handler/index.html": page({
    lang: "de",
    title: "Handler, der wartet",
    body: `<p><a href="/de/" onclick="document.title = 'x'">Start</a> <a href="java\tscript:void(0)">Los</a></p>`,
  }),
  // Keeps the browser busy for 3 s once loaded: any call into the page waits that long.
  "de/langsam/index.html": page({
    lang: "de",
    title: "Langsame Seite",
    body: `<script>addEventListener("load", () => setTimeout(() => { const end = Date.now() + 3000; while (Date.now() < end); }));</script>`,
  }),
  "assets/icon.svg":
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8"/></svg>',
  "assets/logo.svg":
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><script>document.documentElement.setAttribute("data-ran", "yes")</script><rect width="8" height="8"/></svg>',
};

let dir: string;
let served: ServedInBrowser;
let server: SiteServer;
let browser: Browser;
let tab: Page;

beforeAll(async () => {
  dir = temporaryDir("script");
  writeFiles(dir, { ...cleanSiteFiles(), ...PAGES });
  served = await serveInBrowser(dir);
  ({ server, browser, tab } = served);
});

afterAll(async () => {
  await served.close();
});

const sitePage = (path: string): SitePage => ({
  path,
  url: `https://example.org${path}`,
  file: join(dir, path.endsWith("/") ? `${path}index.html` : path),
  inSitemap: false,
});

/** Loads a page in a check tab, as the gate does, and runs the policy probe on it. */
async function policyFindings(path: string): Promise<string[]> {
  const served = await loadForProbe(tab, server.origin + path);
  await tab.evaluate(installPageHelpers);
  const findings = await cspMetaProbe.run(tab, sitePage(path), {
    languages: ["de"],
    undecided: [],
    memo: new Map(),
    served,
  });
  return findings.map((finding) => `${finding.rule}: ${finding.message}`);
}

/** Runs every check of the gate on one page, in a fresh tab, and gives each problem's rule and message. */
async function gateProblems(path: string, pageTimeoutMs = 30_000, own?: Browser) {
  const checkTab = await openCheckTab(own ?? browser);
  try {
    const { result } = await checkPageInTab(checkTab, sitePage(path), {
      browser: own ?? browser,
      pa11yOptions: pa11yTabOptions(loadPa11yDefaults(projectRoot)),
      validator: createValidator(projectRoot),
      origin: server.origin,
      languages: ["de", "en"],
      pageTimeoutMs,
      memo: new Map(),
    });
    return result;
  } finally {
    await checkTab.close();
  }
}

describe("the policy probe (csp-meta)", () => {
  it("passes a page whose first element in <head> is the site's own policy", async () => {
    expect(await policyFindings("/de/geschuetzt/")).toEqual([]);
  });

  it("fails a page with a script before the policy, naming what comes first", async () => {
    expect(await policyFindings("/de/skript-vor-richtlinie/")).toEqual([
      expect.stringMatching(
        /^csp-meta: The Content-Security-Policy <meta> is not the first element in <head>: <script> comes before it/,
      ),
    ]);
  });

  it("fails a page whose policy allows scripts, naming both policies", async () => {
    expect(await policyFindings("/de/offene-richtlinie/")).toEqual([
      `csp-meta: The page's policy is "script-src 'unsafe-inline' *", not the site's own "${metaContentSecurityPolicy}" (src/lib/security.ts): a policy that allows more protects less. Build the page with npm run build (npm start leaves the policy out).`,
    ]);
  });

  it("fails a page whose policy a script inserts, though the policy is then in the page", async () => {
    expect(await tab.evaluate(() => document.head.firstElementChild?.outerHTML)).toBeDefined();
    const findings = await policyFindings("/de/eingesetzte-richtlinie/");
    expect(
      await tab.evaluate(() => document.head.firstElementChild?.getAttribute("http-equiv")),
    ).toBe("Content-Security-Policy");
    expect(findings).toEqual([
      expect.stringMatching(
        /^csp-meta: The page has no <meta http-equiv="Content-Security-Policy"> in the HTML the server sent/,
      ),
    ]);
  });
});

describe("the script check (script-execution)", () => {
  let watch: ScriptWatch;

  beforeAll(async () => {
    watch = await openScriptWatch(browser);
  });

  afterAll(async () => {
    await watch.close();
  });

  /**
   * Loads a page in the tab and then in the watch, as the gate does, and gives the script
   * check's findings: what the page ran, then what waits in its markup.
   */
  async function scriptFindings(path: string): Promise<string[]> {
    const served = await loadForProbe(tab, server.origin + path);
    const ran = await watch.scriptsRun(server.origin + path, 10_000);
    return [...ran, ...(await scriptWaitingInMarkup(tab, served))].map(
      (finding) => `${finding.rule}: ${finding.message}`,
    );
  }

  it("passes a page that runs no script", async () => {
    expect(await scriptFindings("/de/geschuetzt/")).toEqual([]);
  });

  it.each([
    ["a script before the policy", "/de/skript-vor-richtlinie/", 4],
    ["a policy that allows scripts", "/de/offene-richtlinie/", 4],
    ["a policy a script inserts", "/de/eingesetzte-richtlinie/", 20],
  ])("fails a page with %s, as it ran script", async (_case, path, line) => {
    expect(await scriptFindings(path)).toEqual([
      `script-execution: The page ran script from its own markup (at line ${line}: an inline <script>, an event handler or a javascript: URL); the site ships no script.`,
    ]);
  });

  it("fails a page with an event handler and a script URL that no one has set off yet", async () => {
    expect(await scriptFindings("/de/wartender-handler/")).toEqual([
      `script-execution: The page carries script that runs when a reader acts on <a onclick="document.title = 'x'">; the site ships no script.`,
      `script-execution: The page carries script that runs when a reader acts on <a href="java\tscript:void(0)">; the site ships no script.`,
    ]);
  });

  it("checks an SVG opened on its own for script only, in the gate, and fails one that runs script", async () => {
    expect((await gateProblems("/assets/icon.svg")).problems).toEqual([]);
    const result = await gateProblems("/assets/logo.svg");
    expect(result.problems.map((problem) => problem.rule)).toEqual(["script-execution"]);
    expect(result.status).toBe("failed");
  });
});

describe("a page slower than the browser's limit for one call", () => {
  it("fails with the page-timeout message, not the browser's protocol timeout", async () => {
    // The browser's own limit stands in for the 30 s of the gate's browser, which a slow page
    // reaches long before the page's limit of 60 s.
    const started = await puppeteer.launch({
      executablePath: findBrowser(),
      args: ["--no-sandbox", "--disable-dev-shm-usage"],
    });
    const impatient = await puppeteer.connect({
      browserWSEndpoint: started.wsEndpoint(),
      protocolTimeout: 1500,
    });
    try {
      const result = await gateProblems("/de/langsam/", 10_000, impatient);
      expect(result.problems.map((problem) => [problem.rule, problem.message])).toEqual([
        ["page-timeout", expect.stringMatching(/^Checking the page took longer than 10 s/)],
      ]);
    } finally {
      await started.close();
    }
  });
});

describe("the gate over every document a browser would render", () => {
  let result: A11yResult;

  beforeAll(async () => {
    const site = temporaryDir("documents");
    writeFiles(site, {
      "assets/site.css": CLEAN_CSS,
      "de/index.html": protectedPage,
      "sitemap.xml": sitemap(["/de/"]),
      "assets/p5.htm": PAGES["de/skript-vor-richtlinie/index.html"] ?? "",
      "assets/.hidden.html": PAGES["de/offene-richtlinie/index.html"] ?? "",
      "assets/logo.svg": PAGES["assets/logo.svg"] ?? "",
      "assets/seite.xhtml": `<html xmlns="http://www.w3.org/1999/xhtml" lang="de"><head><title>X</title></head><body>${script}</body></html>`,
      "assets/p5.xht": `<html xmlns="http://www.w3.org/1999/xhtml" lang="de"><head><title>X</title></head><body>${script}</body></html>`,
      "assets/p6.xml": `<html xmlns="http://www.w3.org/1999/xhtml" lang="de"><head><title>X</title></head><body>${script}</body></html>`,
    });
    result = await checkAccessibility({ siteDir: site, cache: false, concurrency: 2 });
  });

  it("checks HTML in any spelling, hidden files, SVG and XML that renders as XHTML, and fails each that runs script", () => {
    const failed = result.pages
      .filter((page) => page.problems.some((problem) => problem.rule === "script-execution"))
      .map((page) => page.path);
    expect(failed).toEqual([
      "/assets/.hidden.html",
      "/assets/logo.svg",
      "/assets/p5.htm",
      "/assets/p5.xht",
      "/assets/seite.xhtml",
    ]);
    // XML served as text/xml that renders as XHTML is checked too, and cannot pass.
    expect(result.pages.find((page) => page.path === "/assets/p6.xml")?.status).toMatch(
      /^(?:failed|error)$/,
    );
    expect(result.ok).toBe(false);
    expect(
      result.pages.filter((page) => page.status === "passed").map((page) => page.path),
    ).toEqual(["/de/"]);
  });
});

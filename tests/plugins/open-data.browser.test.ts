import { writeFile } from "node:fs/promises";
import path from "node:path";
import puppeteer, { type Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSiteServer, type SiteServer } from "../../src/checks/a11y/server.ts";
import { findBrowser } from "../../src/checks/browser.ts";
import { languages } from "../../src/lib/languages.ts";
import { replaceOnce } from "../build/support.ts";
import { buildRealSite, type BuiltSite } from "../support/built-site.ts";
import { makeTempDir } from "../support/temp.ts";

/** The data pages, the dataset's landing pages. */
const dataPages = { de: "/de/daten/", en: "/en/data/" };

let built: BuiltSite;
let browser: Browser;
let siteServer: SiteServer;
let variantServer: SiteServer;

/**
 * Records the violations a page raises. A string, not a function handed to Puppeteer: vitest
 * compiles functions with helpers that do not exist in the page.
 */
const violationListener = String.raw`
  document.addEventListener("securitypolicyviolation", (event) => {
    (window.cspViolations ??= []).push(event.violatedDirective);
  });
`;

beforeAll(async () => {
  built = await buildRealSite();
  // The German data page with its JSON-LD block turned into an inline script.
  const variantDir = await makeTempDir("gw-csp-variant-");
  const page = built.pages.find((candidate) => candidate.url === dataPages.de);
  if (page === undefined) throw new Error(`the site has no page ${dataPages.de}`);
  await writeFile(
    path.join(variantDir, "index.html"),
    replaceOnce(page.html, 'type="application/ld+json"', 'type="text/javascript"'),
  );
  siteServer = await startSiteServer(built.outputDir);
  variantServer = await startSiteServer(variantDir);
  browser = await puppeteer.launch({
    executablePath: findBrowser(),
    args: ["--no-sandbox"],
    headless: true,
  });
}, 60_000);

afterAll(async () => {
  await browser.close();
  await siteServer.close();
  await variantServer.close();
});

/**
 * Opens a page and returns every content-security-policy violation it raised, from the
 * `securitypolicyviolation` event and from the console, where Chromium reports blocked code.
 */
async function violationsOf(url: string): Promise<string[]> {
  const page = await browser.newPage();
  try {
    const reported: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") reported.push(`console: ${message.text()}`);
    });
    page.on("pageerror", (error) => reported.push(`page error: ${String(error)}`));
    // Scripts added through the DevTools protocol run whatever the page's policy says.
    await page.evaluateOnNewDocument(violationListener);
    const response = await page.goto(url, { waitUntil: "load" });
    expect(response?.status(), url).toBe(200);
    const events: unknown = await page.evaluate("window.cspViolations ?? []");
    if (!Array.isArray(events)) throw new Error("the violation listener did not run");
    return [...events.map(String), ...reported];
  } finally {
    await page.close();
  }
}

describe("the data pages in Chromium", () => {
  it("raise no content-security-policy violation: the JSON-LD block is data, not a script", async () => {
    for (const language of languages) {
      expect(
        await violationsOf(`${siteServer.origin}${dataPages[language as keyof typeof dataPages]}`),
      ).toEqual([]);
    }
  });

  it("would raise one, were the block an inline script: the policy and the listener work", async () => {
    const violations = await violationsOf(`${variantServer.origin}/`);
    expect(violations.some((violation) => /^script-src/.test(violation))).toBe(true);
  });
});

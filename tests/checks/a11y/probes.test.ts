import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "puppeteer-core";
import { checkPageInTab, openCheckTab } from "../../../src/checks/a11y/check-page.ts";
import { installPageHelpers } from "../../../src/checks/a11y/in-page.ts";
import { createValidator } from "../../../src/checks/a11y/markup.ts";
import { loadPa11yDefaults, pa11yTabOptions } from "../../../src/checks/a11y/pa11y.ts";
import { focusNotObscuredProbe } from "../../../src/checks/a11y/probes/focus-not-obscured.ts";
import { forcedColorsProbe } from "../../../src/checks/a11y/probes/forced-colors.ts";
import { headingsProbe } from "../../../src/checks/a11y/probes/headings.ts";
import { printProbe } from "../../../src/checks/a11y/probes/print.ts";
import { resizeTextProbe } from "../../../src/checks/a11y/probes/resize-text.ts";
import { gatherFacts } from "../../../src/checks/a11y/probes/site.ts";
import { targetSizeProbe } from "../../../src/checks/a11y/probes/target-size.ts";
import { textSpacingProbe } from "../../../src/checks/a11y/probes/text-spacing.ts";
import type { PageProbe } from "../../../src/checks/a11y/probes/types.ts";
import type { SiteServer } from "../../../src/checks/a11y/server.ts";
import { projectRoot } from "../../../src/lib/project.ts";
import {
  CLEAN_CSS,
  page,
  probeCaseFiles,
  serveInBrowser,
  temporaryDir,
  writeFiles,
  type ServedInBrowser,
} from "./fixtures.ts";

/** Each probe's failing page and a similar passing one: markup inside <main> and extra CSS. */
const CASES: Record<string, { bad: [string, string]; good: [string, string] }> = {
  "text-spacing": {
    bad: [
      '<p class="box">Kurzer Text in einer festen Zeile</p>',
      ".box { height: 1.3em; overflow: hidden; width: 30em; }",
    ],
    good: [
      '<p class="box">Kurzer Text in einer festen Zeile</p>',
      ".box { min-height: 1.3em; width: 30em; }",
    ],
  },
  "resize-text": {
    bad: ['<p class="box">Text in einer Box</p>', ".box { height: 24px; overflow: hidden; }"],
    good: ['<p class="box">Text in einer Box</p>', ".box { min-height: 1.5rem; }"],
  },
  "target-size": {
    bad: [
      '<p><a class="tiny" href="/de/">A</a><a class="tiny" href="/en/">B</a></p>',
      ".tiny { display: inline-block; width: 12px; height: 12px; font-size: 10px; overflow: hidden; }",
    ],
    good: [
      '<p><a class="tiny" href="/de/">A</a><a class="tiny" href="/en/">B</a></p>',
      ".tiny { display: inline-block; min-width: 24px; min-height: 24px; margin-right: 4px; }",
    ],
  },
  "focus-not-obscured": {
    bad: [
      '<div class="spacer"></div><p><a href="/de/">Verdeckter Link</a></p><div class="banner"></div>',
      ".spacer { height: 640px; } .banner { position: fixed; left: 0; right: 0; bottom: 0; height: 300px; background: #ffffff; }",
    ],
    good: [
      '<div class="spacer"></div><p><a href="/de/">Verdeckter Link</a></p><div class="banner"></div>',
      ".spacer { height: 640px; } .banner { height: 300px; background: #ffffff; }",
    ],
  },
  headings: {
    bad: ["<h3>Unterabschnitt</h3><h2></h2><p>Text.</p>", ""],
    good: ["<h2>Abschnitt</h2><h3>Unterabschnitt</h3><p>Text.</p>", ""],
  },
  "forced-colors": {
    bad: [
      '<p><a class="halo" href="/de/">Startseite</a></p><span class="bar"></span>',
      ".halo:focus-visible { outline: none; box-shadow: 0 0 0 4px #0b4a8b; } .bar { display: block; width: 200px; height: 20px; background: #0b5c4a; }",
    ],
    good: [
      '<p><a href="/de/">Startseite</a></p><svg class="bar" width="200" height="20" aria-hidden="true"><rect width="200" height="20"></rect></svg>',
      ".bar { display: block; fill: #0b5c4a; }",
    ],
  },
  print: {
    bad: ['<p class="note">Wichtiger Hinweis.</p>', "@media print { .note { display: none; } }"],
    good: [
      '<p class="note">Wichtiger Hinweis.</p>',
      "@media print { header nav { display: none; } }",
    ],
  },
};

const PROBES: Record<string, PageProbe> = {
  "text-spacing": textSpacingProbe,
  "resize-text": resizeTextProbe,
  "target-size": targetSizeProbe,
  "focus-not-obscured": focusNotObscuredProbe,
  headings: headingsProbe,
  "forced-colors": forcedColorsProbe,
  print: printProbe,
};

let served: ServedInBrowser;
let server: SiteServer;
let browser: Browser;
let tab: Page;

beforeAll(async () => {
  const dir = temporaryDir("probes");
  writeFiles(dir, {
    "assets/site.css": CLEAN_CSS,
    "de/mit-csp/index.html": page({ lang: "de", title: "Mit Richtlinie" }),
    ...probeCaseFiles(CASES),
  });
  served = await serveInBrowser(dir);
  ({ server, browser, tab } = served);
});

afterAll(async () => {
  await served.close();
});

async function probeOn(path: string, probe: PageProbe) {
  await tab.setViewport({ width: 1280, height: 800 });
  await tab.goto(server.origin + path, { waitUntil: "load" });
  await tab.evaluate(installPageHelpers);
  const sitePage = { path, url: `https://example.org${path}`, file: null, inSitemap: true };
  return probe.run(tab, sitePage, { languages: ["de"] });
}

describe("each probe in a real browser", () => {
  for (const [name, probe] of Object.entries(PROBES)) {
    it(`${name} fails its bad page and passes the similar good page`, async () => {
      const bad = await probeOn(`/de/${name}-bad/`, probe);
      expect(bad.length).toBeGreaterThan(0);
      expect(new Set(bad.map((finding) => finding.rule))).toEqual(new Set([name]));
      expect(await probeOn(`/de/${name}-good/`, probe)).toEqual([]);
    });
  }

  it("headings names both the skipped level and the empty heading", async () => {
    const messages = (await probeOn("/de/headings-bad/", headingsProbe)).map(
      (finding) => finding.message,
    );
    expect(messages.join("\n")).toMatch(/An h3 follows an h1, skipping level 2/);
    expect(messages.join("\n")).toMatch(/An h2 has no text/);
  });

  it("forced-colors finds both the vanishing focus halo and the vanishing bar", async () => {
    const selectors = (await probeOn("/de/forced-colors-bad/", forcedColorsProbe)).map(
      (finding) => finding.message,
    );
    expect(
      selectors.some((message) => message.includes('"Startseite" shows no focus indicator')),
    ).toBe(true);
    expect(selectors.some((message) => message.includes("cannot be seen"))).toBe(true);
  });

  it("gathers the title, the menus and the shared links the cross-page probes compare", async () => {
    await tab.goto(`${server.origin}/de/mit-csp/`, { waitUntil: "load" });
    const facts = await gatherFacts(tab, "/de/mit-csp/", "de");
    expect(facts).toEqual({
      path: "/de/mit-csp/",
      language: "de",
      title: "Mit Richtlinie",
      // The fixture's switcher names the other language "Deutsch" (see fixtures.ts).
      menus: [{ name: "Sprache", links: [{ href: "/en/", name: "Deutsch" }] }],
      sharedLinks: [{ href: "/en/", name: "Deutsch" }],
    });
  });
});

describe("the page time limit", () => {
  it("fails a page that takes longer than the limit, with a message saying so, and gives up its tab", async () => {
    const settings = loadPa11yDefaults(projectRoot);
    const own = await openCheckTab(browser);
    const { result, reusable } = await checkPageInTab(
      own,
      { path: "/de/mit-csp/", url: "https://example.org/de/mit-csp/", file: null, inSitemap: true },
      {
        browser,
        pa11yOptions: pa11yTabOptions(settings),
        validator: createValidator(projectRoot),
        origin: server.origin,
        languages: ["de", "en"],
        pageTimeoutMs: 1,
      },
    );
    await own.close();
    expect(reusable).toBe(false);
    expect(result.status).toBe("error");
    expect(result.problems.map((problem) => [problem.rule, problem.message])).toEqual([
      ["page-timeout", expect.stringContaining("took longer than 0.001 s") as unknown],
    ]);
  });
});

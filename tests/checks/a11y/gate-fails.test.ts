import { beforeAll, describe, expect, it } from "vitest";
import { checkAccessibility, type A11yResult } from "../../../src/checks/a11y/index.ts";
import {
  CLEAN_CSS,
  cleanSiteFiles,
  page,
  pictures,
  sitemap,
  temporaryDir,
  writeFiles,
} from "./fixtures.ts";

// One site, one gate run: every page but the clean ones has exactly one kind of defect.
const DEFECTS = {
  "/de/bild/": '<p><img src="/assets/chart.png" width="40" height="40"></p>',
  "/de/leerer-link/": '<p>Mehr dazu: <a href="/de/"></a></p>',
  "/de/kontrast/": '<p class="faint">Kaum lesbarer Text.</p>',
  "/de/zu-breit/": '<div class="wide">Eine Tabelle mit fester Breite.</div>',
  "/de/fokus/": '<p><a class="no-focus" href="/de/">Zur Startseite</a></p>',
  "/de/versteckt/": '<p><a class="no-focus off-screen" href="/de/">Versteckter Link</a></p>',
};
/**
 * One page per kind of failure the gate looks for beyond axe, with the criterion it must be
 * reported under and the check that finds it.
 */
const KINDS: Record<string, { body: string; title?: string; criterion: string; check: string }> = {
  "/de/art-kontrast/": {
    body: '<p><a class="pale" href="/de/">Zur Startseite</a></p>',
    criterion: "1.4.3",
    check: "probe:contrast-states",
  },
  "/de/art-fokus/": {
    body: '<p><a class="same" href="/de/">Zur Startseite</a></p>',
    criterion: "2.4.7",
    check: "probe:focus-visible",
  },
  "/de/art-tastatur/": {
    body: '<p><a href="/de/impressum/" tabindex="-1">Impressum</a></p>',
    criterion: "2.1.1",
    check: "probe:keyboard-reach",
  },
  "/de/art-umbruch/": {
    body: '<div class="cut"><p>Ein langer Satz in einer festen Breite, der am Rand abgeschnitten wird.</p></div>',
    criterion: "1.4.10",
    check: "probe:reflow-clipped",
  },
  "/de/art-bedeutung/": {
    body: '<p><img src="/assets/gradient.png" alt="IMG_2041.jpg" width="40" height="20"></p>',
    criterion: "1.1.1",
    check: "probe:image-alt-text",
  },
  "/de/art-sprache/": {
    body: `<p>${"Die Gesundheitswirtschaft beschäftigt in beiden Regionen viele Menschen. ".repeat(3)}</p><p>The health economy employs many people in both regions, and this sentence is in English.</p>`,
    criterion: "3.1.2",
    check: "probe:language-of-parts",
  },
  "/de/art-titel/": {
    title: "Unbenanntes Dokument",
    body: "<p>Ein kurzer Absatz.</p>",
    criterion: "2.4.2",
    check: "probe:page-title",
  },
  // English throughout, in pieces too short to judge one by one, on a page marked German.
  "/de/art-seitensprache/": {
    title: "Health economy figures",
    body: "<ul><li>Jobs in the health economy</li><li>Revenue of the sector</li><li>Where the figures come from</li><li>How to contact us</li></ul>",
    criterion: "3.1.1",
    check: "probe:html-lang",
  },
  // Hidden from assistive technology, but words that sighted readers read.
  "/de/art-zierwort/": {
    body: '<p><span class="dots" aria-hidden="true">Zierde</span> Ein Absatz mit einem verborgenen Wort davor.</p>',
    criterion: "1.4.3",
    check: "axe:color-contrast",
  },
  "/de/art-bewegung/": {
    body: '<p class="blink">Neu</p>',
    criterion: "2.2.2",
    check: "probe:motion",
  },
  "/de/art-einblendung/": {
    body: '<p><span class="term" tabindex="0">Cluster</span><span class="tip">Ein Netz von Unternehmen und Einrichtungen</span></p><p>Ein Absatz, den die Einblendung verdeckt, wenn sie erscheint.</p>',
    criterion: "1.4.13",
    check: "probe:hover-content",
  },
  "/de/art-name/": {
    body: '<p><a href="/de/" aria-label="Startseite öffnen">Zur Übersicht</a></p>',
    criterion: "2.5.3",
    check: "axe:label-content-name-mismatch",
  },
  "/de/art-reihenfolge/": {
    body: '<p><a href="/de/" tabindex="2">Zweiter</a> <a href="/en/" tabindex="1">Erster</a></p>',
    criterion: "2.4.3",
    check: "axe:tabindex",
  },
  "/de/art-bildtext/": {
    body: '<p><img src="/assets/text.png" alt="Jetzt anmelden"></p>',
    criterion: "1.4.5",
    check: "probe:image-of-text",
  },
};

/** Accessible pages that tools have failed before: none may fail here. */
const CONTROLS: Record<string, string> = {
  // Light text on a dark picture: axe cannot tell, the pixels can.
  "/de/kontrolle-bild/": '<div class="hero"><p>Heller Text auf dunklem Bild</p></div>',
  // Faint decoration hidden from assistive technology.
  "/de/kontrolle-zierde/":
    '<p class="quote"><span class="ornament" aria-hidden="true">❦</span> Ein Zitat mit einer Zierde davor.</p>',
  // The same with characters axe does not take for symbols: still no letter or digit.
  "/de/kontrolle-punkte/":
    '<p class="quote"><span class="dots" aria-hidden="true">· · ·</span> Ein Zitat mit Punkten davor.</p>',
  // A named, focusable region around a table that scrolls sideways.
  "/de/kontrolle-region/":
    '<div class="scroll" role="region" aria-label="Kennzahlen nach Region" tabindex="0"><table><tr><th scope="col">Region</th><th scope="col">Beschäftigte</th></tr><tr><td>Berlin-Brandenburg</td><td>fast 370.000</td></tr></table></div>',
  // The menu with one item appended at its end (MENU below): the order of the others is kept.
  "/de/kontrolle-menue/": "<p>Ein kurzer Absatz.</p>",
};

/** A menu every page of this site repeats; the menu control appends an item. */
const menu = (extra = "") =>
  `<nav class="menu" aria-label="Hauptmenü"><a href="/de/">Startseite</a> <a href="/de/quellen/">Quellen</a>${extra}</nav>`;

const CSS = `${CLEAN_CSS}
.faint { color: #b0b0b0; }
.wide { width: 600px; }
.no-focus:focus, .no-focus:focus-visible { outline: none; }
.off-screen { position: absolute; left: -9999px; }
.menu a { display: inline-block; padding: 0.5rem; }
.pale:hover { color: #c8c8c8; }
a.same:focus-visible { outline: 3px solid #ffffff; }
.cut { overflow: hidden; }
.cut p { width: 600px; }
.blink { animation: blink 1s steps(2) infinite; }
@keyframes blink { 50% { opacity: 0; } }
.tip { display: none; position: absolute; left: 1rem; margin-top: 1.5rem; background: #ffffff; border: 1px solid #1a1a1a; }
.term:hover + .tip, .term:focus + .tip { display: block; }
.hero { background: url(/assets/dark.png); color: #ffffff; padding: 1rem; }
.ornament { color: #d8d8d8; font-size: 2rem; }
.dots { color: #dddddd; }
.scroll { overflow-x: auto; }
img { max-width: 100%; height: auto; }
`;
const CLEAN_PAGES = ["/", "/de/", "/en/", "/de/404.html", "/en/404.html"];

function failingSite(): string {
  const dir = temporaryDir("failing");
  const files: Record<string, string | Buffer> = {
    ...cleanSiteFiles(),
    ...pictures(),
    "assets/site.css": CSS,
  };
  for (const [path, kind] of Object.entries(KINDS)) {
    files[`${path.slice(1)}index.html`] = page({
      lang: "de",
      title: kind.title ?? `Seite ${path}`,
      body: menu() + kind.body,
    });
  }
  for (const [path, body] of Object.entries(CONTROLS)) {
    files[`${path.slice(1)}index.html`] = page({
      lang: "de",
      title: `Kontrolle ${path}`,
      body: menu(path.includes("menue") ? ' <a href="/de/daten/">Offene Daten</a>' : "") + body,
    });
  }
  for (const [path, body] of Object.entries(DEFECTS)) {
    files[`${path.slice(1)}index.html`] = page({
      lang: "de",
      title: `Seite mit Fehler ${path}`,
      body,
    });
  }
  files["de/ohne-sprache/index.html"] = page({ lang: null, title: "Seite ohne Sprache" });
  files["de/ohne-sprunglink/index.html"] = page({
    lang: "de",
    title: "Seite ohne Sprunglink",
    skipLink: false,
  });
  files["de/sprachlink/index.html"] = page({
    lang: "de",
    title: "Seite mit stummem Sprachlink",
    switcherLinkLang: false,
  });
  // Left out of the sitemap (`sitemap: false`), and built without its security policy.
  files["de/nicht-gelistet/index.html"] = page({
    lang: "de",
    title: "Seite außerhalb der Sitemap",
    csp: false,
  });
  files["sitemap.xml"] = sitemap([
    "/de/",
    "/en/",
    ...Object.keys(DEFECTS),
    "/de/ohne-sprache/",
    "/de/ohne-sprunglink/",
    "/de/sprachlink/",
    ...Object.keys(KINDS),
    ...Object.keys(CONTROLS),
    // Listed, but never built: the server answers 404.
    "/de/fehlt/",
  ]);
  writeFiles(dir, files);
  return dir;
}

describe("the accessibility gate on a site with defects", () => {
  let result: A11yResult;
  const rulesOn = (path: string) =>
    new Set(
      result.pages
        .find((candidate) => candidate.path === path)
        ?.problems.map((problem) => `${problem.runner}:${problem.rule}`),
    );

  beforeAll(async () => {
    result = await checkAccessibility({ siteDir: failingSite(), cache: false });
  });

  it("fails the site and counts the page it could not load as unchecked", () => {
    expect(result.ok).toBe(false);
    expect(result.fatal).toBeNull();
    expect(result.pagesExpected).toBe(
      16 + Object.keys(KINDS).length + Object.keys(CONTROLS).length,
    );
    expect(result.pagesChecked).toBe(result.pagesExpected - 1);
    expect(result.pages.find((candidate) => candidate.path === "/de/fehlt/")?.status).toBe("error");
  });

  it("fails an image without alt text", () => {
    expect(rulesOn("/de/bild/")).toContain("axe:image-alt");
    expect(rulesOn("/de/bild/")).toContain("html-validate:wcag/h37");
  });

  it("fails an empty link", () => {
    expect(rulesOn("/de/leerer-link/")).toContain("axe:link-name");
  });

  it("fails text with too little contrast, saying what axe measured", () => {
    expect(rulesOn("/de/kontrast/")).toEqual(new Set(["axe:color-contrast"]));
    const problem = result.problems.find((candidate) => candidate.url.endsWith("/de/kontrast/"));
    expect(problem?.measured).toEqual({
      contrast: "2.16:1",
      text: "#b0b0b0",
      background: "#ffffff",
      required: "4.5:1",
      fontSize: "12.0pt (16px)",
      fontWeight: "normal",
    });
    expect(problem?.message).toMatch(
      /: 2\.16:1 \(#b0b0b0 on #ffffff, .*WCAG 1\.4\.3 asks 4\.5:1\)$/,
    );
  });

  it("gives a visual probe's finding a screenshot of what it found", () => {
    const overflow = result.problems.find(
      (candidate) => candidate.rule === "content-overflow" && candidate.url.endsWith("/zu-breit/"),
    );
    expect([...(overflow?.screenshot ?? []).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it("fails a page without a language", () => {
    expect(rulesOn("/de/ohne-sprache/")).toContain("axe:html-has-lang");
    expect(rulesOn("/de/ohne-sprache/")).toContain("probe:html-lang");
  });

  it("fails a page that scrolls sideways at 320 px, which pa11y does not notice", () => {
    // The box too wide for the screen also runs out of <main>, which the layout probe names.
    expect(rulesOn("/de/zu-breit/")).toEqual(
      new Set(["probe:reflow-320", "probe:content-overflow"]),
    );
    const problem = result.problems.find((candidate) => candidate.rule === "reflow-320");
    expect(problem?.selector).toBe("#main > div");
  });

  it("fails a language link whose text would be read in the page's language", () => {
    expect(rulesOn("/de/sprachlink/")).toEqual(new Set(["probe:language-link-lang"]));
    const problem = result.problems.find((candidate) => candidate.rule === "language-link-lang");
    expect(problem?.message).toContain('give it lang="en"');
  });

  it("fails a page whose first Tab does not reach a skip link", () => {
    expect(rulesOn("/de/ohne-sprunglink/")).toContain("probe:skip-link");
  });

  it("fails a link without a visible focus indicator, which pa11y does not notice", () => {
    // Without an indicator in the page's colours, there is none under forced colours either.
    expect(rulesOn("/de/fokus/")).toEqual(
      new Set(["probe:focus-visible", "probe:forced-colors-focus"]),
    );
    const problem = result.problems.find(
      (candidate) => candidate.rule === "focus-visible" && candidate.url.includes("/fokus/"),
    );
    expect(problem?.message).toContain("Zur Startseite");
  });

  it("fails a link that keyboard focus reaches but that is never on screen", () => {
    expect(rulesOn("/de/versteckt/")).toEqual(
      new Set(["probe:focus-visible", "probe:forced-colors-focus"]),
    );
    const problem = result.problems.find(
      (candidate) => candidate.rule === "focus-visible" && candidate.url.includes("/versteckt/"),
    );
    expect(problem?.message).toContain(
      '"Versteckter Link" can receive keyboard focus but is not visible on screen when focused',
    );
  });

  it("fails a page that is listed in the sitemap but cannot be loaded", () => {
    expect(rulesOn("/de/fehlt/")).toContain("probe:http-status");
    expect(result.problems.find((problem) => problem.rule === "http-status")?.message).toContain(
      "HTTP 404",
    );
  });

  it("checks a built page the sitemap leaves out, and fails it for lacking the security policy", () => {
    const unlisted = result.pages.find((candidate) => candidate.path === "/de/nicht-gelistet/");
    expect(unlisted?.inSitemap).toBe(false);
    expect(rulesOn("/de/nicht-gelistet/")).toEqual(new Set(["probe:csp-meta"]));
  });

  it("says per WCAG criterion which checks failed", () => {
    const criterion = (id: string) => result.coverage.find((candidate) => candidate.id === id);
    expect(criterion("1.4.10")).toMatchObject({
      result: "failed",
      failures: { "probe:reflow-320": 1 },
    });
    expect(criterion("1.4.3")?.result).toBe("failed");
    expect(criterion("2.4.11")?.result).toBe("no-failures-found");
    expect(criterion("1.2.5")?.result).toBe("needs-person");
  });

  for (const [path, { criterion, check }] of Object.entries(KINDS)) {
    it(`reports ${path} under WCAG ${criterion}, found by ${check}`, () => {
      expect(rulesOn(path)).toContain(check);
      const reported = result.coverage.find((candidate) => candidate.id === criterion);
      expect(reported?.result).toBe("failed");
      expect(reported?.failures[check]).toBeGreaterThan(0);
    });
  }

  it("fails none of the accessible controls, and leaves nothing of them undecided", () => {
    for (const path of Object.keys(CONTROLS)) {
      expect(
        [path, ...rulesOn(path)],
        JSON.stringify(
          result.pages
            .find((page) => page.path === path)
            ?.problems.map((problem) => problem.message),
        ),
      ).toEqual([path]);
      expect(result.undecided.filter((problem) => problem.url.endsWith(path))).toEqual([]);
    }
  });

  it("finds nothing on the clean pages of the same site", () => {
    for (const path of CLEAN_PAGES) expect([path, ...rulesOn(path)]).toEqual([path]);
  });
});

describe("the accessibility gate on a site it cannot read", () => {
  it("fails when the sitemap lists no pages, without starting a browser", async () => {
    const dir = temporaryDir("empty");
    writeFiles(dir, { ...cleanSiteFiles(), "sitemap.xml": sitemap([]) });
    const result = await checkAccessibility({ siteDir: dir, cache: false });
    expect(result).toMatchObject({ ok: false, pagesChecked: 0, pages: [] });
    expect(result.fatal).toMatch(/lists no pages/);
  });

  it("fails when there is no sitemap", async () => {
    const dir = temporaryDir("no-sitemap");
    const files = cleanSiteFiles();
    delete files["sitemap.xml"];
    writeFiles(dir, files);
    const result = await checkAccessibility({ siteDir: dir, cache: false });
    expect(result.ok).toBe(false);
    expect(result.fatal).toMatch(/sitemap\.xml" is missing/);
  });

  it("fails when a shard gets no pages", async () => {
    const dir = temporaryDir("tiny");
    writeFiles(dir, cleanSiteFiles());
    const result = await checkAccessibility({
      siteDir: dir,
      cache: false,
      shard: { index: 9, total: 9 },
    });
    expect(result.ok).toBe(false);
    expect(result.fatal).toMatch(/Shard 9\/9 has no pages/);
  });
});

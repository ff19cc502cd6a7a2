import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { PNG } from "pngjs";
import type { Browser, Page } from "puppeteer-core";
import { openCheckTab } from "../../../src/checks/a11y/check-page.ts";
import { installPageHelpers } from "../../../src/checks/a11y/in-page.ts";
import type { PageProbe, ProbeFinding } from "../../../src/checks/a11y/probes/types.ts";
import type { Problem } from "../../../src/checks/a11y/types.ts";
import {
  servedDocumentOf,
  type ServedDocument,
} from "../../../src/checks/a11y/probes/served-document.ts";
import { startSiteServer, type SiteServer } from "../../../src/checks/a11y/server.ts";
import { kernFontFile } from "../../../src/lib/fonts.ts";
import { projectRoot } from "../../../src/lib/project.ts";
import { metaContentSecurityPolicy } from "../../../src/lib/security.ts";
import { sharedBrowser } from "../../support/browser.ts";
import { makeTempDirSync } from "../../support/temp.ts";

/** Base URL the fixture sitemaps use, as the real build does by default. */
export const BASE_URL = "http://localhost:8080";

/** A stylesheet that passes every check: readable contrast, visible focus, a skip link shown on focus. */
export const CLEAN_CSS = `body { margin: 0; font-family: sans-serif; color: #1a1a1a; background: #ffffff; }
/* Long German compounds would otherwise run past a 320 px wide screen; a heading small enough
   that none has to break inside itself there. */
body { overflow-wrap: break-word; }
h1 { font-size: 1.75rem; }
a { color: #0b4a8b; }
a:focus-visible { outline: 3px solid #0b4a8b; outline-offset: 2px; }
.skip-link { position: absolute; left: -10000px; top: 0; padding: 0.5rem; background: #ffffff; }
.skip-link:focus { left: 0; }
main:focus { outline: none; }
`;

/** Parts of a fixture page; everything not given is the clean default. */
export interface PageParts {
  /** <html lang>; null leaves the attribute out. */
  lang: string | null;
  title: string;
  /** Markup inside <main>, after the <h1>. */
  body?: string;
  /** Extra markup at the end of <head>. */
  head?: string;
  skipLink?: boolean;
  /** Language of the other version the switcher links to; null leaves the switcher out. */
  otherLanguage?: string | null;
  /** False leaves lang off the switcher's link. */
  switcherLinkLang?: boolean;
  /** False leaves the Content-Security-Policy meta tag out. */
  csp?: boolean;
}

const WORDS = {
  de: {
    skip: "Zum Inhalt springen",
    nav: "Sprache",
    other: "Deutsch",
    footer: "Impressum und Datenschutz",
  },
  en: {
    skip: "Skip to content",
    nav: "Language",
    other: "English",
    footer: "Legal notice and privacy",
  },
} as const;

/** A complete page: skip link, header with language switcher, main with an h1, footer. */
export function page(parts: PageParts): string {
  const words = parts.lang === "en" ? WORDS.en : WORDS.de;
  const other =
    parts.otherLanguage === undefined ? (parts.lang === "en" ? "de" : "en") : parts.otherLanguage;
  const switcher =
    other === null
      ? ""
      : `<nav class="language-switcher" aria-label="${words.nav}">
<a href="/${other}/"${parts.switcherLinkLang === false ? "" : ` lang="${other}"`} hreflang="${other}">${other === "de" ? WORDS.en.other : WORDS.de.other}</a>
</nav>`;
  return `<!DOCTYPE html>
<html${parts.lang === null ? "" : ` lang="${parts.lang}"`}>
<head>
${parts.csp === false ? "" : `<meta http-equiv="Content-Security-Policy" content="${metaContentSecurityPolicy}">`}
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${parts.title}</title>
<link rel="stylesheet" href="/assets/site.css">
${parts.head ?? ""}
</head>
<body>
${parts.skipLink === false ? "" : `<a class="skip-link" href="#main">${words.skip}</a>`}
<header>
${switcher}
</header>
<main id="main" tabindex="-1">
<h1>${parts.title}</h1>
${parts.body ?? "<p>Ein kurzer Absatz.</p>"}
</main>
<footer>
<p>${words.footer}</p>
</footer>
</body>
</html>
`;
}

/** A sitemap listing the given paths on BASE_URL. */
export function sitemap(paths: readonly string[]): string {
  const entries = paths.map((path) => `  <url><loc>${BASE_URL}${path}</loc></url>`).join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries}
</urlset>
`;
}

/**
 * A PNG without text, each pixel coloured by `colour(x, y)` ([r, g, b]): a stand-in for a
 * photograph or a background picture.
 */
export function picture(
  width: number,
  height: number,
  colour: (x: number, y: number) => [number, number, number],
): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const offset = (y * width + x) * 4;
      const [r, g, b] = colour(x, y);
      png.data[offset] = r;
      png.data[offset + 1] = g;
      png.data[offset + 2] = b;
      png.data[offset + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

/** A dark, a light and a colourful picture without text, and one that shows "Jetzt anmelden". */
export function pictures(): Record<string, Buffer> {
  return {
    "assets/dark.png": picture(320, 160, (x, y) => [20 + (x % 17), 30 + (y % 13), 60]),
    "assets/light.png": picture(320, 160, (x, y) => [230 + (x % 17), 228 + (y % 13), 220]),
    "assets/gradient.png": picture(320, 160, (x, y) => [
      Math.round((x / 320) * 255),
      80,
      Math.round((y / 160) * 255),
    ]),
    "assets/text.png": readFileSync(join(import.meta.dirname, "images", "text.png")),
  };
}

/**
 * The site's own typeface, whose letters reach further above and below the text than the
 * browser's default fonts: with `line-height: 1` they pass the line box, which is no text cut
 * off. Use the family "Fira Sans" once `siteFontFiles()` are in the site and this CSS is in its
 * stylesheet.
 */
export const SITE_FONT_FACE = `@font-face { font-family: "Fira Sans"; src: url(/assets/fira-sans.woff2); }
`;

/** The font file `SITE_FONT_FACE` loads, from the design system's package as the build takes it. */
export function siteFontFiles(): Record<string, Buffer> {
  const file = kernFontFile(
    { family: "Fira Sans", weight: 400, style: "normal", url: "" },
    projectRoot,
  );
  if (file === undefined) throw new Error("The design system has no Fira Sans 400.");
  return { "assets/fira-sans.woff2": readFileSync(file) };
}

/** Writes files (site-relative path → content) into dir. */
export function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

/** The files of a small clean bilingual site: chooser, both start pages, both 404 pages, stylesheet, sitemap. */
export function cleanSiteFiles(): Record<string, string> {
  return {
    "assets/site.css": CLEAN_CSS,
    "index.html": page({
      lang: "de",
      title: "Gesundheitswirtschaft – Sprache wählen",
      // Each link's language comes from its section, as on the real chooser.
      body: `<section lang="de" aria-labelledby="wahl-de">
<h2 id="wahl-de">Deutsch</h2>
<p><a href="/de/" hreflang="de">Website auf Deutsch lesen</a></p>
</section>
<section lang="en" aria-labelledby="choose-en">
<h2 id="choose-en">English</h2>
<p><a href="/en/" hreflang="en">Read the website in English</a></p>
</section>`,
      otherLanguage: null,
    }),
    "de/index.html": page({ lang: "de", title: "Gesundheitswirtschaft in den Regionen" }),
    "en/index.html": page({
      lang: "en",
      title: "Health economy in the regions",
      body: "<p>A short paragraph.</p>",
    }),
    "de/404.html": page({ lang: "de", title: "Seite nicht gefunden" }),
    "en/404.html": page({ lang: "en", title: "Page not found", body: "<p>A short paragraph.</p>" }),
    "sitemap.xml": sitemap(["/de/", "/en/"]),
  };
}

/** A fresh temporary folder, removed after the test file has run (see tests/setup.ts). */
export function temporaryDir(prefix: string): string {
  return makeTempDirSync(`a11y-test-${prefix}-`);
}

/** A probe's failing and similar passing page: markup inside <main>, and extra CSS for each. */
export interface ProbeCase {
  bad: [body: string, css: string];
  good: [body: string, css: string];
}

/**
 * The files of each case's two pages, `de/<name>-bad/` and `de/<name>-good/`, each with its
 * own stylesheet beside the clean one.
 */
export function probeCaseFiles(cases: Record<string, ProbeCase>): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [name, { bad, good }] of Object.entries(cases)) {
    for (const [kind, [body, css]] of [
      ["bad", bad],
      ["good", good],
    ] as const) {
      files[`assets/${name}-${kind}.css`] = css;
      files[`de/${name}-${kind}/index.html`] = page({
        lang: "de",
        title: `${name} ${kind}`,
        body,
        head: `<link rel="stylesheet" href="/assets/${name}-${kind}.css">`,
      });
    }
  }
  return files;
}

/** A fixture site served on 127.0.0.1, and a browser with one check tab open. */
export interface ServedInBrowser {
  server: SiteServer;
  browser: Browser;
  tab: Page;
  /** Closes the tab, then the server; the browser is the worker's. */
  close(): Promise<void>;
}

/** Serves the site in `dir` and opens a check tab in the worker's shared browser. */
export async function serveInBrowser(dir: string): Promise<ServedInBrowser> {
  const server = await startSiteServer(dir);
  const browser = await sharedBrowser();
  const tab = await openCheckTab(browser);
  return {
    server,
    browser,
    tab,
    close: async () => {
      await tab.close();
      await server.close();
    },
  };
}

/**
 * Loads `url` in a check tab, as the gate does, and gives the document the server sent (see
 * `servedDocumentOf`), for a probe run on its own.
 */
export async function loadForProbe(tab: Page, url: string): Promise<ServedDocument> {
  const response = await tab.goto(url, { waitUntil: "load" });
  if (response === null) throw new Error(`${url} gave no response`);
  return servedDocumentOf(tab, response);
}

/**
 * Runs one probe on its own on the page at `path` of the site served at `origin`, loaded in a
 * check tab 1280 × 800 px as the gate loads it, with `languages` as the page's languages and
 * `undecided` as what axe left open (the probe may take items out or add some).
 */
export async function runProbeOn(
  tab: Page,
  origin: string,
  path: string,
  probe: PageProbe,
  { languages, undecided = [] }: { languages: string[]; undecided?: Problem[] },
): Promise<ProbeFinding[]> {
  await tab.setViewport({ width: 1280, height: 800 });
  const served = await loadForProbe(tab, origin + path);
  await tab.evaluate(installPageHelpers);
  const sitePage = { path, url: `https://example.org${path}`, file: null, inSitemap: true };
  return probe.run(tab, sitePage, { languages, undecided, memo: new Map(), served });
}

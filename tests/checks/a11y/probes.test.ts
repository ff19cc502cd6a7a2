import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "puppeteer-core";
import { checkPageInTab, openCheckTab } from "../../../src/checks/a11y/check-page.ts";
import { createValidator } from "../../../src/checks/a11y/markup.ts";
import { loadPa11yDefaults, pa11yTabOptions } from "../../../src/checks/a11y/pa11y.ts";
import { contrastProbe } from "../../../src/checks/a11y/probes/contrast.ts";
import { focusNotObscuredProbe } from "../../../src/checks/a11y/probes/focus-not-obscured.ts";
import { forcedColorsProbe } from "../../../src/checks/a11y/probes/forced-colors.ts";
import { focusVisibleProbe } from "../../../src/checks/a11y/probes/focus-visible.ts";
import { headingsProbe } from "../../../src/checks/a11y/probes/headings.ts";
import { hoverContentProbe } from "../../../src/checks/a11y/probes/hover-content.ts";
import { keyboardProbe } from "../../../src/checks/a11y/probes/keyboard.ts";
import { languageProbe } from "../../../src/checks/a11y/probes/language.ts";
import { linkPurposeProbe } from "../../../src/checks/a11y/probes/link-purpose.ts";
import { meaningProbe } from "../../../src/checks/a11y/probes/meaning.ts";
import { motionProbe } from "../../../src/checks/a11y/probes/motion.ts";
import { nonTextContrastProbe } from "../../../src/checks/a11y/probes/non-text-contrast.ts";
import { imagesOfTextProbe } from "../../../src/checks/a11y/probes/ocr.ts";
import { printProbe } from "../../../src/checks/a11y/probes/print.ts";
import { reflowProbe } from "../../../src/checks/a11y/probes/reflow.ts";
import { resizeTextProbe } from "../../../src/checks/a11y/probes/resize-text.ts";
import { gatherFacts } from "../../../src/checks/a11y/probes/site.ts";
import { targetSizeProbe } from "../../../src/checks/a11y/probes/target-size.ts";
import { textSpacingProbe } from "../../../src/checks/a11y/probes/text-spacing.ts";
import type { PageProbe, ProbeFinding } from "../../../src/checks/a11y/probes/types.ts";
import { startSiteServer, type SiteServer } from "../../../src/checks/a11y/server.ts";
import { projectRoot } from "../../../src/lib/project.ts";
import type { Problem } from "../../../src/checks/a11y/types.ts";
import {
  runProbeOn,
  CLEAN_CSS,
  page,
  pictures,
  SITE_FONT_FACE,
  siteFontFiles,
  temporaryDir,
  writeFiles,
} from "./fixtures.ts";
import { sharedBrowser } from "../../support/browser.ts";

/** A probe's failing page and a similar passing one: markup inside <main> and extra CSS. */
interface ProbeCase {
  probe: PageProbe;
  /** The rules the bad page fails. */
  rules: string[];
  bad: [string, string];
  good: [string, string];
  /** A selector axe could not decide (its "needs review" contrast), handed to the probe. */
  undecided?: string;
  /** The pages' titles (and h1s), when the case needs its own; else the case's name. */
  titles?: [string, string];
}

const LONG_TEXT =
  "Die Gesundheitswirtschaft beschäftigt in beiden Regionen viele Menschen, und dieser Absatz ist lang genug für einen Vergleich.";

const CASES: Record<string, ProbeCase> = {
  "text-spacing": {
    probe: textSpacingProbe,
    rules: ["text-spacing"],
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
    probe: resizeTextProbe,
    rules: ["resize-text"],
    bad: ['<p class="box">Text in einer Box</p>', ".box { height: 24px; overflow: hidden; }"],
    good: ['<p class="box">Text in einer Box</p>', ".box { min-height: 1.5rem; }"],
  },
  // Letters of a tight line height reach past their line box, which is no text cut off; a box
  // that clips them at 200 % is.
  "resize-text (tight line height)": {
    probe: resizeTextProbe,
    rules: ["resize-text"],
    bad: [
      '<p class="t">Große Zahl gyp</p>',
      `${SITE_FONT_FACE} .t { font-family: "Fira Sans"; line-height: 1; height: 20px; overflow: hidden; }`,
    ],
    good: [
      '<p class="t">Große Zahl gyp</p>',
      `${SITE_FONT_FACE} .t { font-family: "Fira Sans"; line-height: 1; }`,
    ],
  },
  "target-size": {
    probe: targetSizeProbe,
    rules: ["target-size"],
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
    probe: focusNotObscuredProbe,
    rules: ["focus-not-obscured"],
    bad: [
      '<div class="spacer"></div><p><a href="/de/">Verdeckter Link</a></p><div class="banner"></div>',
      ".spacer { height: 640px; } .banner { position: fixed; left: 0; right: 0; bottom: 0; height: 300px; background: #ffffff; }",
    ],
    good: [
      '<div class="spacer"></div><p><a href="/de/">Verdeckter Link</a></p><div class="banner"></div>',
      ".spacer { height: 640px; } .banner { height: 300px; background: #ffffff; }",
    ],
  },
  "heading-levels": {
    probe: headingsProbe,
    rules: ["heading-levels", "heading-text"],
    bad: ["<h3>Unterabschnitt</h3><h2></h2><p>Text.</p>", ""],
    good: ["<h2>Abschnitt</h2><h3>Unterabschnitt</h3><p>Text.</p>", ""],
  },
  "heading-text": {
    probe: headingsProbe,
    rules: ["heading-text"],
    bad: ["<h2>Details</h2><p>Eins.</p><h2>Details</h2><p>Zwei.</p>", ""],
    good: ["<h2>Details zu Berlin</h2><p>Eins.</p><h2>Details zu Bochum</h2><p>Zwei.</p>", ""],
  },
  "forced-colors": {
    probe: forcedColorsProbe,
    rules: ["forced-colors-focus", "forced-colors-graphics"],
    bad: [
      '<p><a class="halo" href="/de/">Startseite</a></p><figure><span class="bar"></span><figcaption>Balken</figcaption></figure>',
      ".halo:focus-visible { outline: none; box-shadow: 0 0 0 4px #0b4a8b; } .bar { display: block; width: 200px; height: 20px; background: #0b5c4a; }",
    ],
    good: [
      '<p><a href="/de/">Startseite</a></p><figure><svg class="bar" width="200" height="20" aria-hidden="true"><rect width="200" height="20"></rect></svg><figcaption>Balken</figcaption></figure>',
      ".bar { display: block; fill: #0b5c4a; }",
    ],
  },
  print: {
    probe: printProbe,
    rules: ["print"],
    bad: ['<p class="note">Wichtiger Hinweis.</p>', "@media print { .note { display: none; } }"],
    good: [
      '<p class="note">Wichtiger Hinweis.</p>',
      "@media print { header nav { display: none; } }",
    ],
  },
  // Kind 1: contrast of states and non-text parts, decided from what renders.
  "contrast-states (hover)": {
    probe: contrastProbe,
    rules: ["contrast-states"],
    bad: [
      '<p><a class="pale" href="/en/">Zur englischen Fassung</a></p>',
      ".pale:hover { color: #c8c8c8; }",
    ],
    good: [
      '<p><a class="pale" href="/en/">Zur englischen Fassung</a></p>',
      ".pale:hover { color: #063d31; }",
    ],
  },
  "contrast-states (placeholder)": {
    probe: contrastProbe,
    rules: ["contrast-states"],
    bad: [
      '<p><label for="q">Suche</label> <input id="q" placeholder="Stichwort"></p>',
      "#q::placeholder { color: #bbbbbb; }",
    ],
    good: [
      '<p><label for="q">Suche</label> <input id="q" placeholder="Stichwort"></p>',
      "#q::placeholder { color: #595959; }",
    ],
  },
  "contrast-background": {
    probe: contrastProbe,
    rules: ["contrast-background"],
    undecided: "#main > div > p",
    bad: [
      '<div class="hero"><p>Heller Text auf einem Bild</p></div>',
      ".hero { background: url(/assets/light.png); color: #ffffff; padding: 1rem; }",
    ],
    // Light text on a dark picture: readable, though axe cannot tell.
    good: [
      '<div class="hero"><p>Heller Text auf einem Bild</p></div>',
      ".hero { background: url(/assets/dark.png); color: #ffffff; padding: 1rem; }",
    ],
  },
  "non-text-contrast (chart)": {
    probe: nonTextContrastProbe,
    rules: ["non-text-contrast"],
    bad: [
      '<figure><svg width="200" height="20" aria-hidden="true"><rect width="120" height="20"></rect></svg><figcaption>Beschäftigte</figcaption></figure>',
      "figure rect { fill: #dddddd; }",
    ],
    good: [
      '<figure><svg width="200" height="20" aria-hidden="true"><rect width="120" height="20"></rect></svg><figcaption>Beschäftigte</figcaption></figure>',
      "figure rect { fill: #0b5c4a; }",
    ],
  },
  "non-text-contrast (field)": {
    probe: nonTextContrastProbe,
    rules: ["non-text-contrast"],
    bad: [
      '<p><label for="q">Suche</label> <input id="q"></p>',
      "#q { border: 1px solid #e0e0e0; background: #ffffff; }",
    ],
    good: [
      '<p><label for="q">Suche</label> <input id="q"></p>',
      "#q { border: 1px solid #767676; background: #ffffff; }",
    ],
  },
  // A faint graphic fails in a figure; the same as decoration hidden from assistive technology passes.
  "non-text-contrast (ornament)": {
    probe: nonTextContrastProbe,
    rules: ["non-text-contrast"],
    bad: [
      '<figure><svg width="40" height="40" aria-hidden="true"><circle cx="20" cy="20" r="18"></circle></svg><figcaption>Anteil</figcaption></figure>',
      "circle { fill: #eeeeee; }",
    ],
    good: [
      '<p><svg width="40" height="40" aria-hidden="true"><circle cx="20" cy="20" r="18"></circle></svg> Ein Absatz mit Zierde.</p>',
      "circle { fill: #eeeeee; }",
    ],
  },
  // Kind 2: focus you cannot see, measured from the indicator's pixels.
  "focus-visible": {
    probe: focusVisibleProbe,
    rules: ["focus-visible"],
    bad: [
      '<p><a class="same" href="/en/">Zur englischen Fassung</a> <a class="same" href="/de/">Zur Startseite</a></p>',
      "a.same:focus-visible { outline: 3px solid #ffffff; }",
    ],
    good: ['<p><a class="same" href="/en/">Zur englischen Fassung</a></p>', ""],
  },
  "focus-contrast": {
    probe: focusVisibleProbe,
    rules: ["focus-contrast"],
    bad: [
      '<p><a class="faint" href="/en/">Zur englischen Fassung</a></p>',
      "a.faint:focus-visible { outline: 3px solid #e8e8e8; }",
    ],
    good: [
      '<p><a class="faint" href="/en/">Zur englischen Fassung</a></p>',
      "a.faint:focus-visible { outline: 3px solid #595959; }",
    ],
  },
  // Kind 3: keyboard.
  "keyboard-reach (link)": {
    probe: keyboardProbe,
    rules: ["keyboard-reach"],
    bad: ['<p><a href="/de/quellen/" tabindex="-1">Die Quellen</a></p>', ""],
    good: ['<p><a href="/de/quellen/">Die Quellen</a></p>', ""],
  },
  "keyboard-reach (label)": {
    probe: keyboardProbe,
    rules: ["keyboard-reach"],
    bad: [
      '<p><input type="checkbox" id="mehr" class="toggle"><label for="mehr">Mehr zeigen</label></p>',
      ".toggle { display: none; }",
    ],
    good: [
      '<p><input type="checkbox" id="mehr" class="toggle"><label for="mehr">Mehr zeigen</label></p>',
      ".toggle { position: absolute; opacity: 0; }",
    ],
  },
  "keyboard-trap": {
    probe: keyboardProbe,
    rules: ["keyboard-trap"],
    bad: [
      '<div id="falle"><a href="/de/">Eins</a> <a href="/en/">Zwei</a></div><p><a href="/de/404.html">Danach</a></p><script src="/assets/trap.js"></script>',
      "",
    ],
    good: [
      '<div id="falle"><a href="/de/">Eins</a> <a href="/en/">Zwei</a></div><p><a href="/de/404.html">Danach</a></p>',
      "",
    ],
  },
  "focus-order": {
    probe: keyboardProbe,
    rules: ["focus-order"],
    bad: [
      '<p class="row"><a href="/de/">Erster</a><a href="/en/">Zweiter</a></p>',
      ".row { display: flex; flex-direction: row-reverse; justify-content: flex-end; gap: 1rem; }",
    ],
    good: [
      '<p class="row"><a href="/de/">Erster</a><a href="/en/">Zweiter</a></p>',
      ".row { display: flex; gap: 1rem; }",
    ],
  },
  // Kind 4: reflow and resize.
  "reflow-clipped": {
    probe: reflowProbe,
    rules: ["reflow-clipped"],
    bad: [
      '<div class="box"><p>Ein langer Satz in einer festen Breite, der am Rand abgeschnitten wird.</p></div>',
      ".box { overflow: hidden; } .box p { width: 600px; }",
    ],
    good: [
      '<div class="box"><p>Ein langer Satz in einer festen Breite, der am Rand abgeschnitten wird.</p></div>',
      ".box { overflow: hidden; } .box p { max-width: 600px; }",
    ],
  },
  "resize-text-viewport": {
    probe: reflowProbe,
    rules: ["resize-text-viewport"],
    bad: ['<p class="vw">Text, der mit dem Fenster wächst</p>', ".vw { font-size: 1.5vw; }"],
    good: [
      '<p class="vw">Text, der mit dem Fenster wächst</p>',
      ".vw { font-size: clamp(1rem, 1.5vw + 0.5rem, 2rem); }",
    ],
  },
  orientation: {
    probe: reflowProbe,
    rules: ["orientation"],
    bad: [
      `<p>${LONG_TEXT}</p><p>${LONG_TEXT}</p>`,
      "@media (orientation: portrait) { main p { display: none; } }",
    ],
    good: [
      `<p>${LONG_TEXT}</p><p>${LONG_TEXT}</p>`,
      "@media (orientation: portrait) { main p { font-size: 1.1rem; } }",
    ],
  },
  // Kind 5: meaning in the markup.
  "image-alt-text": {
    probe: meaningProbe,
    rules: ["image-alt-text"],
    bad: ['<p><img src="/assets/gradient.png" alt="IMG_2041.jpg" width="40" height="20"></p>', ""],
    good: [
      '<p><img src="/assets/gradient.png" alt="Farbverlauf von Blau nach Rot" width="40" height="20"></p>',
      "",
    ],
  },
  "svg-name": {
    probe: meaningProbe,
    rules: ["svg-name"],
    bad: ['<p><svg width="40" height="40"><circle cx="20" cy="20" r="18"></circle></svg></p>', ""],
    good: [
      '<p><svg width="40" height="40" aria-hidden="true"><circle cx="20" cy="20" r="18"></circle></svg></p>',
      "",
    ],
  },
  "table-headers": {
    probe: meaningProbe,
    rules: ["table-headers"],
    bad: [
      "<table><tr><td>Region</td><td>Beschäftigte</td></tr><tr><td>Berlin</td><td>370.000</td></tr></table>",
      "",
    ],
    good: [
      '<table><tr><th scope="col">Region</th><th scope="col">Beschäftigte</th></tr><tr><td>Berlin</td><td>370.000</td></tr></table>',
      "",
    ],
  },
  "heading-markup": {
    probe: meaningProbe,
    rules: ["heading-markup"],
    bad: [
      `<p class="big">Unsere Schwerpunkte</p><p>${LONG_TEXT}</p>`,
      ".big { font-size: 1.6rem; font-weight: 700; }",
    ],
    good: [`<h2>Unsere Schwerpunkte</h2><p>${LONG_TEXT}</p>`, ""],
  },
  "list-markup": {
    probe: meaningProbe,
    rules: ["list-markup"],
    bad: ["<p>• Krankenhäuser<br>• Apotheken<br>• Labore</p>", ""],
    good: ["<ul><li>Krankenhäuser</li><li>Apotheken</li><li>Labore</li></ul>", ""],
  },
  // Kind 6: language of parts.
  "language-of-parts": {
    probe: languageProbe,
    rules: ["language-of-parts"],
    bad: [
      `<p>${LONG_TEXT}</p><p>The health economy employs many people in both regions, and this sentence is written in English.</p><p>${LONG_TEXT}</p>`,
      "",
    ],
    good: [
      `<p>${LONG_TEXT}</p><p lang="en">The health economy employs many people in both regions, and this sentence is written in English.</p><p>${LONG_TEXT}</p>`,
      "",
    ],
  },
  // The page's language from all its text, however short each piece: title, heading, list items.
  "html-lang (text)": {
    probe: languageProbe,
    rules: ["html-lang"],
    titles: ["Health economy figures", "Zahlen zur Gesundheitswirtschaft"],
    bad: [
      "<ul><li>Jobs in the health economy</li><li>Revenue of the sector</li><li>Where the figures come from</li><li>How to contact us</li></ul>",
      "",
    ],
    good: [
      "<ul><li>Arbeitsplätze in der Gesundheitswirtschaft</li><li>Umsatz der Branche</li><li>Woher die Zahlen kommen</li><li>Wie Sie uns erreichen</li></ul>",
      "",
    ],
  },
  // Kind 7: wording within a page (across pages: site-probes.test.ts).
  "link-purpose": {
    probe: linkPurposeProbe,
    rules: ["link-purpose"],
    bad: [
      '<ul><li><a href="/de/">Mehr erfahren</a></li><li><a href="/en/">Mehr erfahren</a></li></ul>',
      "",
    ],
    good: [
      '<p>Über Berlin-Brandenburg: <a href="/de/">Mehr erfahren</a></p><p>Über Nordrhein-Westfalen: <a href="/en/">Mehr erfahren</a></p>',
      "",
    ],
  },
  "link-purpose (headings)": {
    probe: linkPurposeProbe,
    rules: ["link-purpose"],
    bad: [
      '<h2>Deutsch</h2><ul><li><a href="/de/">Berlin-Brandenburg</a></li></ul><ul><li><a href="/en/">Berlin-Brandenburg</a></li></ul>',
      "",
    ],
    good: [
      '<h2>Deutsch</h2><ul><li><a href="/de/">Berlin-Brandenburg</a></li></ul><h2>English</h2><ul><li><a href="/en/">Berlin-Brandenburg</a></li></ul>',
      "",
    ],
  },
  // Kind 8: motion and content on hover or focus.
  motion: {
    probe: motionProbe,
    rules: ["motion"],
    bad: [
      '<p class="blink">Neu</p>',
      ".blink { animation: blink 1s steps(2) infinite; } @keyframes blink { 50% { opacity: 0; } }",
    ],
    good: [
      '<p class="blink">Neu</p>',
      "@media (prefers-reduced-motion: no-preference) { .blink { animation: blink 1s steps(2) infinite; } } @keyframes blink { 50% { opacity: 0; } }",
    ],
  },
  "hover-content": {
    probe: hoverContentProbe,
    rules: ["hover-content"],
    bad: [
      `<p><span class="term" tabindex="0">Cluster</span><span class="tip">Ein Netz von Unternehmen und Einrichtungen</span></p><p>${LONG_TEXT}</p>`,
      ".tip { display: none; position: absolute; left: 1rem; margin-top: 1.5rem; background: #ffffff; border: 1px solid #1a1a1a; } .term:hover + .tip, .term:focus + .tip { display: block; }",
    ],
    good: [
      `<p><span class="term" tabindex="0">Cluster<span class="tip"> (ein Netz von Unternehmen und Einrichtungen)</span></span></p><p>${LONG_TEXT}</p>`,
      ".tip { display: none; } .term:hover .tip, .term:focus .tip { display: inline; }",
    ],
  },
  "hover-only-content": {
    probe: hoverContentProbe,
    rules: ["hover-only-content"],
    bad: [
      '<div class="menu"><a href="/de/">Regionen</a><ul class="sub"><li><a href="/en/">Berlin</a></li></ul></div>',
      ".sub { display: none; } .menu:hover .sub { display: block; }",
    ],
    good: [
      '<div class="menu"><a href="/de/">Regionen</a><ul class="sub"><li><a href="/en/">Berlin</a></li></ul></div>',
      ".sub { display: none; } .menu:hover .sub, .menu:focus-within .sub { display: block; }",
    ],
  },
  // Kind 9: text in images.
  "image-of-text": {
    probe: imagesOfTextProbe,
    rules: ["image-of-text", "image-text-hidden"],
    bad: ['<p><img src="/assets/text.png" alt=""></p>', ""],
    good: ['<p><img src="/assets/gradient.png" alt="Farbverlauf von Blau nach Rot"></p>', ""],
  },
};

/** Focus stays on the first two links: Tab moves it from one to the other. */
const TRAP_SCRIPT = `const links = [...document.querySelectorAll("#falle a")];
document.getElementById("falle").addEventListener("keydown", (event) => {
  if (event.key !== "Tab") return;
  event.preventDefault();
  links[(links.indexOf(document.activeElement) + 1) % links.length].focus();
});
`;

let server: SiteServer;
let browser: Browser;
let tab: Page;

beforeAll(async () => {
  const dir = temporaryDir("probes");
  const files: Record<string, string | Buffer> = {
    ...pictures(),
    ...siteFontFiles(),
    "assets/site.css": CLEAN_CSS,
    "assets/trap.js": TRAP_SCRIPT,
    "de/mit-csp/index.html": page({ lang: "de", title: "Mit Richtlinie" }),
    // Too little text to tell its language by.
    "de/kurz/index.html": page({ lang: "de", title: "Kurz", body: "<p>Ja.</p>", skipLink: false }),
  };
  for (const [name, { bad, good, titles }] of Object.entries(CASES)) {
    for (const [kind, [body, css], title] of [
      ["bad", bad, titles?.[0]],
      ["good", good, titles?.[1]],
    ] as const) {
      files[`assets/${slug(name)}-${kind}.css`] = css;
      files[`de/${slug(name)}-${kind}/index.html`] = page({
        lang: "de",
        title: title ?? `${name} ${kind}`,
        body,
        head: `<link rel="stylesheet" href="/assets/${slug(name)}-${kind}.css">`,
      });
    }
  }
  writeFiles(dir, files);
  server = await startSiteServer(dir);
  browser = await sharedBrowser();
  tab = await openCheckTab(browser);
});

afterAll(async () => {
  await tab.close();
  await server.close();
});

/** A case's name as a folder name. */
function slug(name: string): string {
  return name.replace(/[^a-z0-9]+/g, "-").replace(/-$/, "");
}

/** What the last probe run left undecided. */
let leftUndecided: Problem[] = [];

/**
 * Runs a probe on a page of the fixture site, handing it what axe "could not decide" where a
 * case says so; what is left undecided afterwards is in `leftUndecided`.
 */
async function probeOn(path: string, probe: PageProbe, undecided?: string) {
  const url = `https://example.org${path}`;
  const open: Problem[] =
    undecided === undefined
      ? []
      : [
          {
            url,
            runner: "axe",
            rule: "color-contrast",
            selector: undecided,
            message: "axe could not tell the background colour",
            context: "",
            severity: "warning",
          },
        ];
  const findings = await runProbeOn(tab, server.origin, path, probe, {
    languages: ["de"],
    undecided: open,
  });
  leftUndecided = open;
  return findings;
}

/** What each case's bad page gave, for the tests of how findings are reported. */
const badFindings = new Map<string, ProbeFinding[]>();

/** PNG files begin with these bytes. */
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];

describe("each probe in a real browser", () => {
  for (const [name, { probe, rules, undecided }] of Object.entries(CASES)) {
    it(`${name} fails its bad page and passes the similar good page`, async () => {
      const failing = await probeOn(`/de/${slug(name)}-bad/`, probe, undecided);
      badFindings.set(name, failing);
      expect(new Set(failing.map((finding) => finding.rule))).toEqual(new Set(rules));
      const passing = await probeOn(`/de/${slug(name)}-good/`, probe, undecided);
      expect(passing).toEqual([]);
      // What the probe decided is no longer left to a person.
      expect(leftUndecided).toEqual([]);
    });
  }

  it("gives each finding of a visual probe a screenshot of its element, and what it measured", () => {
    const visual = [
      "text-spacing",
      "resize-text",
      "resize-text (tight line height)",
      "target-size",
      "forced-colors",
      "reflow-clipped",
      "resize-text-viewport",
      "motion",
    ];
    for (const name of visual) {
      const findings = badFindings.get(name) ?? [];
      expect([name, findings.length > 0]).toEqual([name, true]);
      for (const finding of findings) {
        expect([name, finding.rule, [...(finding.screenshot ?? []).slice(0, 4)]]).toEqual([
          name,
          finding.rule,
          PNG_SIGNATURE,
        ]);
        if (finding.rule !== "forced-colors-graphics" && finding.rule !== "forced-colors-focus") {
          expect([name, finding.measured]).toEqual([name, expect.any(Object)]);
        }
      }
    }
  });

  it("names the site's paths in messages, never the address of the gate's own server", () => {
    const messages = [...badFindings.values()].flat().map((finding) => finding.message);
    expect(messages.filter((message) => message.includes(server.origin))).toEqual([]);
    expect(badFindings.get("link-purpose")?.[0]?.message).toMatch(
      /^The link "Mehr erfahren" leads to \/(de|en)\/, but a link of the same name leads to \/(de|en)\//,
    );
    expect(badFindings.get("image-of-text")?.map((finding) => finding.message)).toContainEqual(
      expect.stringMatching(/^The image \/assets\/text\.png shows the text/),
    );
  });

  it("quotes the page's markup without the attributes the gate sets to give elements states", () => {
    const [hover] = badFindings.get("contrast-states (hover)") ?? [];
    expect(hover?.context).toBe('<a class="pale" href="/en/">Zur englischen Fassung</a>');
  });

  it("leaves the page's language to a person when its text is too short to tell", async () => {
    expect(await probeOn("/de/kurz/", languageProbe)).toEqual([]);
    expect(leftUndecided.map((problem) => [problem.rule, problem.message])).toEqual([
      [
        "html-lang",
        expect.stringMatching(
          /^Whether the page is in German, as <html lang> says, cannot be told from its text \(it has \d+ letters/,
        ) as unknown,
      ],
    ]);
  });

  it("headings names both the skipped level and the empty heading", async () => {
    const messages = (await probeOn("/de/heading-levels-bad/", headingsProbe)).map(
      (finding) => finding.message,
    );
    expect(messages.join("\n")).toMatch(/An h3 follows an h1, skipping level 2/);
    expect(messages.join("\n")).toMatch(/An h2 has no text/);
  });

  it("focus-visible measures a focus style on a background once and names the element measured for the others", async () => {
    const messages = (await probeOn("/de/focus-visible-bad/", focusVisibleProbe)).map(
      (finding) => finding.message,
    );
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(
      /"Zur englischen Fassung" looks the same with and without keyboard focus \(WCAG/,
    );
    expect(messages[1]).toMatch(
      /"Zur Startseite" looks the same .* \(measured on #main > p > a:nth-of-type\(1\)/,
    );
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
      help: [],
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
        memo: new Map(),
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

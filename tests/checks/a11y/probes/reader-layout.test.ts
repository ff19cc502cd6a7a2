import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "puppeteer-core";
import { openCheckTab } from "../../../../src/checks/a11y/check-page.ts";
import {
  READER_LAYOUT_RULES,
  readerLayoutProbe,
} from "../../../../src/checks/a11y/probes/reader-layout.ts";
import { startSiteServer, type SiteServer } from "../../../../src/checks/a11y/server.ts";
import {
  runProbeOn,
  CLEAN_CSS,
  probeCaseFiles,
  SITE_FONT_FACE,
  siteFontFiles,
  temporaryDir,
  writeFiles,
  type ProbeCase,
} from "../fixtures.ts";
import { sharedBrowser } from "../../../support/browser.ts";

/** Each rule's failing page and a similar passing one: markup inside <main>, and extra CSS. */
const CASES: Record<string, ProbeCase> = {
  // The table of the site's first design: a fixed layout that breaks words anywhere.
  [READER_LAYOUT_RULES.wordBreak]: {
    bad: [
      '<table class="t"><tr><th>Gesundheitswirtschaftsregionen</th><td>Kennzahl</td></tr></table>',
      ".t { table-layout: fixed; width: 12rem; overflow-wrap: anywhere; }",
    ],
    good: [
      '<table class="t"><tr><th>Gesund&shy;heits&shy;wirt&shy;schafts&shy;re&shy;gio&shy;nen</th><td>Kennzahl</td></tr></table>',
      ".t { width: 12rem; }",
    ],
  },
  // Phones only: the h2 is as large as the h1 below 500 px.
  [READER_LAYOUT_RULES.headingSizes]: {
    bad: [
      "<h2>Abschnitt</h2><p>Text.</p><h3>Unterabschnitt</h3>",
      "h1 { font-size: 2rem; } h2 { font-size: 1.5rem; } h3 { font-size: 1.25rem; } @media (max-width: 500px) { h1, h2 { font-size: 1.5rem; } }",
    ],
    good: [
      "<h2>Abschnitt</h2><p>Text.</p><h3>Unterabschnitt</h3>",
      "h1 { font-size: 2rem; } h2 { font-size: 1.5rem; } h3 { font-size: 1.25rem; }",
    ],
  },
  [READER_LAYOUT_RULES.overflow]: {
    bad: [
      '<p class="box">Ein Satz, der nicht in seinen Kasten passt</p>',
      ".box { width: 8rem; white-space: nowrap; overflow: hidden; }",
    ],
    good: [
      '<p class="box">Ein Satz, der nicht in seinen Kasten passt</p>',
      ".box { width: 8rem; }",
    ],
  },
  [READER_LAYOUT_RULES.overlap]: {
    bad: [
      '<p>Die erste Zeile mit Text</p><p class="up">Die zweite Zeile mit Text</p>',
      "p { margin: 0; } .up { margin-top: -1em; }",
    ],
    good: [
      '<p>Die erste Zeile mit Text</p><p class="up">Die zweite Zeile mit Text</p>',
      "p { margin: 0; } .up { margin-top: 0.5em; }",
    ],
  },
};

/**
 * Content running out of its box, as the site's typeface draws it: with `line-height: 1` its
 * letters reach past the line box without anything cut off; a box that clips is cut off.
 */
const TIGHT_LINES: ProbeCase = {
  bad: [
    '<p class="t">Große Zahl gyp</p>',
    `${SITE_FONT_FACE} .t { font-family: "Fira Sans"; font-size: 2rem; line-height: 1; height: 1.5rem; overflow: hidden; }`,
  ],
  good: [
    '<p class="t">Große Zahl gyp</p><h2 class="wide">Überschrift gyp</h2>',
    `${SITE_FONT_FACE} .t { font-family: "Fira Sans"; font-size: 2rem; line-height: 1; } .wide { font-family: "Fira Sans"; font-size: 1.5rem; line-height: 1; }`,
  ],
};

/**
 * Short words broken by a style that breaks anywhere, in a box wide enough for each: the probe
 * measures every word there, not only those too long for their line.
 */
const BREAK_ALL: ProbeCase = {
  bad: [
    '<p class="n">Summe Jahr Zahl Wert Land Kreis Stadt Preis Menge Summe Jahr Zahl Wert Land</p>',
    ".n { width: 10rem; word-break: break-all; }",
  ],
  good: [
    '<p class="n">Summe Jahr Zahl Wert Land Kreis Stadt Preis Menge Summe Jahr Zahl Wert Land</p>',
    ".n { width: 10rem; }",
  ],
};

let server: SiteServer;
let browser: Browser;
let tab: Page;

beforeAll(async () => {
  const dir = temporaryDir("reader-layout");
  writeFiles(dir, {
    "assets/site.css": CLEAN_CSS,
    ...siteFontFiles(),
    ...probeCaseFiles({ ...CASES, "tight-lines": TIGHT_LINES, "break-all": BREAK_ALL }),
  });
  server = await startSiteServer(dir);
  browser = await sharedBrowser();
  tab = await openCheckTab(browser);
});

afterAll(async () => {
  await tab.close();
  await server.close();
});

async function probeOn(path: string) {
  return runProbeOn(tab, server.origin, path, readerLayoutProbe, { languages: ["de"] });
}

describe("the reader-layout probe in a real browser", () => {
  for (const rule of Object.values(READER_LAYOUT_RULES)) {
    it(`${rule}: fails its bad page and passes the similar good page`, async () => {
      const bad = await probeOn(`/de/${rule}-bad/`);
      expect(bad.length).toBeGreaterThan(0);
      expect(new Set(bad.map((finding) => finding.rule))).toEqual(new Set([rule]));
      expect(await probeOn(`/de/${rule}-good/`)).toEqual([]);
    });
  }

  it("content-overflow fails a box that clips letters of a tight line height, but not letters that only reach past their line box", async () => {
    const bad = await probeOn("/de/tight-lines-bad/");
    expect(bad.map((finding) => [finding.rule, finding.selector])).toEqual([
      [READER_LAYOUT_RULES.overflow, "#main > p"],
    ]);
    expect(await probeOn("/de/tight-lines-good/")).toEqual([]);
  });

  it("word-break: finds short words that a style breaking anywhere breaks, not only long ones", async () => {
    const bad = await probeOn("/de/break-all-bad/");
    expect(bad.length).toBeGreaterThan(0);
    expect(new Set(bad.map((finding) => finding.rule))).toEqual(
      new Set([READER_LAYOUT_RULES.wordBreak]),
    );
    expect(await probeOn("/de/break-all-good/")).toEqual([]);
  });

  it("gives each finding what was measured and a screenshot taken at the first width it was seen at", async () => {
    const [box] = await probeOn(`/de/${READER_LAYOUT_RULES.overflow}-bad/`);
    expect(box?.measured).toMatchObject({
      across: expect.stringMatching(/^\d+ px$/) as unknown,
      atWidth: "1280 px",
    });
    expect([...(box?.screenshot ?? []).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const headings = await probeOn(`/de/${READER_LAYOUT_RULES.headingSizes}-bad/`);
    expect(headings[0]?.measured).toEqual({ size: "24 px", above: "24 px", atWidth: "390 px" });
    expect(headings[0]?.screenshot).toBeInstanceOf(Uint8Array);
  });

  it("names the word, where it broke, the element and every width it broke at", async () => {
    const [finding] = await probeOn(`/de/${READER_LAYOUT_RULES.wordBreak}-bad/`);
    expect(finding?.selector).toMatch(/th$/);
    expect(finding?.message).toMatch(
      /^At 320 px, 390 px, 768 px and 1280 px wide, the word "Gesundheitswirtschaftsregionen"/,
    );
    expect(finding?.message).toMatch(/\("Gesundheits?w?[a-z]*\|[a-z]+"\)/);
  });

  it("names the headings and their sizes only at the widths where they do not fall", async () => {
    const findings = await probeOn(`/de/${READER_LAYOUT_RULES.headingSizes}-bad/`);
    expect(findings.map((finding) => finding.message)).toEqual([
      expect.stringMatching(
        /^At 320 px and 390 px wide, the h2 "Abschnitt" is 24 px, not smaller than the h1 "heading-sizes bad" \(24 px\)/,
      ),
    ]);
  });

  it("names the box that cuts its content off and the text drawn over other text", async () => {
    const [box] = await probeOn(`/de/${READER_LAYOUT_RULES.overflow}-bad/`);
    expect(box?.selector).toMatch(/p$/);
    expect(box?.message).toMatch(
      /"Ein Satz, der nicht in seinen Kasten passt" runs out of its box/,
    );
    const [overlap] = await probeOn(`/de/${READER_LAYOUT_RULES.overlap}-bad/`);
    expect(overlap?.message).toMatch(
      /the text "Die zweite Zeile mit Text" \(.+\) is drawn over the text "Die erste Zeile mit Text"/,
    );
  });

  it("leaves the tab at the width it found it", async () => {
    await probeOn(`/de/${READER_LAYOUT_RULES.overlap}-good/`);
    expect(tab.viewport()?.width).toBe(1280);
  });
});

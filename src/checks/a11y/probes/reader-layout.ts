import type { Page } from "puppeteer-core";
import { findOverflowingBoxes } from "./content-overflow.ts";
import { findHeadingSizeFaults } from "./heading-sizes.ts";
import { findOverlappingText } from "./text-overlap.ts";
import { pictureFindings } from "./screenshots.ts";
import type { PageProbe, ProbeFinding } from "./types.ts";
import { findBrokenWords } from "./word-break.ts";

/**
 * The widths readers' screens have, from a small phone (WCAG's 320 CSS pixels) through a
 * common phone and a tablet to a laptop, at which the layout probes look at every page.
 */
export const READER_WIDTHS = [1280, 768, 390, 320] as const;

/** The rules of the reader-layout probe, one per kind of fault. */
export const READER_LAYOUT_RULES = {
  wordBreak: "word-break",
  headingSizes: "heading-sizes",
  overflow: "content-overflow",
  overlap: "text-overlap",
} as const;

/** Most findings of one rule named per page; more are counted in the last one. */
const MAX_PER_RULE = 5;

/** A finding seen at one or more widths, kept once. */
interface Seen {
  rule: string;
  selector: string;
  context: string;
  widths: number[];
  message: (widths: string) => string;
  /** What was measured at the first width it was seen at. */
  measured: Record<string, string | number>;
  /** The element at the first width it was seen at. */
  screenshot?: Uint8Array;
}

function widthList(widths: readonly number[]): string {
  const sorted = [...widths].sort((a, b) => a - b).map((width) => `${width} px`);
  return sorted.length === 1
    ? (sorted[0] ?? "")
    : `${sorted.slice(0, -1).join(", ")} and ${sorted.at(-1) ?? ""}`;
}

/** What the four in-page checks found at one width. */
interface Measured {
  words: ReturnType<typeof findBrokenWords>;
  headings: ReturnType<typeof findHeadingSizeFaults>;
  boxes: ReturnType<typeof findOverflowingBoxes>;
  overlaps: ReturnType<typeof findOverlappingText>;
}

/**
 * The four in-page checks as one script, each function's own source as the browser receives it
 * from `evaluate`: one call per width instead of four, each of which cost a round trip and a
 * style check (about a quarter of the probe's time on the real site).
 */
const measureScript = `({
  words: (${findBrokenWords.toString()})(),
  headings: (${findHeadingSizeFaults.toString()})(),
  boxes: (${findOverflowingBoxes.toString()})(),
  overlaps: (${findOverlappingText.toString()})(),
})`;

/** What the four in-page checks found at the tab's width. */
async function measure(tab: Page): Promise<Measured> {
  return (await tab.evaluate(measureScript)) as Measured;
}

/**
 * The page as readers see it at 1280, 768, 390 and 320 px wide: no word broken inside itself
 * except at a hyphen or soft hyphen the text carries, headings that fall strictly in size from
 * h1 to h4, no content running out of its box, no text drawn over other text. Each finding
 * names the element, the word or text, and the widths it was seen at. The page is laid out
 * once per width and all four checks read that layout.
 */
export const readerLayoutProbe: PageProbe = {
  rules: Object.values(READER_LAYOUT_RULES),
  // A word broken inside itself makes reading harder but fails no success criterion: the map
  // lists it among its other checks.
  criteria: {
    [READER_LAYOUT_RULES.headingSizes]: ["1.3.1"],
    [READER_LAYOUT_RULES.overflow]: ["1.4.10"],
    [READER_LAYOUT_RULES.overlap]: ["1.4.10"],
  },
  async run(tab) {
    const viewport = tab.viewport();
    const seen = new Map<string, Seen>();
    // Findings first seen at the width being measured, pictured before the width changes.
    let fresh: Seen[] = [];
    const note = (finding: Omit<Seen, "widths">, width: number, key: string) => {
      const entry = seen.get(key);
      if (entry !== undefined) {
        entry.widths.push(width);
        return;
      }
      const added = { ...finding, widths: [width] };
      seen.set(key, added);
      const ofRule = [...seen.values()].filter((other) => other.rule === finding.rule).length;
      if (ofRule <= MAX_PER_RULE) fresh.push(added);
    };
    try {
      for (const width of READER_WIDTHS) {
        if (tab.viewport()?.width !== width) await tab.setViewport({ width, height: 800 });
        const { words, headings, boxes, overlaps } = await measure(tab);
        for (const word of words) {
          note(
            {
              rule: READER_LAYOUT_RULES.wordBreak,
              selector: word.selector,
              context: word.context,
              message: (at) =>
                `At ${at} wide, the word "${word.word}" in "${word.text}" is broken inside itself ("${word.split}"). ` +
                "Let words break only at a hyphen or a soft hyphen (the build adds soft hyphens to headings and table cells); " +
                "give the box room, or let a table scroll in its region, instead of overflow-wrap: anywhere, word-break or hyphens: auto.",
              measured: { word: word.word, broken: word.split, atWidth: `${width} px` },
            },
            width,
            `word|${word.selector}|${word.split}`,
          );
        }
        for (const { heading, above } of headings) {
          note(
            {
              rule: READER_LAYOUT_RULES.headingSizes,
              selector: heading.selector,
              context: heading.context,
              message: (at) =>
                `At ${at} wide, the h${heading.level} "${heading.text}" is ${heading.size} px, not smaller than the h${above.level} "${above.text}" (${above.size} px): ` +
                "readers take the larger heading for the higher level. Make each level smaller than the one above it at every width.",
              measured: {
                size: `${heading.size} px`,
                above: `${above.size} px`,
                atWidth: `${width} px`,
              },
            },
            width,
            `heading|${heading.selector}|${above.selector}|${heading.size}|${above.size}`,
          );
        }
        for (const box of boxes) {
          note(
            {
              rule: READER_LAYOUT_RULES.overflow,
              selector: box.selector,
              context: box.context,
              message: (at) =>
                `At ${at} wide, the content of "${box.text}" runs out of its box (${box.across} px across, ${box.down} px down): ` +
                "it is cut off or covers what stands beside it. Let the box grow with its content, or let it scroll in a labelled region.",
              measured: {
                across: `${box.across} px`,
                down: `${box.down} px`,
                atWidth: `${width} px`,
              },
            },
            width,
            `box|${box.selector}`,
          );
        }
        for (const { first, second } of overlaps) {
          note(
            {
              rule: READER_LAYOUT_RULES.overlap,
              selector: second.selector,
              context: second.context,
              message: (at) =>
                `At ${at} wide, the text "${second.text}" (${second.selector}) is drawn over the text "${first.text}" (${first.selector}). ` +
                "Give each its own place in the flow instead of positioning or negative margins that stack them.",
              measured: { atWidth: `${width} px` },
            },
            width,
            `overlap|${first.selector}|${second.selector}`,
          );
        }
        const pictured = await pictureFindings(
          tab,
          fresh.map(({ rule, selector, context }) => ({ rule, selector, context, message: "" })),
        );
        fresh.forEach((entry, index) => {
          const screenshot = pictured[index]?.screenshot;
          if (screenshot !== undefined) entry.screenshot = screenshot;
        });
        fresh = [];
      }
    } finally {
      if (viewport !== null) await tab.setViewport(viewport);
    }
    const findings: ProbeFinding[] = [];
    for (const rule of Object.values(READER_LAYOUT_RULES)) {
      const ofRule = [...seen.values()].filter((entry) => entry.rule === rule);
      for (const [index, entry] of ofRule.entries()) {
        if (index === MAX_PER_RULE) {
          findings.push({
            rule,
            selector: "",
            context: "",
            message: `${ofRule.length - MAX_PER_RULE} more finding(s) of this kind on the page, not named one by one.`,
          });
          break;
        }
        findings.push({
          rule,
          selector: entry.selector,
          context: entry.context,
          message: entry.message(widthList(entry.widths)),
          measured: entry.measured,
          ...(entry.screenshot === undefined ? {} : { screenshot: entry.screenshot }),
        });
      }
    }
    return findings;
  },
};

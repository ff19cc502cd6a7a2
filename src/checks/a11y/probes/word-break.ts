/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { ElementInfo, GateWindow } from "../in-page.ts";

/** A word the browser broke across two lines somewhere other than at a hyphen. */
export interface BrokenWord extends ElementInfo {
  /** The word as written, without soft hyphens. */
  word: string;
  /** The word with a bar where the line breaks it: "Kennza|hl". */
  split: string;
}

/**
 * Runs in the page: every word the browser has broken across lines inside itself, at a place
 * that is neither a hyphen nor a soft hyphen the text carries, as `overflow-wrap: anywhere`,
 * `word-break` or `hyphens: auto` do. Words are found with `Intl.Segmenter` in the language of
 * their element (so "Nordrhein-Westfalen" is two words and breaks freely at its hyphen), and
 * measured with `Range.getClientRects()`: a word on two lines has boxes on two lines, and the
 * character that starts the second line tells where it broke. Only words long enough to be
 * wider than their line are measured, unless the style breaks words anywhere.
 */
export function findBrokenWords(): BrokenWord[] {
  const { describe } = (window as unknown as GateWindow).__a11yGate;
  const segmenters = new Map<string, Intl.Segmenter>();
  const segmenter = (lang: string) => {
    let found = segmenters.get(lang);
    if (found === undefined) {
      // Text of no declared language is cut by the browser's own word rules.
      found = new Intl.Segmenter(lang || undefined, { granularity: "word" });
      segmenters.set(lang, found);
    }
    return found;
  };
  // Segments end at hyphens already; a soft hyphen stays inside its word.
  const allowedBefore = new Set(["\u00ad", "-", "\u2010"]);
  const range = document.createRange();
  const linesOf = (rects: DOMRect[]) => {
    const tops: number[] = [];
    for (const rect of rects) {
      if (rect.width === 0 && rect.height === 0) continue;
      if (!tops.some((top) => Math.abs(top - rect.top) < rect.height / 2)) tops.push(rect.top);
    }
    return tops.length;
  };
  const found: BrokenWord[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node !== null;) {
    const text = node.data;
    const parent = node.parentElement;
    const current = node;
    node = walker.nextNode() as Text | null;
    if (
      parent === null ||
      text.trim().length < 2 ||
      parent.closest("script, style") !== null ||
      !parent.checkVisibility({ visibilityProperty: true })
    ) {
      continue;
    }
    range.selectNodeContents(current);
    const lineRects = [...range.getClientRects()];
    // Text on one line cannot hold a word on two.
    if (linesOf(lineRects) < 2) continue;
    // Unless its style lets the browser break words anywhere, a word breaks inside itself only
    // where it is wider than its line: a word too short to be is not measured. Its width is at
    // most its length in characters times the widest advance a character can have (1.5 em,
    // with letter spacing); the line is at least as wide as the text's lines reach.
    const style = getComputedStyle(parent);
    const breaksAnywhere =
      style.wordBreak === "break-all" || style.lineBreak === "anywhere" || style.hyphens === "auto";
    const advance =
      1.5 * parseFloat(style.fontSize) + Math.max(parseFloat(style.letterSpacing) || 0, 0);
    const drawn = lineRects.filter((rect) => rect.width > 0);
    const lineWidth =
      Math.max(...drawn.map((rect) => rect.right)) -
      Math.min(...drawn.map((rect) => rect.left)) -
      Math.abs(parseFloat(style.textIndent) || 0);
    const lang = parent.closest("[lang]")?.getAttribute("lang") ?? "";
    for (const part of segmenter(lang).segment(text)) {
      if (part.isWordLike !== true || part.segment.length < 2) continue;
      if (!breaksAnywhere && part.segment.length * advance < lineWidth) continue;
      range.setStart(current, part.index);
      range.setEnd(current, part.index + part.segment.length);
      const rects = [...range.getClientRects()];
      if (linesOf(rects) < 2) continue;
      // The first character that does not stand on the word's first line. A character just
      // after a break also has an empty box at the end of the line before: its drawn box counts.
      range.setEnd(current, part.index + 1);
      const first = range.getBoundingClientRect();
      let breakAt = part.segment.length;
      for (let offset = 1; offset < part.segment.length; offset++) {
        range.setStart(current, part.index + offset);
        range.setEnd(current, part.index + offset + 1);
        const below = [...range.getClientRects()].some(
          (box) => box.width > 0 && box.top - first.top > first.height / 2,
        );
        if (below) {
          breakAt = offset;
          break;
        }
      }
      if (allowedBefore.has(part.segment[breakAt - 1] ?? "")) continue;
      const plain = (value: string) => value.replace(/\u00ad/g, "");
      found.push({
        ...describe(parent),
        word: plain(part.segment),
        split: `${plain(part.segment.slice(0, breakAt))}|${plain(part.segment.slice(breakAt))}`,
      });
    }
  }
  return found;
}

/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Page } from "puppeteer-core";
import type { ElementInfo, GateWindow } from "../in-page.ts";
import { pictureFindings } from "./screenshots.ts";
import type { PageProbe, ProbeFinding } from "./types.ts";

/** Width at which WCAG 1.4.10 (Reflow) requires content without sideways scrolling. */
export const REFLOW_WIDTH = 320;

/** WCAG 1.4.4: text can be made twice as large. */
const TEXT_GROWTH = 2;

/** Most elements named per finding; the rest are counted. */
const MAX_NAMED = 3;

/** The page as laid out at the width it was loaded at, to compare with 320 px. */
interface WideLayout {
  width: number;
  /** Indexes into `body *` of elements whose content spills out of their box. */
  overflowing: number[];
  /** Font size (px) of each element with text of its own, by index into `body *`. */
  fontSizes: Record<number, number>;
  /** Characters of visible text in `<main>` (or the body). */
  mainText: number;
}

function wideLayout(tab: Page): Promise<WideLayout> {
  return tab.evaluate(() => {
    const gate = (window as unknown as GateWindow).__a11yGate;
    const fontSizes: Record<number, number> = {};
    document.querySelectorAll("body *").forEach((element, index) => {
      if (gate.hasOwnText(element) && gate.shown(element)) {
        fontSizes[index] = parseFloat(getComputedStyle(element).fontSize);
      }
    });
    return {
      width: innerWidth,
      overflowing: gate.overflowing(),
      fontSizes,
      mainText: (document.querySelector("main") ?? document.body).innerText.trim().length,
    };
  });
}

interface NarrowLayout {
  scrollWidth: number;
  clientWidth: number;
  /** What makes the page scroll sideways. */
  tooWide: ElementInfo[];
  /**
   * What is cut off without a scrollbar: boxes newly clipped, or reaching past the screen's
   * edge, each with how many pixels of it are cut off across.
   */
  clipped: (ElementInfo & { cut: number })[];
  clippedCount: number;
  /** Text that does not grow with zoom, with its size before and now. */
  fixedText: (ElementInfo & { before: number; now: number })[];
  fixedTextCount: number;
  mainText: number;
  /** The style sheets change the layout by orientation. */
  orientationRules: boolean;
}

function narrowLayout(tab: Page, wide: WideLayout, max: number): Promise<NarrowLayout> {
  return tab.evaluate(
    (wide: WideLayout, max: number, growth: number) => {
      const gate = (window as unknown as GateWindow).__a11yGate;
      const root = document.documentElement;
      const all = [...document.querySelectorAll("body *")];
      const limit = root.clientWidth + 0.5;
      const innermost = (elements: Element[]) =>
        elements.filter(
          (element) => !elements.some((other) => other !== element && element.contains(other)),
        );
      const outermost = (elements: Element[]) =>
        elements.filter(
          (element) => !elements.some((other) => other !== element && other.contains(element)),
        );
      const tooWide: Element[] = [];
      if (root.scrollWidth > root.clientWidth) {
        for (const element of [document.body, ...all]) {
          const box = element.getBoundingClientRect();
          if (box.width > 0 && box.right + scrollX > limit) tooWide.push(element);
        }
      }
      const before = new Set(wide.overflowing);
      const hidesOverflow = (element: Element) => {
        const style = getComputedStyle(element);
        return (
          /hidden|clip/.test(style.overflowX + style.overflowY) || style.textOverflow === "ellipsis"
        );
      };
      const newlyClipped = gate
        .overflowing()
        .filter((index) => !before.has(index))
        .flatMap((index) => (all[index] === undefined ? [] : [all[index]]))
        .filter(hidesOverflow);
      // Content running past the right edge of a page that cannot scroll there is cut off
      // too, unless a box around it scrolls.
      const inScroller = (element: Element) => {
        for (
          let node = element.parentElement;
          node !== null && node !== document.body;
          node = node.parentElement
        ) {
          const style = getComputedStyle(node);
          if (/auto|scroll/.test(style.overflowX) && node.scrollWidth > node.clientWidth)
            return true;
        }
        return false;
      };
      const pastEdge =
        root.scrollWidth > root.clientWidth
          ? []
          : all.filter((element) => {
              const box = element.getBoundingClientRect();
              return (
                (gate.hasOwnText(element) || element instanceof HTMLImageElement) &&
                box.left < root.clientWidth - 1 &&
                box.right > limit + 1 &&
                gate.shown(element) &&
                !inScroller(element)
              );
            });
      const clipped = innermost([...new Set([...newlyClipped, ...pastEdge])]);
      const zoom = wide.width / innerWidth;
      const fixedText = all.flatMap((element, index) => {
        const was = wide.fontSizes[index];
        if (was === undefined || !gate.shown(element)) return [];
        const now = parseFloat(getComputedStyle(element).fontSize);
        return (now * zoom) / was < growth - 0.05 ? [{ element, before: was, now }] : [];
      });
      let orientationRules = false;
      for (const sheet of document.styleSheets) {
        try {
          orientationRules ||= [...sheet.cssRules].some(
            (rule) => rule instanceof CSSMediaRule && /orientation/.test(rule.conditionText),
          );
        } catch {
          // another host's sheet
        }
      }
      return {
        scrollWidth: root.scrollWidth,
        clientWidth: root.clientWidth,
        tooWide: outermost(tooWide)
          .slice(0, max)
          .map((element) => gate.describe(element)),
        clipped: clipped.slice(0, max).map((element) => ({
          ...gate.describe(element),
          cut: Math.round(
            Math.max(
              element.scrollWidth - element.clientWidth,
              element.getBoundingClientRect().right - root.clientWidth,
            ),
          ),
        })),
        clippedCount: clipped.length,
        fixedText: outermost(fixedText.map((item) => item.element))
          .slice(0, max)
          .map((element) => ({
            ...gate.describe(element),
            ...(fixedText.find((item) => item.element === element) as {
              before: number;
              now: number;
            }),
          })),
        fixedTextCount: fixedText.length,
        mainText: (document.querySelector("main") ?? document.body).innerText.trim().length,
        orientationRules,
      };
    },
    wide,
    max,
    TEXT_GROWTH,
  );
}

function findings(wide: WideLayout, narrow: NarrowLayout): ProbeFinding[] {
  const found: ProbeFinding[] = [];
  if (narrow.scrollWidth > narrow.clientWidth) {
    const widest = narrow.tooWide[0];
    found.push({
      rule: "reflow-320",
      selector: widest?.selector ?? "html",
      context: widest?.context ?? "",
      message:
        `At ${REFLOW_WIDTH} CSS pixels wide the page scrolls sideways: its content is ${narrow.scrollWidth} px wide ` +
        `(WCAG 1.4.10 Reflow). Too wide: ${narrow.tooWide.map((element) => element.selector).join(", ") || "unknown"}.`,
      measured: { contentWidth: `${narrow.scrollWidth} px`, screenWidth: `${REFLOW_WIDTH} px` },
    });
  }
  for (const element of narrow.clipped) {
    found.push({
      rule: "reflow-clipped",
      selector: element.selector,
      context: element.context,
      message:
        `At ${REFLOW_WIDTH} CSS pixels wide, "${element.text || element.selector}" is cut off without a scrollbar ` +
        `(WCAG 1.4.10${narrow.clippedCount > MAX_NAMED ? `; ${narrow.clippedCount} boxes in all` : ""}): ` +
        "let the box wrap its content or grow, instead of fixing its width with overflow hidden.",
      measured: { cutOff: `${element.cut} px`, screenWidth: `${REFLOW_WIDTH} px` },
    });
  }
  const zoom = Math.round((wide.width / REFLOW_WIDTH) * 100);
  for (const text of narrow.fixedText) {
    found.push({
      rule: "resize-text-viewport",
      selector: text.selector,
      context: text.context,
      message:
        `At ${zoom} % zoom the text "${text.text}" grows only from ${Math.round(text.before)} px to ${Math.round(text.now * (zoom / 100))} px ` +
        `on screen, less than twice its size (WCAG 1.4.4${narrow.fixedTextCount > MAX_NAMED ? `; ${narrow.fixedTextCount} texts in all` : ""}): ` +
        "its size follows the window (vw, vh, vmin units), which zoom narrows; use rem, or add rem to the vw size with clamp() or calc().",
      measured: {
        before: `${text.before} px`,
        zoomed: `${Math.round(text.now * (zoom / 100))} px`,
        zoom: `${zoom} %`,
      },
    });
  }
  const kept =
    Math.min(wide.mainText, narrow.mainText) / Math.max(1, wide.mainText, narrow.mainText);
  if (narrow.orientationRules && kept < 0.5) {
    found.push({
      rule: "orientation",
      selector: "main",
      context: "",
      message:
        `In ${narrow.mainText < wide.mainText ? "portrait" : "landscape"} orientation the main content shows ${Math.min(wide.mainText, narrow.mainText)} ` +
        `characters of text, against ${Math.max(wide.mainText, narrow.mainText)} in the other: the style sheets hide content by orientation (WCAG 1.3.4).`,
      measured: { landscape: wide.mainText, portrait: narrow.mainText },
    });
  }
  return found;
}

/**
 * At 320 CSS pixels wide, portrait (the width of 400 % zoom on a 1280 px screen): the page
 * does not scroll sideways and cuts nothing off without a scrollbar (WCAG 1.4.10); text
 * grows with zoom to at least twice its size, which text sized in viewport units does not
 * (1.4.4); and orientation rules do not hide the main content (1.3.4).
 */
export const reflowProbe: PageProbe = {
  rules: ["reflow-320", "reflow-clipped", "resize-text-viewport", "orientation"],
  criteria: {
    "reflow-320": ["1.4.10"],
    "reflow-clipped": ["1.4.10"],
    "resize-text-viewport": ["1.4.4"],
    orientation: ["1.3.4"],
  },
  async run(tab) {
    const viewport = tab.viewport();
    const wide = await wideLayout(tab);
    await tab.setViewport({ width: REFLOW_WIDTH, height: 640 });
    try {
      // Pictured at 320 px, as the reader sees what the findings say.
      return await pictureFindings(tab, findings(wide, await narrowLayout(tab, wide, MAX_NAMED)));
    } finally {
      if (viewport !== null) await tab.setViewport(viewport);
    }
  },
};

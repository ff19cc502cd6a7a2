/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Page } from "puppeteer-core";
import type { ElementInfo, GateWindow } from "../in-page.ts";
import { withInjectedStyle } from "./page-state.ts";
import { decodePng, measureChange, ratioText } from "./pixels.ts";
import { statePictures } from "./screenshots.ts";
import type { PageProbe, ProbeContext, ProbeFinding } from "./types.ts";

// Screenshot comparisons are slow; past this many elements without a style change per page,
// the rest are reported unconfirmed.
const MAX_SCREENSHOT_CONFIRMATIONS = 25;

/** WCAG 1.4.11's contrast for the parts of a focus indicator against what surrounds them. */
export const INDICATOR_CONTRAST = 3;

/**
 * How many pixels of an element's surroundings must change on focus: a line of one CSS pixel
 * along most of its longer side, the least an underline or outline draws.
 */
function pixelsNeeded(box: { width: number; height: number }): number {
  return Math.max(8, 0.8 * Math.max(box.width, box.height));
}

/** A tabbable element whose focus cannot be seen, or hardly. */
export interface UnseenFocus extends ElementInfo {
  /** Never on screen when focused; nothing changes; or the change is fainter than 3:1. */
  verdict: "off-screen" | "invisible" | "faint";
  /** For "faint": the contrast most changed pixels reach. */
  typicalRatio?: number;
  /** The element's surroundings while it has focus, when it was measured itself. */
  screenshot?: Uint8Array;
  /** The element measured for this one when both have the same focus style on the same background. */
  measuredOn?: string;
}

interface Candidate {
  index: number;
  offScreen: boolean;
  /** What decides how the focus shows (styles before and after, background); null when no style changes. */
  key: string | null;
  /**
   * The styles alone show the indicator plainly: an outline of at least 2 px, drawn whole, in a
   * colour at least 3:1 against the solid colours on both sides of it; or, under forced
   * colours, any outline, which they draw in the reader's own colour.
   */
  plain: boolean;
}

type Verdict = Pick<UnseenFocus, "verdict" | "typicalRatio" | "screenshot"> | null;

/**
 * Focuses each tabbable element in turn and describes how its rendering changes: which
 * element, whether it is on screen at all, and a key saying what decides its indicator.
 */
function focusCandidates(tab: Page, forced: boolean): Promise<Candidate[]> {
  return tab.evaluate((forced: boolean) => {
    const gate = (window as unknown as GateWindow).__a11yGate;
    gate.kept = gate.tabbables();
    (document.activeElement as HTMLElement | null)?.blur();
    // The last part of a look is the element's position, which says nothing of its indicator.
    const style = (look: string) => look.slice(0, look.lastIndexOf("|"));
    const before = gate.kept.map((element) => gate.look(element, forced));
    const width = document.documentElement.scrollWidth;
    const found: Candidate[] = [];
    gate.kept.forEach((element, index) => {
      (element as HTMLElement).focus({ preventScroll: true });
      if (document.activeElement !== element) return;
      const after = gate.look(element, forced);
      const box = element.getBoundingClientRect();
      const offScreen =
        box.width < 2 ||
        box.height < 2 ||
        box.right + scrollX <= 0 ||
        box.bottom + scrollY <= 0 ||
        box.left + scrollX >= width;
      if (after === before[index]) {
        found.push({ index, offScreen, key: null, plain: false });
        return;
      }
      const surroundings = gate.background(element.parentElement ?? element);
      const key = [
        forced ? "forced" : "",
        element.localName,
        style(before[index] ?? ""),
        style(after),
        surroundings?.map(Math.round).join(",") ?? "image",
      ].join("\n");
      const plain = gate.plainOutline(element, forced);
      found.push({ index, offScreen, key, plain });
    });
    (document.activeElement as HTMLElement | null)?.blur();
    return found;
  }, forced);
}

/** Screenshots one kept element unfocused and focused and judges the change. */
async function measureFocus(tab: Page, index: number, forced: boolean): Promise<Verdict> {
  const pictures = await statePictures(tab, index, "focus");
  if (pictures === null) return { verdict: "off-screen" };
  const change = measureChange(decodePng(pictures.off), decodePng(pictures.on), INDICATOR_CONTRAST);
  const needed = pixelsNeeded(pictures.box);
  if (change.changed < needed) return { verdict: "invisible", screenshot: pictures.on };
  // Forced colours replace the page's colours with the reader's: only whether it shows counts.
  if (!forced && change.strong < needed) {
    return { verdict: "faint", typicalRatio: change.typicalRatio, screenshot: pictures.on };
  }
  return null;
}

/**
 * Finds tabbable elements whose focus cannot be seen. Each is focused and its computed styles
 * (outline, shadow, border, colours, position…) compared with those unfocused. A whole outline
 * of at least 2 px that stands out by 3:1 from the solid colours around it is seen without
 * looking further; every other indicator is measured from screenshots with and without focus:
 * enough pixels around the element must change, and (except under forced colours) change by
 * at least 3:1 against what was there. Elements with the same styles before and after focus on the same background are
 * measured once per run (see `ProbeContext.memo`); elements whose styles do not change at all
 * are each measured, as a parent's or pseudo-element's style may still draw an indicator.
 */
export async function elementsWithoutFocusIndicator(
  tab: Page,
  memo: ProbeContext["memo"],
  forced = false,
): Promise<UnseenFocus[]> {
  return withInjectedStyle(
    tab,
    "*, *::before, *::after { transition: none !important; animation: none !important; }",
    async () => {
      const unseen: (Omit<UnseenFocus, keyof ElementInfo> & { index: number })[] = [];
      const report = (candidate: Candidate, verdict: Verdict, measuredOn?: string) => {
        if (verdict === null) return;
        unseen.push({ index: candidate.index, ...verdict, ...(measuredOn ? { measuredOn } : {}) });
      };
      let confirmations = 0;
      for (const candidate of await focusCandidates(tab, forced)) {
        if (candidate.offScreen) {
          report(candidate, { verdict: "off-screen" });
        } else if (candidate.plain && candidate.key !== null) {
          continue;
        } else if (candidate.key === null) {
          report(
            candidate,
            confirmations++ < MAX_SCREENSHOT_CONFIRMATIONS
              ? await measureFocus(tab, candidate.index, forced)
              : { verdict: "invisible" },
          );
        } else {
          // Kept as a promise at once, so tabs meeting the same style meanwhile wait for it.
          const key = `focus:${candidate.key}`;
          const remembered = memo.get(key) as Promise<Verdict> | undefined;
          if (remembered === undefined) {
            const verdict = measureFocus(tab, candidate.index, forced);
            memo.set(key, verdict);
            memo.set(
              `${key}:selector`,
              tab.evaluate(
                (index: number) =>
                  (window as unknown as GateWindow).__a11yGate.describe(
                    (window as unknown as GateWindow).__a11yGate.kept[index] as Element,
                  ).selector,
                candidate.index,
              ),
            );
            report(candidate, await verdict);
          } else {
            const verdict = await remembered;
            if (verdict !== null) {
              // Without the picture: it shows the element measured, not this one.
              const { verdict: seen, typicalRatio } = verdict;
              report(
                candidate,
                { verdict: seen, ...(typicalRatio === undefined ? {} : { typicalRatio }) },
                await (memo.get(`${key}:selector`) as Promise<string>),
              );
            }
          }
        }
      }
      const described = await tab.evaluate(
        (indices: number[]) => {
          const gate = (window as unknown as GateWindow).__a11yGate;
          return indices.map((index) => gate.describe(gate.kept[index] as Element));
        },
        unseen.map((element) => element.index),
      );
      return unseen.map((element, position) => {
        const { verdict, typicalRatio, screenshot, measuredOn } = element;
        return {
          ...(described[position] as ElementInfo),
          verdict,
          ...(typicalRatio === undefined ? {} : { typicalRatio }),
          ...(screenshot === undefined ? {} : { screenshot }),
          ...(measuredOn === undefined ? {} : { measuredOn }),
        };
      });
    },
  );
}

/** The message for an element whose focus indicator cannot be seen, or hardly. */
function focusMessage(element: UnseenFocus): string {
  const like =
    element.measuredOn === undefined
      ? ""
      : ` (measured on ${element.measuredOn}, which has the same focus style on the same background)`;
  switch (element.verdict) {
    case "off-screen":
      return `"${element.text}" can receive keyboard focus but is not visible on screen when focused (WCAG 2.4.7).`;
    case "invisible":
      return `"${element.text}" looks the same with and without keyboard focus${like} (WCAG 2.4.7); give it a visible :focus-visible style, e.g. an outline.`;
    case "faint":
      return (
        `The focus indicator of "${element.text}" is too faint${like}: the pixels that change on focus differ from ` +
        `what was there by only ${ratioText(element.typicalRatio ?? 1)} (WCAG 1.4.11 asks ${INDICATOR_CONTRAST}:1); ` +
        "use an outline in a colour that stands out from the background."
      );
  }
}

/** Every tabbable element looks clearly different when it has keyboard focus (WCAG 2.4.7, 1.4.11). */
export const focusVisibleProbe: PageProbe = {
  rules: ["focus-visible", "focus-contrast"],
  criteria: { "focus-visible": ["2.4.7"], "focus-contrast": ["1.4.11"] },
  async run(tab, _page, { memo }) {
    return (await elementsWithoutFocusIndicator(tab, memo)).map((element): ProbeFinding => ({
      rule: element.verdict === "faint" ? "focus-contrast" : "focus-visible",
      selector: element.selector,
      context: element.context,
      message: focusMessage(element),
      ...(element.typicalRatio === undefined
        ? {}
        : {
            measured: {
              contrast: ratioText(element.typicalRatio),
              required: `${INDICATOR_CONTRAST}:1`,
            },
          }),
      ...(element.screenshot === undefined ? {} : { screenshot: element.screenshot }),
    }));
  },
};

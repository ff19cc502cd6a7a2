/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Browser, Page } from "puppeteer-core";
import type { GateWindow } from "../in-page.ts";
import type { ProbeFinding } from "./types.ts";

/** A rectangle in the page's CSS pixels, from the top left of the document. */
export interface Clip {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The smallest rectangle holding both, widened by `margin` on every side (never above or left of the page). */
export function unionClip(a: Clip, b: Clip, margin: number): Clip {
  const x = Math.max(0, Math.min(a.x, b.x) - margin);
  const y = Math.max(0, Math.min(a.y, b.y) - margin);
  const right = Math.max(a.x + a.width, b.x + b.width) + margin;
  const bottom = Math.max(a.y + a.height, b.y + b.height) + margin;
  return { x, y, width: right - x, height: bottom - y };
}

// Screenshots in progress, per browser. Chromium may never answer a screenshot of a tab that
// is not in front (puppeteer/puppeteer#12712), so the tabs of one browser take theirs one at a
// time, each brought to the front first.
const screenshotTurns = new WeakMap<Browser, Promise<unknown>>();

/** Runs `work` (which takes screenshots) when it is the tab's turn, with the tab in front. */
export async function inFront<T>(tab: Page, work: () => Promise<T>): Promise<T> {
  const browser = tab.browser();
  const previous = screenshotTurns.get(browser) ?? Promise.resolve();
  const turn = previous
    .catch(() => undefined)
    .then(async () => {
      await tab.bringToFront();
      return work();
    });
  screenshotTurns.set(browser, turn);
  return turn;
}

/**
 * A PNG of part of the page as it is drawn now; call it inside `inFront`. Lossless either way:
 * the faster compression only makes larger files.
 */
export async function shootClip(tab: Page, clip: Clip): Promise<Uint8Array> {
  return tab.screenshot({ clip, captureBeyondViewport: false, optimizeForSpeed: true });
}

/** The two states compared: focused or not, or shown (`visibility: visible`) or hidden. */
export type ScreenToggle = "focus" | "visibility";

/** Screenshots of a kept element and its surroundings in both states of a toggle. */
export interface StatePictures {
  clip: Clip;
  /** The element's box in the "on" state, within the clip. */
  box: Clip;
  off: Uint8Array;
  on: Uint8Array;
}

/**
 * Screenshots of a kept element (`window.__a11yGate.kept[index]`) and its surroundings in the
 * two states of `toggle`; null if the element never shows on screen. A screenshot that fails
 * throws: the page could not be checked, which is not a finding.
 */
export async function statePictures(
  tab: Page,
  index: number,
  toggle: ScreenToggle,
): Promise<StatePictures | null> {
  const boxIn = (on: boolean) =>
    tab.evaluate(
      (index: number, on: boolean, toggle: ScreenToggle) => {
        const element = (window as unknown as GateWindow).__a11yGate.kept[index];
        if (!(element instanceof HTMLElement || element instanceof SVGElement)) {
          return { x: 0, y: 0, width: 0, height: 0 };
        }
        if (toggle === "visibility") element.style.visibility = on ? "" : "hidden";
        else if (on) element.focus({ preventScroll: true });
        else (document.activeElement as HTMLElement | null)?.blur();
        if (!on)
          element.scrollIntoView({ block: "center", inline: "nearest", behavior: "instant" });
        const box = element.getBoundingClientRect();
        return {
          x: box.left + scrollX,
          y: box.top + scrollY,
          width: box.width,
          height: box.height,
        };
      },
      index,
      on,
      toggle,
    );
  // The element may move or grow in its "on" state; the screenshots cover both boxes.
  const off = await boxIn(false);
  const on = await boxIn(true);
  if (on.width === 0 || on.height === 0) return null;
  // Outlines and shadows are drawn outside the element's box.
  const clip = unionClip(off, on, 8);
  // Wholly left of or above the page (`left: -9999px`): nothing of it can be seen.
  if (clip.width <= 0 || clip.height <= 0 || on.x + on.width <= 0 || on.y + on.height <= 0) {
    return null;
  }
  return inFront(tab, async () => {
    await boxIn(false);
    const without = await shootClip(tab, clip);
    await boxIn(true);
    const withState = await shootClip(tab, clip);
    return {
      clip,
      box: { x: on.x - clip.x, y: on.y - clip.y, width: on.width, height: on.height },
      off: without,
      on: withState,
    };
  });
}

/**
 * Whether a kept element and its surroundings look different on screen in the two states of
 * `toggle`; null if the element never shows on screen. The two shots are compressed alike, so
 * equal pixels give equal bytes.
 */
export async function differsOnScreen(
  tab: Page,
  index: number,
  toggle: ScreenToggle,
): Promise<boolean | null> {
  const pictures = await statePictures(tab, index, toggle);
  return pictures === null
    ? null
    : Buffer.compare(Buffer.from(pictures.off), Buffer.from(pictures.on)) !== 0;
}

/**
 * A PNG of a kept element and 8 px around it, scrolled into view, in the hover or focus state
 * the page's styles give it (see `setState`) or as it is; null when it is not on screen.
 */
export async function shootKept(
  tab: Page,
  index: number,
  state?: "hover" | "focus",
): Promise<Uint8Array | null> {
  const clip = await tab.evaluate(
    (index: number, state: "hover" | "focus" | null) => {
      const gate = (window as unknown as GateWindow).__a11yGate;
      const element = gate.kept[index];
      if (element === undefined) return null;
      if (state !== null) gate.setState(element, state, true);
      return gate.screenClip(element);
    },
    index,
    state ?? null,
  );
  try {
    return clip === null ? null : await inFront(tab, () => shootClip(tab, clip));
  } finally {
    if (state !== undefined) {
      await tab.evaluate(
        (index: number, state: "hover" | "focus") => {
          const gate = (window as unknown as GateWindow).__a11yGate;
          const element = gate.kept[index];
          if (element !== undefined) gate.setState(element, state, false);
        },
        index,
        state,
      );
    }
  }
}

/** Findings pictured per call at most: a page with many is shown by its first ones. */
const MAX_PICTURED = 10;

/**
 * Gives findings without a screenshot one of their element and 8 px around it, as the page
 * looks now (so a probe calls it while the page is as it found it: at the width, text size or
 * media it tested, or, with `focused`, with the element focused). Costs nothing on a page
 * without findings; an element not on screen stays without a picture.
 */
export async function pictureFindings(
  tab: Page,
  findings: readonly ProbeFinding[],
  focused = false,
): Promise<ProbeFinding[]> {
  let pictured = 0;
  const result: ProbeFinding[] = [];
  for (const finding of findings) {
    if (finding.screenshot !== undefined || finding.selector === "" || pictured >= MAX_PICTURED) {
      result.push(finding);
      continue;
    }
    pictured++;
    const screenshot = await inFront(tab, async () => {
      const clip = await tab.evaluate(
        (selector: string, focused: boolean) => {
          let element: Element | null = null;
          try {
            element = document.querySelector(selector);
          } catch {
            return null;
          }
          if (element === null) return null;
          if (focused) (element as HTMLElement).focus({ preventScroll: true });
          return (window as unknown as GateWindow).__a11yGate.screenClip(element);
        },
        finding.selector,
        focused,
      );
      try {
        return clip === null ? null : await shootClip(tab, clip);
      } finally {
        if (focused) {
          await tab.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        }
      }
    });
    result.push(screenshot === null ? finding : { ...finding, screenshot });
  }
  return result;
}

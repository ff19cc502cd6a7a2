/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Browser, Page } from "puppeteer-core";
import type { GateWindow } from "../in-page.ts";

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function unionClip(a: Box, b: Box, margin: number): Box {
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

async function inFront<T>(tab: Page, work: () => Promise<T>): Promise<T> {
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
 * The two states compared: focused or not, or shown (`visibility: visible`) or hidden. */
export type ScreenToggle = "focus" | "visibility";

/**
 * Whether a kept element (`window.__a11yGate.kept[index]`) and its surroundings look different
 * on screen in the two states of `toggle`, by comparing screenshots; null if the element never shows on
 * screen. A screenshot that fails throws: the page could not be checked, which is not a finding.
 */
export async function differsOnScreen(
  tab: Page,
  index: number,
  toggle: ScreenToggle,
): Promise<boolean | null> {
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
  if (clip.width <= 0 || clip.height <= 0) return null;
  // Lossless either way; the faster compression only makes larger files, and the two shots
  // are compressed alike, so equal pixels still give equal bytes.
  const shoot = () =>
    tab.screenshot({ clip, captureBeyondViewport: false, optimizeForSpeed: true });
  return inFront(tab, async () => {
    await boxIn(false);
    const without = await shoot();
    await boxIn(true);
    const withState = await shoot();
    return Buffer.compare(Buffer.from(without), Buffer.from(withState)) !== 0;
  });
}

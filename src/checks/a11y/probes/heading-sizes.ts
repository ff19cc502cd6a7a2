/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { ElementInfo, GateWindow } from "../in-page.ts";

/** A heading that is not smaller than a heading one level above it on the page. */
export interface HeadingSizeFault {
  /** The lower-level heading (h2 for an h1/h2 pair) that is too large. */
  heading: ElementInfo & { level: number; size: number };
  /** The smallest heading of the level above it. */
  above: ElementInfo & { level: number; size: number };
}

/**
 * Runs in the page: the visible h1 to h4 by computed font size. Each level present must be
 * strictly smaller than every heading of the level present above it, so that the outline
 * readers see matches the one the markup gives. Returns the pairs that do not.
 */
export function findHeadingSizeFaults(): HeadingSizeFault[] {
  const { describe } = (window as unknown as GateWindow).__a11yGate;
  const byLevel = new Map<number, (ElementInfo & { level: number; size: number })[]>();
  for (const element of document.querySelectorAll("h1, h2, h3, h4")) {
    if (element.getClientRects().length === 0) continue;
    const level = Number(element.localName.slice(1));
    const size = Number.parseFloat(getComputedStyle(element).fontSize);
    const list = byLevel.get(level) ?? [];
    list.push({ ...describe(element), level, size });
    byLevel.set(level, list);
  }
  const levels = [...byLevel.keys()].sort((a, b) => a - b);
  const faults: HeadingSizeFault[] = [];
  for (let index = 1; index < levels.length; index++) {
    const upper = byLevel.get(levels[index - 1] ?? 0) ?? [];
    const lower = byLevel.get(levels[index] ?? 0) ?? [];
    const smallestAbove = upper.reduce((a, b) => (b.size < a.size ? b : a));
    for (const heading of lower) {
      if (heading.size >= smallestAbove.size) faults.push({ heading, above: smallestAbove });
    }
  }
  return faults;
}

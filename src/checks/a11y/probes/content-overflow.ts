/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { ElementInfo, GateWindow } from "../in-page.ts";

/** A box whose content runs out of it, by how many pixels across and down. */
export interface OverflowingBox extends ElementInfo {
  across: number;
  down: number;
}

/**
 * Runs in the page: boxes whose content does not fit them and is neither scrollable nor
 * meant to be hidden, so it is cut off or runs over what stands beside or below (letters
 * reaching past a tight line box into the space around it do not count: see `spill`). Scroll
 * containers (a table's region) are fine: readers reach what they hold. Boxes of a pixel or
 * less that clip their content are the screen-reader-only pattern and are left out. Only the
 * innermost box of nested overflows is named.
 */
export function findOverflowingBoxes(): OverflowingBox[] {
  const { describe, spill } = (window as unknown as GateWindow).__a11yGate;
  const found: Element[] = [];
  const sizes = new Map<Element, { across: number; down: number }>();
  for (const element of document.querySelectorAll("body *")) {
    if (
      !(element instanceof HTMLElement) ||
      element.getClientRects().length === 0 ||
      !element.checkVisibility({ visibilityProperty: true })
    ) {
      continue;
    }
    const style = getComputedStyle(element);
    if (style.display === "inline" || /auto|scroll/.test(style.overflowX + style.overflowY)) {
      continue;
    }
    if (element.clientWidth <= 1 || element.clientHeight <= 1) continue;
    const { across, down } = spill(element);
    if (across > 1 || down > 1) {
      found.push(element);
      sizes.set(element, { across: Math.max(0, across), down: Math.max(0, down) });
    }
  }
  return found
    .filter((element) => !found.some((other) => other !== element && element.contains(other)))
    .map((element) => ({
      ...describe(element),
      ...(sizes.get(element) ?? { across: 0, down: 0 }),
    }));
}

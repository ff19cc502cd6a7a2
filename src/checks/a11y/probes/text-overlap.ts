/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { ElementInfo, GateWindow } from "../in-page.ts";

/** Two pieces of text drawn over each other. */
export interface OverlappingText {
  first: ElementInfo;
  second: ElementInfo;
}

/**
 * Runs in the page: lines of text whose boxes overlap lines of other text, so that one covers
 * the other. Every visible text node's line boxes are measured with `Range.getClientRects()`,
 * cut to the scroll container that shows them; text hidden for screen readers only (in a box
 * of a pixel that clips it) is left out. Boxes that merely touch, or overlap by less than a
 * third of a line's height (glyphs of a tight line height), do not count.
 */
export function findOverlappingText(): OverlappingText[] {
  const { describe } = (window as unknown as GateWindow).__a11yGate;
  const clipOf = new Map<Element, DOMRect | null | "hidden">();
  // The area an element's text can be seen in: its clipping ancestors' boxes, intersected.
  const visibleArea = (element: Element): DOMRect | null | "hidden" => {
    const known = clipOf.get(element);
    if (known !== undefined) return known;
    const parent = element.parentElement;
    let area = parent === null ? null : visibleArea(parent);
    if (area !== "hidden") {
      const style = getComputedStyle(element);
      const clips = style.overflowX !== "visible" || style.overflowY !== "visible";
      const box = element.getBoundingClientRect();
      // Screen-reader-only text is often hidden with the old `clip` alone.
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      const clipped = style.clip !== "auto";
      if ((clips || style.clipPath !== "none" || clipped) && (box.width <= 1 || box.height <= 1)) {
        area = "hidden";
      } else if (clips) {
        area =
          area === null
            ? box
            : new DOMRect(
                Math.max(area.left, box.left),
                Math.max(area.top, box.top),
                Math.max(0, Math.min(area.right, box.right) - Math.max(area.left, box.left)),
                Math.max(0, Math.min(area.bottom, box.bottom) - Math.max(area.top, box.top)),
              );
      }
    }
    clipOf.set(element, area);
    return area;
  };
  const lines: { box: DOMRect; node: Text; element: Element }[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode() as Text | null; node !== null;) {
    const current = node;
    node = walker.nextNode() as Text | null;
    const element = current.parentElement;
    if (
      element === null ||
      current.data.trim() === "" ||
      element.closest("script, style") !== null ||
      // Text in a closed disclosure keeps boxes from its last layout, but is not drawn.
      !element.checkVisibility({ visibilityProperty: true })
    ) {
      continue;
    }
    const area = visibleArea(element);
    if (area === "hidden") continue;
    range.selectNodeContents(current);
    for (const rect of range.getClientRects()) {
      const left = Math.max(rect.left, area?.left ?? -Infinity);
      const right = Math.min(rect.right, area?.right ?? Infinity);
      const top = Math.max(rect.top, area?.top ?? -Infinity);
      const bottom = Math.min(rect.bottom, area?.bottom ?? Infinity);
      if (right - left > 1 && bottom - top > 1) {
        lines.push({
          box: new DOMRect(left, top, right - left, bottom - top),
          node: current,
          element,
        });
      }
    }
  }
  lines.sort((a, b) => a.box.top - b.box.top);
  const found: OverlappingText[] = [];
  const reported = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const a = lines[i];
    if (a === undefined) continue;
    for (let j = i + 1; j < lines.length; j++) {
      const b = lines[j];
      if (b === undefined || b.box.top >= a.box.bottom) break;
      if (b.node === a.node) continue;
      const across = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
      const down = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
      if (across <= 2 || down <= Math.min(a.box.height, b.box.height) / 3) continue;
      const key = [a.element, b.element].map((element) => describe(element).selector).join("|");
      if (reported.has(key)) continue;
      reported.add(key);
      found.push({ first: describe(a.element), second: describe(b.element) });
    }
  }
  return found;
}

/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { ElementInfo, GateWindow } from "../in-page.ts";
import type { PageProbe } from "./types.ts";

/**
 * No element that receives keyboard focus is wholly hidden behind other content, such as a
 * fixed or sticky header, footer or banner (WCAG 2.4.11). Each element is focused the way
 * Tab focuses it (the browser scrolls it into view), then the points of its box are hit-tested.
 */
export const focusNotObscuredProbe: PageProbe = {
  rules: ["focus-not-obscured"],
  criteria: { "focus-not-obscured": ["2.4.11"] },
  async run(tab) {
    const hidden = await tab.evaluate(() => {
      const gate = (window as unknown as GateWindow).__a11yGate;
      const found: (ElementInfo & { cover: string })[] = [];
      for (const element of gate.tabbables()) {
        element.focus();
        if (document.activeElement !== element) continue;
        const box = element.getBoundingClientRect();
        const inset = Math.min(2, box.width / 4, box.height / 4);
        const points = [
          [(box.left + box.right) / 2, (box.top + box.bottom) / 2],
          [box.left + inset, box.top + inset],
          [box.right - inset, box.top + inset],
          [box.left + inset, box.bottom - inset],
          [box.right - inset, box.bottom - inset],
        ].filter(([x = -1, y = -1]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight);
        // Off screen even when focused: the visible-focus probe reports that.
        if (points.length === 0) continue;
        const covers = points.map(([x = 0, y = 0]) => document.elementFromPoint(x, y));
        const covered = covers.every(
          (cover) =>
            cover !== null &&
            cover !== element &&
            !element.contains(cover) &&
            !cover.contains(element),
        );
        if (covered) {
          const cover = covers[0];
          found.push({
            ...gate.describe(element),
            cover: cover ? gate.describe(cover).selector : "",
          });
        }
      }
      (document.activeElement as HTMLElement | null)?.blur();
      // The site may scroll smoothly; the next probe must see the page at rest.
      window.scrollTo({ top: 0, left: 0, behavior: "instant" });
      return found;
    });
    return hidden.map((element) => ({
      rule: "focus-not-obscured",
      selector: element.selector,
      context: element.context,
      message:
        `When "${element.text}" has keyboard focus it is wholly hidden behind ${element.cover} (WCAG 2.4.11); ` +
        "make sure fixed or sticky parts leave room for the focused element (e.g. scroll-padding).",
    }));
  },
};

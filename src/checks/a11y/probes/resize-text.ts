import { newlyClipped } from "./clipping.ts";
import type { PageProbe } from "./types.ts";

/** Text at 200 % of the reader's default size, the way a browser's text-size setting scales it. */
export const RESIZE_TEXT_CSS = "html { font-size: 200% !important; }";

/** At 200 % text size nothing is cut off (WCAG 1.4.4). */
export const resizeTextProbe: PageProbe = {
  rules: ["resize-text"],
  criteria: { "resize-text": ["1.4.4"] },
  run(tab) {
    return newlyClipped(tab, RESIZE_TEXT_CSS, (element, count) => ({
      rule: "resize-text",
      selector: element.selector,
      context: element.context,
      message:
        `With text at 200 %, the text of "${element.text}" no longer fits its box and is cut off or overlaps ` +
        `(WCAG 1.4.4, ${count} box(es) in all); size the box in em or rem, or let it grow with its text.`,
      measured: { textSize: "200 %", boxes: count },
    }));
  },
};

import { newlyClipped } from "./clipping.ts";
import type { PageProbe } from "./types.ts";

/** The spacing WCAG 1.4.12 says readers may set: no content may be lost with it. */
export const TEXT_SPACING_CSS = `* {
  line-height: 1.5 !important;
  letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important;
}
p { margin-bottom: 2em !important; }`;

/** With WCAG's text-spacing overrides applied, no text is cut off or runs out of its box (1.4.12). */
export const textSpacingProbe: PageProbe = {
  rules: ["text-spacing"],
  criteria: { "text-spacing": ["1.4.12"] },
  run(tab) {
    return newlyClipped(tab, TEXT_SPACING_CSS, (element, count) => ({
      rule: "text-spacing",
      selector: element.selector,
      context: element.context,
      message:
        `With line height 1.5, letter spacing 0.12em, word spacing 0.16em and paragraph spacing 2em, ` +
        `the text of "${element.text}" no longer fits its box and is cut off or overlaps (WCAG 1.4.12, ${count} box(es) in all); ` +
        "let the box grow with its text instead of fixing its height or width.",
      measured: { boxes: count },
    }));
  },
};

/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Page } from "puppeteer-core";
import type { ElementInfo, GateWindow } from "../in-page.ts";
import { withInjectedStyle } from "./page-state.ts";
import { differsOnScreen } from "./screenshots.ts";
import type { PageProbe, ProbeFinding } from "./types.ts";

// Screenshot comparisons are slow; past this many per page the remaining suspects are reported unconfirmed.
const MAX_SCREENSHOT_CONFIRMATIONS = 25;

/** A tabbable element with no visible change on focus; `offScreen` when it never shows at all. */
export interface UnseenFocus extends ElementInfo {
  offScreen: boolean;
}

/**
 * Finds tabbable elements without a visible focus indicator: first by comparing computed
 * styles (outline, shadow, border, colours, position…) with and without focus, then, for
 * elements whose styles did not change, by comparing screenshots, which also catch
 * pseudo-element and parent styles. With `forcedColors`, the styles compared are those forced
 * colours keep.
 */
export async function elementsWithoutFocusIndicator(
  tab: Page,
  forcedColors = false,
): Promise<UnseenFocus[]> {
  return withInjectedStyle(
    tab,
    "*, *::before, *::after { transition: none !important; animation: none !important; }",
    async () => {
      const unchanged = await tab.evaluate((forced: boolean) => {
        const gate = (window as unknown as GateWindow).__a11yGate;
        gate.kept = gate.tabbables();
        (document.activeElement as HTMLElement | null)?.blur();
        const before = gate.kept.map((element) => gate.look(element, forced));
        const found: (ElementInfo & { index: number })[] = [];
        gate.kept.forEach((element, index) => {
          (element as HTMLElement).focus({ preventScroll: true });
          if (document.activeElement === element && gate.look(element, forced) === before[index]) {
            found.push({ index, ...gate.describe(element) });
          }
        });
        (document.activeElement as HTMLElement | null)?.blur();
        return found;
      }, forcedColors);
      const unseen: UnseenFocus[] = [];
      for (const [position, element] of unchanged.entries()) {
        const verdict =
          position < MAX_SCREENSHOT_CONFIRMATIONS
            ? await differsOnScreen(tab, element.index, "focus")
            : false;
        if (verdict !== true) {
          unseen.push({
            selector: element.selector,
            text: element.text,
            context: element.context,
            offScreen: verdict === null,
          });
        }
      }
      return unseen;
    },
  );
}

/** Every tabbable element looks different when it has keyboard focus (WCAG 2.4.7). */
export const focusVisibleProbe: PageProbe = {
  rules: ["focus-visible"],
  async run(tab) {
    return (await elementsWithoutFocusIndicator(tab)).map((element): ProbeFinding => ({
      rule: "focus-visible",
      selector: element.selector,
      context: element.context,
      message: element.offScreen
        ? `"${element.text}" can receive keyboard focus but is not visible on screen when focused (WCAG 2.4.7).`
        : `"${element.text}" looks the same with and without keyboard focus (WCAG 2.4.7); give it a visible :focus-visible style, e.g. an outline.`,
    }));
  },
};

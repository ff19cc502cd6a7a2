/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { ElementInfo, GateWindow } from "../in-page.ts";
import { withEmulatedMedia } from "./page-state.ts";
import type { PageProbe } from "./types.ts";

/**
 * In print, nothing but navigation is hidden: menus, the language switcher and in-page links
 * such as the skip link may go, content may not.
 */
export const printProbe: PageProbe = {
  rules: ["print"],
  async run(tab) {
    await tab.evaluate(() => {
      const gate = (window as unknown as GateWindow).__a11yGate;
      gate.kept = [...document.querySelectorAll("body *")].filter(
        (element) =>
          element.getClientRects().length > 0 && getComputedStyle(element).visibility !== "hidden",
      );
    });
    const hidden = await withEmulatedMedia(tab, { type: "print" }, () =>
      tab.evaluate(() => {
        const gate = (window as unknown as GateWindow).__a11yGate;
        const isNavigation = (element: Element) =>
          element.closest('nav, [role="navigation"]') !== null ||
          (element.localName === "a" && (element.getAttribute("href") ?? "").startsWith("#"));
        const gone = gate.kept.filter(
          (element) =>
            (element.getClientRects().length === 0 ||
              getComputedStyle(element).visibility === "hidden") &&
            !isNavigation(element),
        );
        // The outermost hidden element names what is missing.
        return gone
          .filter((element) => !gone.some((other) => other !== element && other.contains(element)))
          .map((element): ElementInfo => gate.describe(element));
      }),
    );
    return hidden.map((element) => ({
      rule: "print",
      selector: element.selector,
      context: element.context,
      message: `"${element.text || element.selector}" is shown on screen but hidden when the page is printed; print styles may hide navigation only.`,
    }));
  },
};

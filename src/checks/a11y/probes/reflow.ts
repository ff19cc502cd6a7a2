/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { ElementInfo, GateWindow } from "../in-page.ts";
import type { PageProbe } from "./types.ts";

/** Width at which WCAG 1.4.10 (Reflow) requires content without sideways scrolling. */
export const REFLOW_WIDTH = 320;

/** At 320 CSS pixels wide the page does not scroll sideways (WCAG 1.4.10). */
export const reflowProbe: PageProbe = {
  rules: ["reflow-320"],
  async run(tab) {
    const viewport = tab.viewport();
    await tab.setViewport({ width: REFLOW_WIDTH, height: 640 });
    try {
      const report = await tab.evaluate(() => {
        const { describe } = (window as unknown as GateWindow).__a11yGate;
        const root = document.documentElement;
        const limit = root.clientWidth + 0.5;
        const offenders: Element[] = [];
        const add = (element: Element) => {
          if (offenders.length < 3 && !offenders.some((outer) => outer.contains(element))) {
            offenders.push(element);
          }
        };
        if (root.scrollWidth > root.clientWidth) {
          for (const element of [document.body, ...document.body.querySelectorAll("*")]) {
            const box = element.getBoundingClientRect();
            if (box.width > 0 && box.right + scrollX > limit) add(element);
          }
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          const range = document.createRange();
          for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
            range.selectNodeContents(node);
            if (node.parentElement && range.getBoundingClientRect().right + scrollX > limit) {
              add(node.parentElement);
            }
          }
        }
        return {
          scrollWidth: root.scrollWidth,
          clientWidth: root.clientWidth,
          offenders: offenders.map((element): ElementInfo => describe(element)),
        };
      });
      if (report.scrollWidth <= report.clientWidth) return [];
      const widest = report.offenders[0];
      return [
        {
          rule: "reflow-320",
          selector: widest?.selector ?? "html",
          context: widest?.context ?? "",
          message:
            `At ${REFLOW_WIDTH} CSS pixels wide the page scrolls sideways: its content is ${report.scrollWidth} px wide ` +
            `(WCAG 1.4.10 Reflow). Too wide: ${report.offenders.map((o) => o.selector).join(", ") || "unknown"}.`,
        },
      ];
    } finally {
      if (viewport !== null) await tab.setViewport(viewport);
    }
  },
};

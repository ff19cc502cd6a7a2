/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Page } from "puppeteer-core";
import type { ElementInfo, GateWindow } from "../in-page.ts";
import { withInjectedStyle } from "./page-state.ts";

/** Most clipped elements named per finding; the rest are counted. */
const MAX_NAMED = 3;

/**
 * Elements whose content spills out of their box (cut off, or running into what follows) with
 * `css` applied but not without it: the text-spacing and resize-text probes differ only in the
 * styles they apply.
 */
export async function newlyClipped(
  tab: Page,
  css: string,
): Promise<{ count: number; named: ElementInfo[] }> {
  const before = await tab.evaluate(() =>
    (window as unknown as GateWindow).__a11yGate.overflowing(),
  );
  // Measured and named in one call: the names need the same elements as the measurement.
  return withInjectedStyle(tab, css, () =>
    tab.evaluate(
      (earlier: number[], max: number) => {
        const gate = (window as unknown as GateWindow).__a11yGate;
        const unclipped = new Set(earlier);
        const clipped = gate.overflowing().filter((index) => !unclipped.has(index));
        const elements = document.querySelectorAll("body *");
        const found = clipped.flatMap((index) => {
          const element = elements[index];
          return element === undefined ? [] : [element];
        });
        // The innermost boxes name the text that is cut off.
        const named = found
          .filter((element) => !found.some((other) => other !== element && element.contains(other)))
          .slice(0, max)
          .map((element) => gate.describe(element));
        return { count: clipped.length, named };
      },
      before,
      MAX_NAMED,
    ),
  );
}

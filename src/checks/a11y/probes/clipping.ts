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
  const after = await withInjectedStyle(tab, css, () =>
    tab.evaluate(() => (window as unknown as GateWindow).__a11yGate.overflowing()),
  );
  const earlier = new Set(before);
  const clipped = after.filter((index) => !earlier.has(index));
  const named = await tab.evaluate(
    (indexes: number[], max: number) => {
      const { describe } = (window as unknown as GateWindow).__a11yGate;
      const elements = document.querySelectorAll("body *");
      const found = indexes.flatMap((index) => {
        const element = elements[index];
        return element === undefined ? [] : [element];
      });
      // The innermost boxes name the text that is cut off.
      return found
        .filter((element) => !found.some((other) => other !== element && element.contains(other)))
        .slice(0, max)
        .map((element) => describe(element));
    },
    clipped,
    MAX_NAMED,
  );
  return { count: clipped.length, named };
}

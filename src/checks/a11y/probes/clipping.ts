/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Page } from "puppeteer-core";
import type { ElementInfo, GateWindow } from "../in-page.ts";
import { withInjectedStyle } from "./page-state.ts";
import { pictureFindings } from "./screenshots.ts";
import type { ProbeFinding } from "./types.ts";

/** Most clipped elements named per finding; the rest are counted. */
const MAX_NAMED = 3;

/**
 * Elements whose content spills out of their box (cut off, or running into what follows) with
 * `css` applied but not without it, each as the finding `describe` makes of it (given how many
 * boxes spill in all), with a screenshot taken while `css` applies: the text-spacing and
 * resize-text probes differ only in the styles they apply and their words.
 */
export async function newlyClipped(
  tab: Page,
  css: string,
  describe: (element: ElementInfo, count: number) => ProbeFinding,
): Promise<ProbeFinding[]> {
  const before = await tab.evaluate(() =>
    (window as unknown as GateWindow).__a11yGate.overflowing(),
  );
  return withInjectedStyle(tab, css, async () => {
    // Measured and named in one call: the names need the same elements as the measurement.
    const { count, named } = await tab.evaluate(
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
    );
    return pictureFindings(
      tab,
      named.map((element) => describe(element, count)),
    );
  });
}

/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { ElementInfo, GateWindow } from "../in-page.ts";
import { pictureFindings } from "./screenshots.ts";
import type { PageProbe } from "./types.ts";

/** WCAG 2.5.8's minimum: 24 × 24 CSS pixels, or a 24 px circle around the target free of others. */
export const MIN_TARGET = 24;

/**
 * Every pointer target is at least 24 × 24 CSS pixels, or spaced so that a 24 px circle on its
 * centre touches no other target or other small target's circle (WCAG 2.5.8). Links inside a
 * sentence are exempt, as WCAG allows.
 */
export const targetSizeProbe: PageProbe = {
  rules: ["target-size"],
  criteria: { "target-size": ["2.5.8"] },
  async run(tab) {
    const small = await tab.evaluate((min: number) => {
      const { describe } = (window as unknown as GateWindow).__a11yGate;
      const selector =
        'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"]';
      const inSentence = (element: Element) => {
        if (getComputedStyle(element).display !== "inline") return false;
        const parent = element.parentElement;
        if (parent === null) return false;
        // Text beside the link in the same block: the link is part of a sentence.
        return [...parent.childNodes].some(
          (node) =>
            node !== element &&
            node.nodeType === Node.TEXT_NODE &&
            (node.textContent ?? "").trim() !== "",
        );
      };
      const targets = [...document.querySelectorAll(selector)]
        .filter(
          (element) =>
            element.getClientRects().length > 0 &&
            getComputedStyle(element).visibility !== "hidden",
        )
        .map((element) => {
          const box = element.getBoundingClientRect();
          return {
            element,
            box: {
              left: box.left + scrollX,
              top: box.top + scrollY,
              right: box.right + scrollX,
              bottom: box.bottom + scrollY,
            },
            centre: {
              x: (box.left + box.right) / 2 + scrollX,
              y: (box.top + box.bottom) / 2 + scrollY,
            },
            small: box.width < min - 0.5 || box.height < min - 0.5,
          };
        })
        .filter(
          (target) => target.box.right > target.box.left && target.box.bottom > target.box.top,
        );
      const radius = min / 2;
      const circleTouches = (
        centre: { x: number; y: number },
        box: { left: number; top: number; right: number; bottom: number },
      ) => {
        const dx = Math.max(box.left - centre.x, 0, centre.x - box.right);
        const dy = Math.max(box.top - centre.y, 0, centre.y - box.bottom);
        return dx * dx + dy * dy < radius * radius;
      };
      const failing: (ElementInfo & { width: number; height: number; near: string })[] = [];
      for (const target of targets) {
        if (!target.small || inSentence(target.element)) continue;
        const crowding = targets.find(
          (other) =>
            other !== target &&
            !other.element.contains(target.element) &&
            !target.element.contains(other.element) &&
            (circleTouches(target.centre, other.box) ||
              (other.small &&
                Math.hypot(other.centre.x - target.centre.x, other.centre.y - target.centre.y) <
                  min)),
        );
        if (crowding === undefined) continue;
        failing.push({
          ...describe(target.element),
          width: Math.round(target.box.right - target.box.left),
          height: Math.round(target.box.bottom - target.box.top),
          near: describe(crowding.element).text,
        });
      }
      return failing;
    }, MIN_TARGET);
    return pictureFindings(
      tab,
      small.map((target) => ({
        rule: "target-size",
        selector: target.selector,
        context: target.context,
        message:
          `"${target.text}" is ${target.width} × ${target.height} CSS px and too close to "${target.near}" ` +
          `(WCAG 2.5.8): make it at least ${MIN_TARGET} × ${MIN_TARGET} px, e.g. with padding, or space the targets further apart.`,
        measured: {
          width: `${target.width} px`,
          height: `${target.height} px`,
          required: `${MIN_TARGET} px`,
        },
      })),
    );
  },
};

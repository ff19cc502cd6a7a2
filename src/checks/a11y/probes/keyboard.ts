/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Page } from "puppeteer-core";
import type { ElementInfo, GateWindow } from "../in-page.ts";
import { tabSession } from "./page-state.ts";
import type { PageProbe, ProbeFinding } from "./types.ts";

/** Tab presses beyond one per tabbable element: enough to come round to the start again. */
const EXTRA_PRESSES = 3;

/** Most pointer-operable elements named per page; the rest are counted. */
const MAX_NAMED = 10;

/**
 * Starts recording where focus goes. Returns how many presses walk the whole page, or 0 when
 * the page runs no script: then nothing can move focus but the browser's own order, which the
 * tab order of the tabbable elements gives without pressing a key.
 */
function startWalk(tab: Page): Promise<number> {
  return tab.evaluate(() => {
    const gate = (window as unknown as GateWindow).__a11yGate;
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo({ top: 0, left: 0, behavior: "instant" });
    gate.focusLog.length = 0;
    const handlers = [...document.querySelectorAll("body *")].some((element) =>
      element.getAttributeNames().some((name) => name.startsWith("on")),
    );
    if (document.scripts.length === 0 && !handlers && document.querySelector("iframe") === null) {
      // Positive tabindex first, in its order, then the rest in document order.
      const order = (element: HTMLElement) => (element.tabIndex > 0 ? element.tabIndex : Infinity);
      gate.focusLog.push(...gate.tabbables().sort((a, b) => order(a) - order(b)));
      return 0;
    }
    // Chromium also stops at scrollable boxes without focusable content.
    const scrollers = [...document.querySelectorAll("body *")].filter((element) => {
      const style = getComputedStyle(element);
      return (
        /auto|scroll/.test(style.overflowX + style.overflowY) &&
        (element.scrollHeight > element.clientHeight || element.scrollWidth > element.clientWidth)
      );
    }).length;
    return gate.tabbables().length + scrollers;
  });
}

/** Presses Tab `count` times, the key events sent at once: Chromium handles them in order. */
async function pressTab(tab: Page, count: number): Promise<void> {
  const session = await tabSession(tab);
  const key = { key: "Tab", code: "Tab", windowsVirtualKeyCode: 9 };
  await Promise.all(
    Array.from({ length: count }, () => [
      session.send("Input.dispatchKeyEvent", { type: "rawKeyDown", ...key }),
      session.send("Input.dispatchKeyEvent", { type: "keyUp", ...key }),
    ]).flat(),
  );
}

interface WalkResult {
  /** Elements focus stayed among, once caught, and never left; empty when there is no trap. */
  trap: ElementInfo[];
  /** Pairs where Tab moves focus backwards along a line of text: to an element before it in reading direction. */
  backwards: { from: ElementInfo; to: ElementInfo }[];
  /** Elements a pointer can use that the walk never reached, nor anything doing the same. */
  unreachable: ElementInfo[];
  unreachableCount: number;
}

/** Compares where Tab went with what a pointer can use. */
function judgeWalk(tab: Page, presses: number, maxNamed: number): Promise<WalkResult> {
  return tab.evaluate(
    (presses: number, maxNamed: number) => {
      const gate = (window as unknown as GateWindow).__a11yGate;
      const log = [...gate.focusLog];
      const visited = new Set(log);
      // A trap: focus comes round to an element again without having come back to where
      // the walk began, or stops moving while Tab is still pressed.
      let trap: Element[] = [];
      const first = log[0];
      const repeat = log.findIndex((element, index) => log.indexOf(element) < index);
      if (repeat !== -1 && first !== undefined && log[repeat] !== first) {
        trap = log.slice(log.indexOf(log[repeat] as Element), repeat);
      } else if (
        presses > 0 &&
        log.length > 0 &&
        presses - log.length >= 3 &&
        // Tab inside a frame moves focus within the frame's own document.
        !(document.activeElement instanceof HTMLIFrameElement)
      ) {
        trap = [document.activeElement ?? (log[log.length - 1] as Element)];
      }
      // On one line (boxes overlapping by half their height), Tab must go in reading direction.
      const rightToLeft = getComputedStyle(document.documentElement).direction === "rtl";
      const walked = repeat === -1 ? log : log.slice(0, repeat);
      const backwards: { from: Element; to: Element }[] = [];
      walked.forEach((to, index) => {
        const from = walked[index - 1];
        if (from === undefined || !gate.shown(from) || !gate.shown(to)) return;
        const a = from.getBoundingClientRect();
        const b = to.getBoundingClientRect();
        const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        const sameLine =
          overlap >= 0.5 * Math.min(a.height, b.height) && a.height > 0 && b.height > 0;
        if (sameLine && (rightToLeft ? b.left >= a.right : b.right <= a.left))
          backwards.push({ from, to });
      });
      const operableSelector =
        'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, label, [onclick], [contenteditable]:not([contenteditable="false"]), ' +
        '[role="button"], [role="link"], [role="checkbox"], [role="radio"], [role="switch"], [role="tab"], [role="menuitem"], [role="menuitemcheckbox"], ' +
        '[role="menuitemradio"], [role="option"], [role="slider"], [role="spinbutton"], [role="textbox"], [role="combobox"], [role="treeitem"]';
      const pointerStyled = [...document.querySelectorAll("body *")].filter(
        (element) =>
          getComputedStyle(element).cursor === "pointer" &&
          (element.parentElement === null ||
            getComputedStyle(element.parentElement).cursor !== "pointer"),
      );
      const reachedHrefs = new Set(
        [...visited].flatMap((element) =>
          element instanceof HTMLAnchorElement || element instanceof HTMLAreaElement
            ? [element.href]
            : [],
        ),
      );
      const reached = (element: Element): boolean => {
        if ([...visited].some((other) => element.contains(other) || other.contains(element))) {
          return true;
        }
        // The same link elsewhere (a card's picture and its title) does the same.
        if (
          (element instanceof HTMLAnchorElement || element instanceof HTMLAreaElement) &&
          reachedHrefs.has(element.href)
        ) {
          return true;
        }
        if (element instanceof HTMLLabelElement) {
          return (
            element.control === null ||
            element.control.matches(":disabled") ||
            reached(element.control)
          );
        }
        // One radio button of a group takes Tab; arrow keys reach the others.
        if (
          element instanceof HTMLInputElement &&
          element.type === "radio" &&
          element.name !== ""
        ) {
          return [...visited].some(
            (other) =>
              other instanceof HTMLInputElement &&
              other.type === "radio" &&
              other.name === element.name &&
              other.form === element.form,
          );
        }
        const label = element.closest("label");
        return label !== null && label.control !== null && reached(label.control);
      };
      const unreachable = [
        ...new Set([...document.querySelectorAll(operableSelector), ...pointerStyled]),
      ].filter(
        (element) =>
          gate.shown(element) &&
          !element.matches(":disabled") &&
          element.closest('[aria-disabled="true"]') === null &&
          getComputedStyle(element).pointerEvents !== "none" &&
          !reached(element),
      );
      const outermost = unreachable.filter(
        (element) => !unreachable.some((other) => other !== element && other.contains(element)),
      );
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo({ top: 0, left: 0, behavior: "instant" });
      return {
        trap: [...new Set(trap)].map((element) => gate.describe(element)),
        backwards: backwards
          .slice(0, maxNamed)
          .map(({ from, to }) => ({ from: gate.describe(from), to: gate.describe(to) })),
        unreachable: outermost.slice(0, maxNamed).map((element) => gate.describe(element)),
        unreachableCount: outermost.length,
      };
    },
    presses,
    maxNamed,
  );
}

/**
 * Walks the page with the Tab key (on pages without scripts, the browser's tab order of the
 * tabbable elements, which is where Tab goes there) and compares where focus went with what a
 * pointer can use
 * (links, buttons, form fields, labels of form fields, elements with ARIA widget roles or a
 * pointer cursor): everything a pointer can use must be reached, or something doing the same
 * (the same link, a radio button of the group, the field a label belongs to) (WCAG 2.1.1);
 * and focus must come round to the start again instead of staying among a few elements
 * (2.1.2); and along a line, Tab goes in reading direction, not back against it as a layout
 * reordered with CSS makes it (2.4.3). Positive `tabindex` values are axe's `tabindex` rule.
 */
export const keyboardProbe: PageProbe = {
  rules: ["keyboard-reach", "keyboard-trap", "focus-order"],
  criteria: { "keyboard-reach": ["2.1.1"], "keyboard-trap": ["2.1.2"], "focus-order": ["2.4.3"] },
  async run(tab) {
    const needed = await startWalk(tab);
    const presses = needed === 0 ? 0 : needed + EXTRA_PRESSES;
    if (presses > 0) await pressTab(tab, presses);
    const walk = await judgeWalk(tab, presses, MAX_NAMED);
    // Behind a trap nothing is reached: the trap is the finding.
    const unreachable = walk.trap.length > 0 ? [] : walk.unreachable;
    const findings: ProbeFinding[] = unreachable.map((element) => ({
      rule: "keyboard-reach",
      selector: element.selector,
      context: element.context,
      message:
        `"${element.text || element.selector}" can be used with a pointer, but pressing Tab through the page never reaches it ` +
        `or anything that does the same (WCAG 2.1.1${walk.unreachableCount > MAX_NAMED ? `; ${walk.unreachableCount} such elements in all` : ""}). ` +
        "Do not take it out of the tab order (tabindex=-1, display: none on the field a label belongs to); use a link, button or form field.",
    }));
    for (const { from, to } of walk.backwards) {
      findings.push({
        rule: "focus-order",
        selector: to.selector,
        context: to.context,
        message:
          `Tab moves focus from "${from.text || from.selector}" back to "${to.text || to.selector}", which stands before it on the same line, ` +
          "so the focus order does not follow the order readers see (WCAG 2.4.3): make the source order match the layout instead of reordering with CSS.",
      });
    }
    const [caught] = walk.trap;
    if (caught !== undefined) {
      findings.push({
        rule: "keyboard-trap",
        selector: caught.selector,
        context: caught.context,
        message:
          `Keyboard focus is caught: pressing Tab keeps it among ${walk.trap.map((element) => `"${element.text || element.selector}"`).join(", ")} ` +
          "and never brings it to the rest of the page (WCAG 2.1.2).",
      });
    }
    return findings;
  },
};

/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Page } from "puppeteer-core";
import type { ElementInfo, GateWindow } from "../in-page.ts";
import { inFront, shootClip, type Clip } from "./screenshots.ts";
import type { PageProbe, ProbeFinding } from "./types.ts";

/** Content shown while the pointer is over, or focus is on, another element. */
interface Revealed {
  trigger: ElementInfo;
  content: ElementInfo;
  state: "hover" | "focus";
  /** It covers other content, so readers must be able to dismiss it (Escape). */
  covers: string;
  /** The pointer cannot move from the trigger onto it without it disappearing. */
  hoverable: boolean;
  /** It holds links or controls, and no keyboard focus shows it. */
  keyboardHidden: string;
  /** Both, with the content shown, in the page's CSS pixels. */
  clip: Clip;
  /** Index into `kept` of the trigger, then the content. */
  index: number;
}

/** Most pieces of hidden content looked at per page. */
const MAX_CONTENT = 40;

/**
 * Finds content the page's hover and focus rules show: each hidden element such a rule
 * matches, with the nearest element (itself excluded: hidden content cannot be pointed at)
 * whose state shows it. Keeps trigger and content in `kept`, in pairs.
 */
function findRevealed(tab: Page, max: number): Promise<{ state: "hover" | "focus" }[]> {
  return tab.evaluate((max: number) => {
    const gate = (window as unknown as GateWindow).__a11yGate;
    gate.kept = [];
    const revealing =
      /^(display|visibility|opacity|clip|transform|translate|scale|height|max-height|width|max-width|left|top|right|bottom|inset|position|content)/;
    const statesOf = new Map<Element, Set<"hover" | "focus">>();
    for (const rule of gate.stateRules()) {
      if (!rule.properties.some((property) => revealing.test(property))) continue;
      let matched: NodeListOf<Element>;
      try {
        matched = document.querySelectorAll(rule.selector);
      } catch {
        continue;
      }
      for (const content of matched) {
        if (statesOf.size >= max && !statesOf.has(content)) break;
        const states = statesOf.get(content) ?? new Set();
        for (const name of rule.states) states.add(name === "hover" ? "hover" : "focus");
        statesOf.set(content, states);
      }
    }
    const pageWidth = document.documentElement.scrollWidth;
    const seen = (element: Element) => {
      const box = element.getBoundingClientRect();
      return (
        gate.shown(element) &&
        box.width >= 2 &&
        box.height >= 2 &&
        box.right + scrollX > 0 &&
        box.bottom + scrollY > 0 &&
        box.left + scrollX < pageWidth
      );
    };
    const candidatesFor = (content: Element) => {
      const list: Element[] = [];
      for (let node: Element = content; node !== document.body;) {
        for (
          let sibling = node.previousElementSibling;
          sibling;
          sibling = sibling.previousElementSibling
        ) {
          list.push(sibling);
        }
        if (node.parentElement === null) break;
        node = node.parentElement;
        list.push(node);
      }
      return list;
    };
    const found: { state: "hover" | "focus" }[] = [];
    for (const [content, states] of statesOf) {
      if (seen(content)) continue;
      for (const state of states) {
        // The state alone on the candidate, so that an ancestor's rule is not credited to a
        // child that only passes its hover on.
        const trigger = candidatesFor(content).find((candidate) => {
          gate.setState(candidate, state, true, true);
          const shows = seen(content);
          gate.setState(candidate, state, false, true);
          return shows;
        });
        if (trigger === undefined) continue;
        gate.kept.push(trigger, content);
        found.push({ state });
      }
    }
    return found;
  }, max);
}

/** Judges each piece of content `findRevealed` kept, as WCAG 1.4.13 and 2.1.1 ask. */
function judgeRevealed(tab: Page, states: { state: "hover" | "focus" }[]): Promise<Revealed[]> {
  return tab.evaluate((states: { state: "hover" | "focus" }[]) => {
    const gate = (window as unknown as GateWindow).__a11yGate;
    const focusable =
      'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    const shows = (element: Element) => {
      const box = element.getBoundingClientRect();
      return gate.shown(element) && box.width >= 2 && box.height >= 2;
    };
    const hasText = (element: Element) =>
      element instanceof HTMLImageElement || gate.hasOwnText(element);
    const overlaps = (a: DOMRect, b: DOMRect) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2 &&
      Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2;
    const related = (a: Element, b: Element) => a.contains(b) || b.contains(a);
    return states.map(({ state }, pair) => {
      const index = pair * 2;
      const trigger = gate.kept[index] as Element;
      const content = gate.kept[index + 1] as Element;
      gate.setState(trigger, state, true);
      trigger.scrollIntoView({ block: "center", inline: "nearest", behavior: "instant" });
      const contentBox = content.getBoundingClientRect();
      const triggerBox = trigger.getBoundingClientRect();
      const covered = [...document.querySelectorAll("body *")].find(
        (other) =>
          !related(other, content) &&
          !related(other, trigger) &&
          hasText(other) &&
          gate.shown(other) &&
          overlaps(contentBox, other.getBoundingClientRect()),
      );
      // The pointer travels from the trigger's centre to the content's: every point on the
      // way must keep the trigger or the content under it, and hovering the content alone
      // must keep it shown.
      let hoverable = true;
      if (state === "hover") {
        for (let step = 0; step <= 10 && hoverable; step++) {
          const x = triggerBox.x + triggerBox.width / 2;
          const y = triggerBox.y + triggerBox.height / 2;
          const hit = document.elementFromPoint(
            x + ((contentBox.x + contentBox.width / 2 - x) * step) / 10,
            y + ((contentBox.y + contentBox.height / 2 - y) * step) / 10,
          );
          if (hit !== null && !trigger.contains(hit) && !content.contains(hit)) hoverable = false;
        }
        gate.setState(trigger, "hover", false);
        gate.setState(content, "hover", true);
        hoverable &&= shows(content);
        gate.setState(content, "hover", false);
      } else {
        gate.setState(trigger, state, false);
      }
      // Keyboard: focus on the trigger, or on a control in it, must show links and controls too.
      let keyboardHidden = "";
      const controls = [...content.querySelectorAll(focusable)];
      if (state === "hover" && controls.length > 0) {
        const holders = [trigger, ...trigger.querySelectorAll(focusable)].filter(
          (element) => element.matches(focusable) && !content.contains(element),
        );
        const byFocus = holders.some((holder) => {
          gate.setState(holder, "focus", true);
          const shown = shows(content);
          gate.setState(holder, "focus", false);
          return shown;
        });
        if (!byFocus) keyboardHidden = gate.describe(controls[0] as Element).text;
      }
      const left = Math.max(0, Math.min(contentBox.left, triggerBox.left) - 8);
      const top = Math.max(0, Math.min(contentBox.top, triggerBox.top) - 8);
      return {
        trigger: gate.describe(trigger),
        content: gate.describe(content),
        state,
        covers: covered === undefined ? "" : gate.describe(covered).selector,
        hoverable,
        keyboardHidden,
        clip: {
          x: left + scrollX,
          y: top + scrollY,
          width: Math.max(contentBox.right, triggerBox.right) + 8 - left,
          height: Math.max(contentBox.bottom, triggerBox.bottom) + 8 - top,
        },
        index,
      };
    });
  }, states);
}

/** A screenshot with the content shown as its trigger's state shows it. */
async function shootRevealed(tab: Page, item: Revealed): Promise<Uint8Array | undefined> {
  const toggle = (on: boolean) =>
    tab.evaluate(
      (index: number, state: "hover" | "focus", on: boolean) => {
        const gate = (window as unknown as GateWindow).__a11yGate;
        const trigger = gate.kept[index];
        if (trigger !== undefined) gate.setState(trigger, state, on);
      },
      item.index,
      item.state,
      on,
    );
  await toggle(true);
  try {
    if (item.clip.width < 2 || item.clip.height < 2) return undefined;
    return await inFront(tab, () => shootClip(tab, item.clip));
  } catch {
    return undefined;
  } finally {
    await toggle(false);
  }
}

/**
 * Content that appears on hover or focus (tooltips, pop-ups, menus shown by CSS) can be
 * dismissed with Escape when it covers other content, can itself be hovered, and stays
 * while hovered (WCAG 1.4.13); content shown only on hover that holds links or controls can
 * also be shown by keyboard focus (2.1.1). The page's hover and focus rules are found in its
 * style sheets and applied to copies of themselves (see `stateRules`), so only elements with
 * such rules cost anything. Styles alone cannot react to Escape, so covering content shown by
 * CSS is never dismissable; scripts that hide it on Escape are not tried.
 */
export const hoverContentProbe: PageProbe = {
  rules: ["hover-content", "hover-only-content"],
  criteria: { "hover-content": ["1.4.13"], "hover-only-content": ["2.1.1"] },
  async run(tab) {
    const findings: ProbeFinding[] = [];
    const revealed = await findRevealed(tab, MAX_CONTENT);
    if (revealed.length === 0) return [];
    for (const item of await judgeRevealed(tab, revealed)) {
      const on = item.state === "hover" ? "the pointer is over" : "keyboard focus is on";
      const problems = [
        item.covers === ""
          ? ""
          : `it covers ${item.covers} and cannot be dismissed with Escape without moving the ${item.state === "hover" ? "pointer" : "focus"}`,
        item.hoverable ? "" : "it disappears when the pointer moves from the trigger onto it",
      ].filter((text) => text !== "");
      if (problems.length === 0 && item.keyboardHidden === "") continue;
      const screenshot = await shootRevealed(tab, item);
      const common = {
        selector: item.content.selector,
        context: item.content.context,
        ...(screenshot === undefined ? {} : { screenshot }),
      };
      if (problems.length > 0) {
        findings.push({
          ...common,
          rule: "hover-content",
          message:
            `"${item.content.text || item.content.selector}" appears while ${on} "${item.trigger.text || item.trigger.selector}", but ` +
            `${problems.join(", and ")} (WCAG 1.4.13).`,
        });
      }
      if (item.keyboardHidden !== "") {
        findings.push({
          ...common,
          rule: "hover-only-content",
          message:
            `"${item.keyboardHidden}" and the rest of "${item.content.text || item.content.selector}" appear only while the pointer is over ` +
            `"${item.trigger.text || item.trigger.selector}"; keyboard focus never shows them, so keyboard users cannot reach them (WCAG 2.1.1). ` +
            "Show them with :focus-within too.",
        });
      }
    }
    return findings;
  },
};

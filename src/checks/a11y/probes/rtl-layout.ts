/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Page } from "puppeteer-core";
import type { ElementInfo, GateWindow } from "../in-page.ts";
import type { PageProbe, ProbeFinding } from "./types.ts";

/** The rules of the right-to-left layout probe. */
export const RTL_RULES = {
  overflow: "rtl-overflow",
  menu: "rtl-menu-side",
  skipLink: "rtl-skip-link-side",
} as const;

/** The widths a right-to-left page is looked at: a desktop window and a phone. */
const WIDTHS = [1280, 390] as const;

/** What the page shows at one width, as the probe reads it. */
interface RtlReport {
  width: number;
  /** Elements whose box runs past the page's left or right edge, outermost first. */
  outside: (ElementInfo & { left: number; right: number })[];
  /** The menu's first link and the box of its words. */
  menu: (ElementInfo & { left: number; right: number }) | null;
}

/** Reads a page whose text runs right to left at the tab's current width. */
async function readLayout(tab: Page): Promise<RtlReport> {
  return tab.evaluate(() => {
    const { describe } = (window as unknown as GateWindow).__a11yGate;
    const width = document.documentElement.clientWidth;
    const shown = (element: Element) => {
      const box = element.getBoundingClientRect();
      return box.width > 1 && box.height > 1 ? box : null;
    };
    // Content inside a box that scrolls or clips sideways (a table region) stays in that box.
    const clipped = (element: Element) => {
      for (let parent = element.parentElement; parent !== null; parent = parent.parentElement) {
        if (parent === document.body) return false;
        if (getComputedStyle(parent).overflowX !== "visible") return true;
      }
      return false;
    };
    const outside: { element: Element; box: DOMRect }[] = [];
    for (const element of document.body.querySelectorAll("*")) {
      const box = shown(element);
      if (box === null || (box.left >= -0.5 && box.right <= width + 0.5)) continue;
      if (clipped(element) || outside.some((outer) => outer.element.contains(element))) continue;
      outside.push({ element, box });
      if (outside.length === 3) break;
    }
    // The menu: a navigation in the header that is not the language switcher (whose links all
    // name their language with hreflang). Its first link is read where its words stand, with a
    // folded menu (a closed disclosure) opened for the reading and closed again.
    const menus = [...document.querySelectorAll("header nav")].filter((nav) =>
      [...nav.querySelectorAll("a")].some((link) => !link.hasAttribute("hreflang")),
    );
    const folded = menus.flatMap((nav) => [...nav.querySelectorAll("details:not([open])")]);
    for (const details of folded) details.setAttribute("open", "");
    const first = menus.flatMap((nav) => [...nav.querySelectorAll("a")])[0];
    let menuBox: DOMRect | null = null;
    if (first !== undefined) {
      const words = document.createRange();
      words.selectNodeContents(first);
      const box = words.getBoundingClientRect();
      menuBox = box.width > 1 ? box : null;
    }
    for (const details of folded) details.removeAttribute("open");
    const report: RtlReport = {
      width,
      outside: outside.map(({ element, box }) => ({
        ...describe(element),
        left: box.left,
        right: box.right,
      })),
      menu:
        first === undefined || menuBox === null
          ? null
          : { ...describe(first), left: menuBox.left, right: menuBox.right },
    };
    return report;
  });
}

/** Where the first Tab lands: the skip link's box while it has focus. */
async function skipLinkBox(tab: Page) {
  await tab.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo({ top: 0, left: 0, behavior: "instant" });
  });
  await tab.keyboard.press("Tab");
  const found = await tab.evaluate(() => {
    const { describe } = (window as unknown as GateWindow).__a11yGate;
    const active = document.activeElement;
    if (active === null || active === document.body) return null;
    const box = active.getBoundingClientRect();
    const info = describe(active);
    (active as HTMLElement).blur();
    return {
      ...info,
      left: box.left,
      right: box.right,
      width: document.documentElement.clientWidth,
      skips: active.localName === "a" && (active.getAttribute("href") ?? "").startsWith("#"),
    };
  });
  return found;
}

const px = (value: number) => `${Math.round(value)} px`;

/**
 * On a page whose text runs right to left (`dir="rtl"`), the layout is mirrored: at 1280 and
 * 390 px wide nothing runs past the page's edges (where a layout written with physical sides
 * would push it: the reflow probe looks only to the right), the main menu's first link stands
 * on the right side (in a folded menu, once it is opened), and so does the skip link when the
 * first Tab shows it. Pages that run left to right
 * are not looked at.
 */
export const rtlLayoutProbe: PageProbe = {
  rules: Object.values(RTL_RULES),
  criteria: {
    [RTL_RULES.overflow]: ["1.4.10"],
    [RTL_RULES.menu]: ["3.2.3"],
    [RTL_RULES.skipLink]: ["2.4.1"],
  },
  async run(tab) {
    const rtl = await tab.evaluate(() => getComputedStyle(document.documentElement).direction);
    if (rtl !== "rtl") return [];
    const findings: ProbeFinding[] = [];
    const viewport = tab.viewport();
    try {
      for (const width of WIDTHS) {
        await tab.setViewport({ width, height: 800 });
        const report = await readLayout(tab);
        for (const element of report.outside) {
          findings.push({
            rule: RTL_RULES.overflow,
            selector: element.selector,
            context: element.context,
            message: `At ${width} px wide, on this right-to-left page, ${element.selector} runs past the page's ${element.left < 0 ? "left" : "right"} edge (from ${px(element.left)} to ${px(element.right)} of ${px(report.width)}): give it sides that mirror (inline-start, inline-end) or let it wrap.`,
          });
        }
        const { menu } = report;
        if (menu === null) {
          findings.push({
            rule: RTL_RULES.menu,
            selector: "header nav",
            context: "",
            message: `At ${width} px wide the page shows no menu in its header to check.`,
          });
        } else if ((menu.left + menu.right) / 2 <= report.width / 2) {
          findings.push({
            rule: RTL_RULES.menu,
            selector: menu.selector,
            context: menu.context,
            message: `At ${width} px wide the menu starts on the left (its first link "${menu.text}" at ${px(menu.left)}–${px(menu.right)} of ${px(report.width)}), but on a right-to-left page it starts on the right.`,
          });
        }
      }
      const skip = await skipLinkBox(tab);
      if (skip === null || !skip.skips) {
        findings.push({
          rule: RTL_RULES.skipLink,
          selector: skip?.selector ?? "",
          context: skip?.context ?? "",
          message: "The first Tab press shows no skip link whose side could be checked.",
        });
      } else if ((skip.left + skip.right) / 2 <= skip.width / 2) {
        findings.push({
          rule: RTL_RULES.skipLink,
          selector: skip.selector,
          context: skip.context,
          message: `The skip link "${skip.text}" appears on the left (${px(skip.left)}–${px(skip.right)} of ${px(skip.width)}), but on a right-to-left page it appears on the right, where reading starts.`,
        });
      }
    } finally {
      if (viewport !== null) await tab.setViewport(viewport);
    }
    return findings;
  },
};

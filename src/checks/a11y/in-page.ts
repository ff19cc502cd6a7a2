/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Helpers the probes use inside the page. `installPageHelpers` is handed to `page.evaluate` as
 * a function and stores them as `window.__a11yGate`; every probe's in-page function reaches
 * them through `gateHelpers()`-style access written out in that function, because a function
 * passed to the page cannot see this module's scope.
 */
import type { Page } from "puppeteer-core";

/** An element as the reports show it. */
export interface ElementInfo {
  selector: string;
  text: string;
  context: string;
}

/** What `installPageHelpers` puts on `window.__a11yGate`. */
export interface PageHelpers {
  describe: (element: Element) => ElementInfo;
  /** Elements a keyboard user reaches with Tab, in document order. */
  tabbables: () => HTMLElement[];
  /**
   * Everything about an element's rendering that a focus indicator could change. With
   * `forced`, only what forced colours keep: Chromium still reports the page's shadows,
   * backgrounds and colours, but draws system colours and no shadows in their place.
   */
  look: (element: Element, forced?: boolean) => string;
  /** Elements whose content spills out of their box, by index into `document.querySelectorAll("body *")`. */
  overflowing: () => number[];
  /** Elements kept between probe calls (focus candidates, elements visible on screen). */
  kept: Element[];
}

/** `window` with the helpers installed. */
export interface GateWindow extends Window {
  __a11yGate: PageHelpers;
}

/**
 * Runs in the page: defines the helpers. tsx and vitest wrap named functions in a `__name`
 * helper that only exists in Node; the tab defines a stand-in first (see `prepareTab`).
 */
export function installPageHelpers(): void {
  const uniqueId = (element: Element) =>
    element.id !== "" && document.querySelectorAll(`#${CSS.escape(element.id)}`).length === 1;
  const cssPath = (element: Element): string => {
    const parts: string[] = [];
    for (let node: Element | null = element; node !== null; node = node.parentElement) {
      if (uniqueId(node)) {
        parts.unshift(`#${CSS.escape(node.id)}`);
        return parts.join(" > ");
      }
      let part = node.localName;
      const parent: Element | null = node.parentElement;
      if (parent !== null) {
        const current = node;
        const sameTag = [...parent.children].filter(
          (child) => child.localName === current.localName,
        );
        if (sameTag.length > 1) part += `:nth-of-type(${sameTag.indexOf(current) + 1})`;
      }
      parts.unshift(part);
    }
    return parts.join(" > ");
  };
  const FOCUSABLE =
    'a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable]:not([contenteditable="false"])';
  const isTransparent = (color: string) =>
    color === "transparent" || /rgba\(.*,\s*0\)$/.test(color) || /\/\s*0\)$/.test(color);
  // A line (outline or border side) the eye can see, or "none".
  const line = (style: string, width: string, color: string) =>
    style === "none" || style === "hidden" || parseFloat(width) === 0 || isTransparent(color)
      ? "none"
      : `${style} ${width} ${color}`;
  const styleParts = (s: CSSStyleDeclaration, forced: boolean): string[] => {
    const colour = (value: string) => (forced ? "system" : value);
    const outline = line(s.outlineStyle, s.outlineWidth, colour(s.outlineColor));
    return [
      outline === "none" ? "none" : `${outline} ${s.outlineOffset}`,
      forced ? "" : s.boxShadow,
      line(s.borderTopStyle, s.borderTopWidth, colour(s.borderTopColor)),
      line(s.borderRightStyle, s.borderRightWidth, colour(s.borderRightColor)),
      line(s.borderBottomStyle, s.borderBottomWidth, colour(s.borderBottomColor)),
      line(s.borderLeftStyle, s.borderLeftWidth, colour(s.borderLeftColor)),
      colour(s.backgroundColor),
      forced ? "" : s.backgroundImage,
      colour(s.color),
      [
        s.textDecorationLine,
        s.textDecorationStyle,
        colour(s.textDecorationColor),
        s.textDecorationThickness,
      ].join(" "),
      s.opacity,
      s.transform,
      s.filter,
      // Visually hidden elements shown on focus (skip links) often change only their clip.
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      s.clip,
      s.clipPath,
      s.fontWeight,
    ];
  };
  const helpers: PageHelpers = {
    describe: (element) => ({
      selector: cssPath(element),
      text: (element.textContent || element.getAttribute("aria-label") || "")
        .trim()
        .replace(/\s+/g, " ")
        .slice(0, 60),
      context: element.outerHTML.replace(/\s+/g, " ").slice(0, 200),
    }),
    tabbables: () =>
      [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
        (element) =>
          element.tabIndex >= 0 &&
          !(element as HTMLButtonElement).disabled &&
          !(element instanceof HTMLInputElement && element.type === "hidden") &&
          element.getClientRects().length > 0 &&
          getComputedStyle(element).visibility !== "hidden" &&
          element.closest("[inert]") === null,
      ),
    look: (element, forced = false) => {
      const parts = styleParts(getComputedStyle(element), forced);
      for (const pseudo of ["::before", "::after"]) {
        const s = getComputedStyle(element, pseudo);
        if (s.content !== "none" && s.content !== "normal") {
          parts.push(pseudo, s.content, s.width, s.height, ...styleParts(s, forced));
        }
      }
      const box = element.getBoundingClientRect();
      parts.push(
        [box.left + scrollX, box.top + scrollY, box.width, box.height].map(Math.round).join(","),
      );
      return parts.join("|");
    },
    overflowing: () => {
      const found: number[] = [];
      document.querySelectorAll("body *").forEach((element, index) => {
        const style = getComputedStyle(element);
        // A box the reader can scroll hides nothing for good.
        const scrolls = /auto|scroll/.test(style.overflowX + style.overflowY);
        if (scrolls || element.getClientRects().length === 0) return;
        if (
          element.scrollWidth > element.clientWidth + 1 ||
          element.scrollHeight > element.clientHeight + 1
        ) {
          found.push(index);
        }
      });
      return found;
    },
    kept: [],
  };
  (window as unknown as GateWindow).__a11yGate = helpers;
}

/** Defines `__name` in every document the tab loads (see `installPageHelpers`). */
export async function prepareTab(tab: Page): Promise<void> {
  await tab.evaluateOnNewDocument(() => {
    (globalThis as unknown as { __name: (fn: unknown) => unknown }).__name = (fn) => fn;
  });
}

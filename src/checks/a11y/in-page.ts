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
  /**
   * Elements whose content spills out of their box, by index into
   * `document.querySelectorAll("body *")`: boxes that scroll are left out, and so is what
   * `spill` does not count.
   */
  overflowing: () => number[];
  /**
   * How far an element's content runs out of its box, across and down, in CSS pixels. Where
   * the box lets it show (`overflow: visible`), the glyphs' own overhang does not count: with a
   * line height below the font's height, letters reach past their line box, though nothing is
   * cut off or covered; where the box clips, every pixel counts, as it is cut off.
   */
  spill: (element: Element) => { across: number; down: number };
  /**
   * Pure decoration, which WCAG 1.4.3 leaves out: text hidden from assistive technology
   * (`aria-hidden`) with no letter or digit in it, such as a row of dots or a fleuron. Hidden
   * text with words is still read by sighted readers, so it is checked.
   */
  decoration: (element: Element) => boolean;
  /** A URL as reports show it: the path for the site's own pages and files, other URLs whole. */
  address: (url: string) => string;
  /**
   * Scrolls an element into view and gives the rectangle of it and 8 px around it, as far as
   * the viewport shows it, in page coordinates; null when too little of it is on screen.
   */
  screenClip: (element: Element) => { x: number; y: number; width: number; height: number } | null;
  /** Elements kept between probe calls (focus candidates, elements visible on screen). */
  kept: Element[];
  /** Elements that received focus, in order, since the list was last emptied. */
  focusLog: Element[];
  /** A CSS colour as sRGB and alpha (0 to 255 each), however the page wrote it. */
  rgba: (colour: string) => [number, number, number, number];
  /**
   * The solid colour behind an element, its own background included, composed from the
   * backgrounds of it and its ancestors; null where an image, gradient, filter or blend mode
   * takes part, which only the rendered pixels can tell.
   */
  background: (element: Element) => [number, number, number] | null;
  /** The element is drawn: it has boxes, is not hidden and not wholly transparent. */
  shown: (element: Element) => boolean;
  /** WCAG's contrast ratio of two sRGB colours ([r, g, b, …], 0 to 255). */
  contrast: (a: readonly number[], b: readonly number[]) => number;
  /**
   * The element's focus outline shows plainly from its styles alone: at least 2 px, drawn
   * whole (no ancestor that hides overflow cuts it), in a colour at least 3:1 against the
   * solid colours on both sides of it; under forced colours, any whole outline, which they
   * draw in the reader's own colour.
   */
  plainOutline: (element: Element, forced: boolean) => boolean;
  /** The element has text of its own, not only in its children. */
  hasOwnText: (element: Element) => boolean;
  /** How opaque the element is drawn: its opacity times its ancestors'. */
  opacity: (element: Element) => number;
  /** WCAG's large text: at least 24 px, or 18.66 px and bold. */
  largeText: (element: Element) => boolean;
  /**
   * The page's rules for hover and focus, copied with `:hover`, `:focus`, `:focus-visible` and
   * `:focus-within` written as attributes, so a state can be given to any element without a
   * pointer or focus (see `setState`). Each entry: the rule's selector with the states taken
   * out, the states it needs and the properties it sets.
   */
  stateRules: () => { selector: string; states: string[]; properties: string[] }[];
  /**
   * A graphic needed to understand the page, whose contrast counts (WCAG 1.4.11): part of a
   * figure or an image role, named, or the only content of a link or button. Graphics hidden
   * from assistive technology outside figures are decoration.
   */
  informative: (element: Element) => boolean;
  /**
   * Gives an element the hover or focus state, and its ancestors hover or focus-within as a
   * pointer or focus would (unless `alone`), or takes it.
   */
  setState: (element: Element, state: "hover" | "focus", on: boolean, alone?: boolean) => void;
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
  // The attributes `setState` and the probes put on elements, as they appear in markup.
  const GATE_ATTRIBUTES = /\s(?:data-gate-[a-z-]+|data-a11y-gate)(?:="[^"]*")?/g;
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
  const colours = new Map<string, [number, number, number, number]>();
  let canvas: CanvasRenderingContext2D | null = null;
  const paint = () => {
    canvas ??= document
      .createElement("canvas")
      .getContext("2d", { willReadFrequently: true }) as CanvasRenderingContext2D;
    return canvas;
  };
  let stateRules: ReturnType<PageHelpers["stateRules"]> | null = null;
  const helpers: PageHelpers = {
    describe: (element) => ({
      selector: cssPath(element),
      text: (element.textContent || element.getAttribute("aria-label") || "")
        .trim()
        .replace(/\s+/g, " ")
        .slice(0, 60),
      // The attributes the gate sets to give elements states are not the page's markup.
      context: element.outerHTML.replace(GATE_ATTRIBUTES, "").replace(/\s+/g, " ").slice(0, 200),
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
        const { across, down } = helpers.spill(element);
        if (across > 1 || down > 1) found.push(index);
      });
      return found;
    },
    spill: (element) => {
      const across = element.scrollWidth - element.clientWidth;
      const down = element.scrollHeight - element.clientHeight;
      if (down <= 1 || getComputedStyle(element).overflowY !== "visible") return { across, down };
      // The most any text in the box reaches past its line box: its font's height above its
      // line height (Range boxes are the font's height, whatever the line height).
      let overhang = 0;
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      for (
        let node = walker.nextNode(), seen = 0;
        node !== null && seen < 200;
        node = walker.nextNode()
      ) {
        if ((node.textContent ?? "").trim() === "" || node.parentElement === null) continue;
        seen++;
        const lineHeight = parseFloat(getComputedStyle(node.parentElement).lineHeight);
        range.selectNodeContents(node);
        const height = range.getClientRects()[0]?.height ?? 0;
        if (Number.isFinite(lineHeight)) overhang = Math.max(overhang, height - lineHeight);
      }
      return { across, down: down - Math.ceil(Math.max(0, overhang)) };
    },
    decoration: (element) =>
      element.closest('[aria-hidden="true"]') !== null &&
      !/[\p{L}\p{N}]/u.test(element.textContent),
    address: (url) => {
      try {
        const parsed = new URL(url, location.href);
        return parsed.origin === location.origin
          ? parsed.pathname + parsed.search + parsed.hash
          : parsed.href;
      } catch {
        return url;
      }
    },
    screenClip: (element) => {
      element.scrollIntoView({ block: "center", inline: "nearest", behavior: "instant" });
      const box = element.getBoundingClientRect();
      const left = Math.max(0, box.left - 8);
      const top = Math.max(0, box.top - 8);
      const right = Math.min(innerWidth, box.right + 8);
      const bottom = Math.min(innerHeight, box.bottom + 8);
      if (right - left < 2 || bottom - top < 2) return null;
      return { x: left + scrollX, y: top + scrollY, width: right - left, height: bottom - top };
    },
    kept: [],
    focusLog: [],
    rgba: (colour) => {
      const known = colours.get(colour);
      if (known !== undefined) return known;
      const context = paint();
      context.clearRect(0, 0, 1, 1);
      context.fillStyle = "rgba(0, 0, 0, 0)";
      context.fillStyle = colour;
      context.fillRect(0, 0, 1, 1);
      const [r = 0, g = 0, b = 0, a = 0] = context.getImageData(0, 0, 1, 1).data;
      // Canvas stores colours with premultiplied alpha; undo it for translucent colours.
      const value: [number, number, number, number] =
        a === 0
          ? [0, 0, 0, 0]
          : ([(r * 255) / a, (g * 255) / a, (b * 255) / a, a].map(Math.round) as [
              number,
              number,
              number,
              number,
            ]);
      colours.set(colour, value);
      return value;
    },
    background: (element) => {
      const layers: [number, number, number, number][] = [];
      for (let node: Element | null = element; node !== null; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (
          style.backgroundImage !== "none" ||
          style.filter !== "none" ||
          style.mixBlendMode !== "normal" ||
          style.backdropFilter !== "none"
        ) {
          return null;
        }
        const colour = helpers.rgba(style.backgroundColor);
        if (colour[3] > 0) layers.push(colour);
        if (colour[3] === 255) break;
      }
      // The canvas below everything is white, as browsers paint it.
      let result: [number, number, number] = [255, 255, 255];
      for (const [r, g, b, a] of layers.reverse()) {
        const alpha = a / 255;
        result = [
          r * alpha + result[0] * (1 - alpha),
          g * alpha + result[1] * (1 - alpha),
          b * alpha + result[2] * (1 - alpha),
        ];
      }
      return result;
    },
    shown: (element) => {
      if (element.getClientRects().length === 0) return false;
      if (element.closest("[inert]") !== null) return false;
      return getComputedStyle(element).visibility === "visible" && helpers.opacity(element) > 0;
    },
    contrast: (a, b) => {
      const luminance = (colour: readonly number[]) =>
        [0.2126, 0.7152, 0.0722].reduce((sum, weight, channel) => {
          const c = (colour[channel] ?? 0) / 255;
          return sum + weight * (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
        }, 0);
      const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
      return (light + 0.05) / (dark + 0.05);
    },
    plainOutline: (element, forced) => {
      const style = getComputedStyle(element);
      const width = parseFloat(style.outlineWidth);
      const offset = parseFloat(style.outlineOffset);
      if (style.outlineStyle === "none" || width < (forced ? 1 : 2)) return false;
      const box = element.getBoundingClientRect();
      const margin = width + Math.max(0, offset);
      for (let node = element.parentElement; node !== null; node = node.parentElement) {
        const parent = getComputedStyle(node);
        if (!/hidden|clip/.test(parent.overflowX + parent.overflowY)) continue;
        const room = node.getBoundingClientRect();
        if (
          box.left - margin < room.left ||
          box.right + margin > room.right ||
          box.top - margin < room.top ||
          box.bottom + margin > room.bottom
        ) {
          return false;
        }
      }
      if (forced) return true;
      const colour = helpers.rgba(style.outlineColor);
      const outside = helpers.background(element.parentElement ?? element);
      const inside = offset > 0 ? outside : helpers.background(element);
      return (
        colour[3] === 255 &&
        outside !== null &&
        inside !== null &&
        helpers.contrast(colour, outside) >= 3 &&
        helpers.contrast(colour, inside) >= 3
      );
    },
    hasOwnText: (element) =>
      [...element.childNodes].some(
        (node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? "").trim() !== "",
      ),
    opacity: (element) => {
      let opacity = 1;
      for (let node: Element | null = element; node !== null; node = node.parentElement) {
        opacity *= Number(getComputedStyle(node).opacity);
      }
      return opacity;
    },
    largeText: (element) => {
      const style = getComputedStyle(element);
      const size = parseFloat(style.fontSize);
      return size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    },
    stateRules: () => {
      if (stateRules !== null) return stateRules;
      const found: { selector: string; states: string[]; properties: string[] }[] = [];
      const pattern = /:(hover|focus-visible|focus-within|focus)(?![\w-])/g;
      const attributeOf = (state: string) =>
        state === "hover"
          ? "[data-gate-hover]"
          : state === "focus-within"
            ? "[data-gate-focus-within]"
            : "[data-gate-focus]";
      const walk = (parent: CSSStyleSheet | CSSGroupingRule | CSSStyleRule) => {
        let rules: CSSRuleList;
        try {
          rules = parent.cssRules;
        } catch {
          return; // a sheet from another host cannot be read
        }
        for (let index = rules.length - 1; index >= 0; index--) {
          const rule = rules[index];
          if (rule instanceof CSSImportRule && rule.styleSheet !== null) walk(rule.styleSheet);
          else if (rule instanceof CSSGroupingRule) walk(rule);
          if (!(rule instanceof CSSStyleRule)) continue;
          if (rule.cssRules.length > 0) walk(rule);
          const states = [...rule.selectorText.matchAll(pattern)].map((match) => match[1] ?? "");
          if (states.length === 0) continue;
          const copy = rule.selectorText.replace(pattern, (_, state: string) => attributeOf(state));
          try {
            parent.insertRule(`${copy} { ${rule.style.cssText} }`, index + 1);
          } catch {
            continue;
          }
          found.push({
            selector: rule.selectorText.replace(pattern, ":is(*)"),
            states: [...new Set(states)],
            properties: [...rule.style],
          });
        }
      };
      for (const sheet of document.styleSheets) walk(sheet);
      stateRules = found;
      return found;
    },
    informative: (element) => {
      if (element.parentElement?.closest('figure, [role="figure"], [role="img"]')) return true;
      const control = element.closest('a[href], button, [role="button"], [role="link"]');
      if (control !== null && (control as HTMLElement).innerText.trim() === "") return true;
      if (element.closest('[aria-hidden="true"], [role="presentation"], [role="none"]')) {
        return false;
      }
      return (
        element.getAttribute("role") === "img" ||
        element.hasAttribute("aria-label") ||
        element.hasAttribute("aria-labelledby") ||
        element.querySelector(":scope > title") !== null
      );
    },
    setState: (element, state, on, alone = false) => {
      const mark = (node: Element, attribute: string) => {
        if (on) node.setAttribute(attribute, "");
        else node.removeAttribute(attribute);
      };
      if (state === "focus") mark(element, "data-gate-focus");
      for (let node: Element | null = element; node !== null; node = node.parentElement) {
        mark(node, state === "hover" ? "data-gate-hover" : "data-gate-focus-within");
        if (alone) break;
      }
    },
  };
  document.addEventListener(
    "focusin",
    (event) => helpers.focusLog.push(event.target as Element),
    true,
  );
  (window as unknown as GateWindow).__a11yGate = helpers;
}

/** Defines `__name` in every document the tab loads (see `installPageHelpers`). */
export async function prepareTab(tab: Page): Promise<void> {
  await tab.evaluateOnNewDocument(() => {
    (globalThis as unknown as { __name: (fn: unknown) => unknown }).__name = (fn) => fn;
  });
}

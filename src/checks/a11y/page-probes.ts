/**
 * JavaScript that the browser checks install in each page as `window.__a11yGate`.
 *
 * It is a plain string, not a TypeScript function handed to page.evaluate: tsx and vitest
 * compile named inner functions into calls to a `__name` helper that exists in Node but not
 * in the page, so serialised functions fail there with "__name is not defined".
 *
 * Every probe returns plain JSON; browser-checks.ts validates the shapes.
 */
export const PAGE_PROBES = String.raw`
(() => {
  const FOCUSABLE = 'a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable]:not([contenteditable="false"])';

  const uniqueId = (el) => el.id !== "" && document.querySelectorAll("#" + CSS.escape(el.id)).length === 1;

  const cssPath = (el) => {
    const parts = [];
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      if (uniqueId(node)) {
        parts.unshift("#" + CSS.escape(node.id));
        return parts.join(" > ");
      }
      let part = node.localName;
      const parent = node.parentElement;
      if (parent) {
        const sameTag = [...parent.children].filter((child) => child.localName === node.localName);
        if (sameTag.length > 1) part += ":nth-of-type(" + (sameTag.indexOf(node) + 1) + ")";
      }
      parts.unshift(part);
    }
    return parts.join(" > ");
  };

  const describe = (el) => ({
    selector: cssPath(el),
    text: (el.textContent || el.getAttribute("aria-label") || "").trim().replace(/\s+/g, " ").slice(0, 60),
    context: el.outerHTML.replace(/\s+/g, " ").slice(0, 200),
  });

  const isTabbable = (el) =>
    el.tabIndex >= 0 &&
    !el.disabled &&
    !(el.localName === "input" && el.type === "hidden") &&
    el.getClientRects().length > 0 &&
    getComputedStyle(el).visibility !== "hidden" &&
    el.closest("[inert]") === null;

  const isTransparent = (color) =>
    color === "transparent" || /rgba\(.*,\s*0\)$/.test(color) || /\/\s*0\)$/.test(color);

  // A line (outline or border side) the eye can see, or "none".
  const line = (style, width, color) =>
    style === "none" || style === "hidden" || parseFloat(width) === 0 || isTransparent(color)
      ? "none"
      : style + " " + width + " " + color;

  const SIDES = ["Top", "Right", "Bottom", "Left"];

  // Everything about an element's rendering that a focus indicator could change.
  const look = (el) => {
    const parts = [];
    const add = (s) => {
      const outline = line(s.outlineStyle, s.outlineWidth, s.outlineColor);
      parts.push(
        outline === "none" ? "none" : outline + " " + s.outlineOffset,
        s.boxShadow,
        ...SIDES.map((side) => line(s["border" + side + "Style"], s["border" + side + "Width"], s["border" + side + "Color"])),
        s.backgroundColor,
        s.backgroundImage,
        s.color,
        [s.textDecorationLine, s.textDecorationStyle, s.textDecorationColor, s.textDecorationThickness, s.textUnderlineOffset].join(" "),
        s.opacity,
        s.transform,
        s.filter,
        s.clip,
        s.clipPath,
        s.fontWeight,
      );
    };
    add(getComputedStyle(el));
    for (const pseudo of ["::before", "::after"]) {
      const s = getComputedStyle(el, pseudo);
      if (s.content !== "none" && s.content !== "normal") {
        parts.push(pseudo, s.content, s.width, s.height);
        add(s);
      }
    }
    const r = el.getBoundingClientRect();
    parts.push([r.left + scrollX, r.top + scrollY, r.width, r.height].map(Math.round).join(","));
    return parts.join("|");
  };

  const state = { candidates: [] };

  window.__a11yGate = {
    language() {
      const links = new Set([...document.querySelectorAll("nav.language-switcher a, a[hreflang]")]);
      return {
        htmlLang: document.documentElement.getAttribute("lang"),
        links: [...links].map((a) => ({
          ...describe(a),
          lang: a.getAttribute("lang"),
          hreflang: a.getAttribute("hreflang"),
          inheritedLang: a.parentElement?.closest("[lang]")?.getAttribute("lang") ?? null,
        })),
      };
    },

    activeElement() {
      const el = document.activeElement;
      const main = document.querySelector("main");
      if (!el || el === document.body || el === document.documentElement) {
        return { focused: false, hasMain: main !== null, targetsMain: false, element: null };
      }
      const href = el.localName === "a" ? el.getAttribute("href") || "" : "";
      let target = null;
      if (href.startsWith("#") && href.length > 1) {
        try {
          target = document.getElementById(decodeURIComponent(href.slice(1)));
        } catch {
          target = null;
        }
      }
      return {
        focused: true,
        hasMain: main !== null,
        targetsMain: main !== null && target !== null && main.contains(target),
        element: describe(el),
      };
    },

    focusInMain() {
      const main = document.querySelector("main");
      return main !== null && main.contains(document.activeElement);
    },

    // Focuses every tabbable element in turn and returns those whose rendering did not change.
    unchangedOnFocus() {
      state.candidates = [...document.querySelectorAll(FOCUSABLE)].filter(isTabbable);
      document.activeElement?.blur?.();
      const before = state.candidates.map(look);
      const unchanged = [];
      state.candidates.forEach((el, index) => {
        el.focus({ preventScroll: true });
        if (document.activeElement === el && look(el) === before[index]) {
          unchanged.push({ index, ...describe(el) });
        }
      });
      document.activeElement?.blur?.();
      return { total: state.candidates.length, unchanged };
    },

    // Box of a candidate in page coordinates, focused or not. Unfocused, it is scrolled into view first.
    box(index, focused) {
      const el = state.candidates[index];
      if (focused) {
        el.focus({ preventScroll: true });
      } else {
        document.activeElement?.blur?.();
        el.scrollIntoView({ block: "center", inline: "nearest" });
      }
      const r = el.getBoundingClientRect();
      return { x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height };
    },

    // Elements sticking out past the right edge: boxes, or text running out of its box. Outermost first.
    overflow() {
      const root = document.documentElement;
      const limit = root.clientWidth + 0.5;
      const offenders = [];
      const add = (el) => {
        if (offenders.length < 3 && !offenders.some((o) => o.contains(el))) offenders.push(el);
      };
      if (root.scrollWidth > root.clientWidth) {
        for (const el of [document.body, ...document.body.querySelectorAll("*")]) {
          const r = el.getBoundingClientRect();
          if (r.width > 0 && r.right + scrollX > limit) add(el);
        }
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
          range.selectNodeContents(node);
          if (node.parentElement && range.getBoundingClientRect().right + scrollX > limit) add(node.parentElement);
        }
      }
      return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, offenders: offenders.map(describe) };
    },
  };
})();
`;

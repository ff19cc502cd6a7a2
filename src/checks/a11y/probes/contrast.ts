/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Page } from "puppeteer-core";
import type { ElementInfo, GateWindow } from "../in-page.ts";
import type { Problem } from "../types.ts";
import { withInjectedStyle } from "./page-state.ts";
import { contrastRatio, decodePng, hex, pixelAt, quantile, ratioText, type Rgb } from "./pixels.ts";
import { inFront, shootClip, shootKept } from "./screenshots.ts";
import type { PageProbe, ProbeFinding } from "./types.ts";

/** WCAG 1.4.3's minimum contrast for text, and for large text. */
export const TEXT_CONTRAST = { normal: 4.5, large: 3 } as const;

/**
 * The share of the background behind a text that may be too close to its colour before the
 * text fails: a few stray pixels of a photo do not, a bright patch under a word does.
 */
const UNREADABLE_SHARE = 0.1;

/** Text elements whose states are compared at most, per page. */
const MAX_STATE_TARGETS = 300;

/** Styles that turn the marked text invisible but leave everything behind it as it is. */
const HIDE_TEXT_CSS = `[data-gate-hide-text], [data-gate-hide-text] * {
  color: transparent !important;
  -webkit-text-fill-color: transparent !important;
  text-shadow: none !important;
  text-decoration-color: transparent !important;
  caret-color: transparent !important;
}`;

/** A text's colours as a state or the page draws them. */
interface TextColours extends ElementInfo {
  /** Text colour and alpha (0 to 1, the element's and its ancestors' opacity included). */
  fg: [number, number, number, number];
  /** The solid colour behind it, or null where only pixels can tell. */
  bg: [number, number, number] | null;
  large: boolean;
  /** Index into `kept` of the element (for screenshots). */
  index: number;
  /** "hover", "focus", "placeholder" or "" for the text as loaded. */
  state: string;
  /** A text shadow can make light text readable on light parts of an image: only a person can say. */
  shadow: boolean;
}

function over(fg: TextColours["fg"], bg: Rgb): Rgb {
  const [r, g, b, a] = fg;
  return { r: r * a + bg.r * (1 - a), g: g * a + bg.g * (1 - a), b: b * a + bg.b * (1 - a) };
}

function required(text: TextColours): number {
  return text.large ? TEXT_CONTRAST.large : TEXT_CONTRAST.normal;
}

/**
 * Screenshots the text's background with the text made invisible, and gives the contrast that
 * 90 % of the background pixels reach against the text colour, with a screenshot of the text;
 * null where the text is not on screen.
 */
async function contrastFromPixels(
  tab: Page,
  text: TextColours,
): Promise<{ ratio: number; background: Rgb; screenshot: Uint8Array } | null> {
  const clip = await tab.evaluate(
    (index: number, state: string) => {
      const gate = (window as unknown as GateWindow).__a11yGate;
      const element = gate.kept[index];
      if (element === undefined) return null;
      if (state === "hover" || state === "focus") gate.setState(element, state, true);
      element.scrollIntoView({ block: "center", inline: "nearest", behavior: "instant" });
      const range = document.createRange();
      range.selectNodeContents(element);
      const box = range.getBoundingClientRect();
      const left = Math.max(0, box.left);
      const top = Math.max(0, box.top);
      const right = Math.min(innerWidth, box.right);
      const bottom = Math.min(innerHeight, box.bottom);
      if (right - left < 2 || bottom - top < 2) return null;
      return { x: left + scrollX, y: top + scrollY, width: right - left, height: bottom - top };
    },
    text.index,
    text.state,
  );
  if (clip === null) return null;
  const shots = await withInjectedStyle(tab, HIDE_TEXT_CSS, () =>
    inFront(tab, async () => {
      const shown = await shootClip(tab, clip);
      await tab.evaluate((index: number) => {
        (window as unknown as GateWindow).__a11yGate.kept[index]?.setAttribute(
          "data-gate-hide-text",
          "",
        );
      }, text.index);
      const behind = await shootClip(tab, clip);
      return { shown, behind };
    }),
  );
  await tab.evaluate((index: number) => {
    const gate = (window as unknown as GateWindow).__a11yGate;
    const element = gate.kept[index];
    element?.removeAttribute("data-gate-hide-text");
    if (element !== undefined) {
      gate.setState(element, "hover", false);
      gate.setState(element, "focus", false);
    }
  }, text.index);
  const picture = decodePng(shots.behind);
  const ratios: number[] = [];
  const pixels: Rgb[] = [];
  for (let y = 0; y < picture.height; y++) {
    for (let x = 0; x < picture.width; x++) {
      const pixel = pixelAt(picture, x, y);
      pixels.push(pixel);
      ratios.push(contrastRatio(over(text.fg, pixel), pixel));
    }
  }
  const ratio = quantile(ratios, UNREADABLE_SHARE);
  // The background pixel that gives that contrast, for the message.
  const index = ratios.indexOf(ratio);
  return { ratio, background: pixels[index] ?? { r: 0, g: 0, b: 0 }, screenshot: shots.shown };
}

/** Colours of the text axe could not decide (its "needs review" contrast results), kept for screenshots. */
function undecidedTexts(tab: Page, selectors: string[]): Promise<(TextColours | null)[]> {
  return tab.evaluate((selectors: string[]) => {
    const gate = (window as unknown as GateWindow).__a11yGate;
    gate.kept = [];
    return selectors.map((selector) => {
      let element: Element | null = null;
      try {
        element = document.querySelector(selector);
      } catch {
        return null;
      }
      if (element === null || !gate.shown(element)) return null;
      const style = getComputedStyle(element);
      const opacity = gate.opacity(element);
      const [r, g, b, a] = gate.rgba(style.color);
      gate.kept.push(element);
      return {
        ...gate.describe(element),
        fg: [r, g, b, (a / 255) * opacity] as [number, number, number, number],
        bg: null,
        large: gate.largeText(element),
        index: gate.kept.length - 1,
        state: "",
        shadow: style.textShadow !== "none",
      };
    });
  }, selectors);
}

/**
 * The colours of text in the hover and focus states the page's styles give it, and of
 * placeholders; each distinct combination of colours once, as the first element showing it.
 */
function stateTexts(tab: Page, max: number): Promise<TextColours[]> {
  return tab.evaluate((max: number) => {
    const gate = (window as unknown as GateWindow).__a11yGate;
    gate.kept = [];
    const colourProperty =
      /^(color|background|opacity|filter|-webkit-text-fill-color|mix-blend-mode)/;
    const rules = gate
      .stateRules()
      .filter((rule) => rule.properties.some((property) => colourProperty.test(property)));
    const focusable =
      'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    const found: TextColours[] = [];
    const seen = new Set<string>();
    const measure = (element: Element, state: string, pseudo?: string) => {
      const style = getComputedStyle(element, pseudo);
      const opacity = gate.opacity(element);
      const [r, g, b, a] = gate.rgba(style.color);
      const text: TextColours = {
        ...gate.describe(element),
        fg: [r, g, b, (a / 255) * opacity],
        bg: gate.background(element),
        large: gate.largeText(element),
        index: gate.kept.length,
        state,
        shadow: style.textShadow !== "none",
      };
      if (gate.decoration(element)) return;
      const key = JSON.stringify([state, text.fg, text.bg, text.large]);
      if (seen.has(key)) return;
      seen.add(key);
      gate.kept.push(element);
      found.push(text);
    };
    const targets = new Map<Element, Set<string>>();
    for (const rule of rules) {
      let matched: NodeListOf<Element>;
      try {
        matched = document.querySelectorAll(rule.selector);
      } catch {
        continue;
      }
      for (const element of matched) {
        if (targets.size >= max || !gate.hasOwnText(element) || !gate.shown(element)) continue;
        const states = targets.get(element) ?? new Set<string>();
        for (const state of rule.states) states.add(state === "hover" ? "hover" : "focus");
        targets.set(element, states);
      }
    }
    for (const [element, states] of targets) {
      for (const state of states as Set<"hover" | "focus">) {
        const holder = state === "hover" ? element : element.closest(focusable);
        if (holder === null) continue;
        gate.setState(holder, state, true);
        measure(element, state);
        gate.setState(holder, state, false);
      }
    }
    for (const field of document.querySelectorAll("input[placeholder], textarea[placeholder]")) {
      const input = field as HTMLInputElement;
      if (input.value === "" && input.placeholder.trim() !== "" && gate.shown(input)) {
        measure(input, "placeholder", "::placeholder");
      }
    }
    return found;
  }, max);
}

const STATE_WORDS: Record<string, string> = {
  hover: "when the pointer is over it",
  focus: "when it has keyboard focus",
  placeholder: "as a placeholder",
  "": "over its background",
};

function contrastFinding(
  rule: string,
  text: TextColours,
  ratio: number,
  background: Rgb,
  screenshot?: Uint8Array,
): ProbeFinding {
  const foreground = over(text.fg, background);
  return {
    rule,
    selector: text.selector,
    context: text.context,
    message:
      `The text "${text.text}" ${STATE_WORDS[text.state] ?? ""} has a contrast of ${ratioText(ratio)} ` +
      `(${hex(foreground)} on ${hex(background)}); WCAG 1.4.3 asks ${required(text)}:1 for ${text.large ? "large" : "this"} text.`,
    measured: {
      contrast: ratioText(ratio),
      text: hex(foreground),
      background: hex(background),
      required: `${required(text)}:1`,
      ...(text.state === "" ? {} : { state: text.state }),
    },
    ...(screenshot === undefined ? {} : { screenshot }),
  };
}

/** Decides from pixels the contrast axe left undecided; what cannot be decided stays for a person. */
async function decideUndecided(tab: Page, undecided: Problem[]): Promise<ProbeFinding[]> {
  const open = undecided.filter(
    (problem) => problem.runner === "axe" && problem.rule === "color-contrast",
  );
  if (open.length === 0) return [];
  const texts = await undecidedTexts(
    tab,
    open.map((problem) => problem.selector),
  );
  const findings: ProbeFinding[] = [];
  for (const [position, text] of texts.entries()) {
    if (text === null || text.shadow) continue;
    const measured = await contrastFromPixels(tab, text);
    if (measured === null) continue;
    undecided.splice(undecided.indexOf(open[position] as Problem), 1);
    if (measured.ratio < required(text)) {
      findings.push(
        contrastFinding(
          "contrast-background",
          text,
          measured.ratio,
          measured.background,
          measured.screenshot,
        ),
      );
    }
  }
  return findings;
}

/** What axe measured of a text it failed for contrast (its check's `data`). */
interface AxeContrast {
  contrastRatio: number;
  fgColor: string;
  bgColor: string;
  expectedContrastRatio: string;
  fontSize: string;
  fontWeight: string;
}

/**
 * axe's contrast results, reviewed in the page right after axe ran there (the page helpers
 * installed). Pure decoration (see `decoration`), which WCAG 1.4.3 leaves out but axe does
 * not, is taken out of its failures and of what it could not decide. Each failure kept gets
 * what axe measured, which pa11y does not pass on: axe is asked again, for these elements and
 * this rule only, and its ratio, colours and font go into the message and `measured`.
 */
export async function reviewAxeContrast(
  tab: Page,
  problems: Problem[],
  undecided: Problem[],
): Promise<void> {
  const ofContrast = (list: Problem[]) =>
    list.filter((problem) => problem.runner === "axe" && problem.rule === "color-contrast");
  const failures = ofContrast(problems);
  const open = ofContrast(undecided);
  if (failures.length + open.length === 0) return;
  const review = await tab.evaluate(
    async (failing: string[], unsure: string[]) => {
      const gate = (window as unknown as GateWindow).__a11yGate;
      const find = (selector: string) => {
        try {
          return document.querySelector(selector);
        } catch {
          return null;
        }
      };
      const decorative = [...failing, ...unsure].filter((selector) => {
        const element = find(selector);
        return element !== null && gate.decoration(element);
      });
      const kept = failing.flatMap((selector) => {
        const element = find(selector);
        return element === null || decorative.includes(selector) ? [] : [{ selector, element }];
      });
      const elements = kept.map((item) => item.element);
      const axe = (
        window as unknown as {
          axe?: {
            run: (
              context: Element[],
              options: object,
            ) => Promise<{
              violations: { nodes: { element?: Element; any: { data?: unknown }[] }[] }[];
            }>;
          };
        }
      ).axe;
      const measured: Record<string, unknown> = {};
      if (axe !== undefined && elements.length > 0) {
        const result = await axe.run(elements, {
          runOnly: { type: "rule", values: ["color-contrast"] },
          resultTypes: ["violations"],
          elementRef: true,
        });
        for (const node of result.violations.flatMap((violation) => violation.nodes)) {
          const item = kept.find((candidate) => candidate.element === node.element);
          if (item !== undefined) measured[item.selector] = node.any[0]?.data;
        }
      }
      return { decorative, measured };
    },
    failures.map((problem) => problem.selector),
    open.map((problem) => problem.selector),
  );
  const decorative = new Set(review.decorative);
  for (const [list, found] of [
    [problems, failures],
    [undecided, open],
  ] as const) {
    for (const problem of found) {
      if (decorative.has(problem.selector)) list.splice(list.indexOf(problem), 1);
    }
  }
  for (const problem of failures) {
    const data = review.measured[problem.selector] as Partial<AxeContrast> | undefined;
    if (typeof data?.contrastRatio !== "number") continue;
    const ratio = ratioText(data.contrastRatio);
    const required = data.expectedContrastRatio ?? "";
    problem.message += `: ${ratio} (${data.fgColor ?? "?"} on ${data.bgColor ?? "?"}, ${data.fontSize ?? "?"} ${data.fontWeight ?? ""}; WCAG 1.4.3 asks ${required})`;
    problem.measured = {
      contrast: ratio,
      text: data.fgColor ?? "",
      background: data.bgColor ?? "",
      required,
      fontSize: data.fontSize ?? "",
      fontWeight: data.fontWeight ?? "",
    };
  }
}

/**
 * Text is readable against what is behind it (WCAG 1.4.3) where axe cannot tell: text over
 * images, gradients or other elements, decided from the rendered pixels behind the text
 * (`contrast-background`), and text in the hover and focus states the page's styles give it,
 * and placeholders (`contrast-states`). Text hidden from assistive technology is decoration,
 * which the criterion leaves out; text with a shadow stays for a person to judge.
 */
export const contrastProbe: PageProbe = {
  rules: ["contrast-background", "contrast-states"],
  criteria: { "contrast-background": ["1.4.3"], "contrast-states": ["1.4.3"] },
  async run(tab, _page, { undecided }) {
    const findings = await decideUndecided(tab, undecided);
    for (const text of await stateTexts(tab, MAX_STATE_TARGETS)) {
      if (text.bg === null) {
        if (text.shadow) continue;
        const measured = await contrastFromPixels(tab, text);
        if (measured !== null && measured.ratio < required(text)) {
          findings.push(
            contrastFinding(
              "contrast-states",
              text,
              measured.ratio,
              measured.background,
              measured.screenshot,
            ),
          );
        }
        continue;
      }
      const background = { r: text.bg[0], g: text.bg[1], b: text.bg[2] };
      const ratio = contrastRatio(over(text.fg, background), background);
      if (ratio < required(text)) {
        const state = text.state === "hover" || text.state === "focus" ? text.state : undefined;
        const screenshot = (await shootKept(tab, text.index, state)) ?? undefined;
        findings.push(contrastFinding("contrast-states", text, ratio, background, screenshot));
      }
    }
    return findings;
  },
};

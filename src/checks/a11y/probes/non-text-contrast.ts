/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Page } from "puppeteer-core";
import type { ElementInfo, GateWindow } from "../in-page.ts";
import { withInjectedStyle } from "./page-state.ts";
import {
  contrastRatio,
  decodePng,
  dominantColour,
  hex,
  pixelAt,
  ratioText,
  type Rgb,
} from "./pixels.ts";
import { shootKept, statePictures } from "./screenshots.ts";
import type { PageProbe, ProbeFinding } from "./types.ts";

/** WCAG 1.4.11's minimum contrast for graphics and the boundaries of form fields. */
export const NON_TEXT_CONTRAST = 3;

/** Graphics measured per page at most (two screenshots each). */
const MAX_GRAPHICS = 25;

/** A shape of a graphic, in CSS pixels from the graphic's top left. */
interface Shape {
  x: number;
  y: number;
  width: number;
  height: number;
  description: string;
}

interface Graphic extends ElementInfo {
  index: number;
  shapes: Shape[];
  /** What decides how it looks (its shapes' colours and the background), when styles tell. */
  key: string | null;
}

interface Field extends ElementInfo {
  index: number;
  /** Border colours of its visible sides, and its own background, against the background around it. */
  edges: [number, number, number][];
  around: [number, number, number] | null;
}

function graphicsAndFields(
  tab: Page,
  max: number,
): Promise<{ graphics: Graphic[]; fields: Field[] }> {
  return tab.evaluate((max: number) => {
    const gate = (window as unknown as GateWindow).__a11yGate;
    gate.kept = [];
    const graphics: Graphic[] = [];
    for (const svg of document.querySelectorAll("svg")) {
      if (graphics.length >= max) break;
      if (svg.parentElement?.closest("svg") || !gate.shown(svg) || !gate.informative(svg)) continue;
      const origin = svg.getBoundingClientRect();
      const shapes: Shape[] = [];
      const colours: string[] = [];
      for (const shape of svg.querySelectorAll(
        "rect, circle, ellipse, path, polygon, polyline, line",
      )) {
        const style = getComputedStyle(shape);
        const filled =
          style.fill !== "none" && gate.rgba(style.fill)[3] > 0 && shape.localName !== "line";
        const stroked =
          style.stroke !== "none" &&
          gate.rgba(style.stroke)[3] > 0 &&
          parseFloat(style.strokeWidth) >= 2;
        const box = shape.getBoundingClientRect();
        // Thin lines (grids, axes) may be faint; filled shapes and thick lines carry the data.
        if (!(filled || stroked) || box.width < 3 || box.height < 3 || !gate.shown(shape)) continue;
        shapes.push({
          x: box.left - origin.left,
          y: box.top - origin.top,
          width: box.width,
          height: box.height,
          description: `<${shape.localName}> ${filled ? `fill ${style.fill}` : `stroke ${style.stroke}`}`,
        });
        colours.push(`${style.fill} ${style.stroke} ${style.opacity}`);
      }
      if (shapes.length === 0) continue;
      const around = gate.background(svg.parentElement ?? svg);
      gate.kept.push(svg);
      graphics.push({
        ...gate.describe(svg),
        index: gate.kept.length - 1,
        shapes,
        key:
          around === null
            ? null
            : `${[...new Set(colours)].sort().join(";")} on ${around.join(",")}`,
      });
    }
    const fields: Field[] = [];
    const selector =
      'input:not([type="hidden"]):not([type="submit"]):not([type="button"]):not([type="reset"]):not([type="image"]), select, textarea';
    for (const field of document.querySelectorAll(selector)) {
      const style = getComputedStyle(field);
      // Native check boxes and radio buttons are drawn by the browser in contrasting colours.
      if (
        !gate.shown(field) ||
        (/checkbox|radio/.test((field as HTMLInputElement).type) && style.appearance !== "none")
      )
        continue;
      const edges: [number, number, number][] = [];
      for (const side of ["Top", "Right", "Bottom", "Left"]) {
        const width = parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`));
        const line = style.getPropertyValue(`border-${side.toLowerCase()}-style`);
        const [r, g, b, a] = gate.rgba(
          style.getPropertyValue(`border-${side.toLowerCase()}-color`),
        );
        if (width >= 1 && line !== "none" && line !== "hidden" && a > 128) edges.push([r, g, b]);
      }
      const own = gate.background(field);
      if (own !== null) edges.push(own);
      gate.kept.push(field);
      fields.push({
        ...gate.describe(field),
        index: gate.kept.length - 1,
        edges,
        around: gate.background(field.parentElement ?? field),
      });
    }
    return { graphics, fields };
  }, max);
}

/** The weakest of a graphic's shapes against the background behind it, from two screenshots. */
async function weakestShape(
  tab: Page,
  graphic: Graphic,
): Promise<{
  ratio: number;
  colour: Rgb;
  background: Rgb;
  shape: string;
  screenshot: Uint8Array;
} | null> {
  const pictures = await withInjectedStyle(
    tab,
    "*, *::before, *::after { transition: none !important; animation: none !important; }",
    () => statePictures(tab, graphic.index, "visibility"),
  );
  if (pictures === null) return null;
  const shown = decodePng(pictures.on);
  const hidden = decodePng(pictures.off);
  let weakest: Awaited<ReturnType<typeof weakestShape>> = null;
  for (const shape of graphic.shapes) {
    const drawn: Rgb[] = [];
    const behind: Rgb[] = [];
    const left = Math.max(0, Math.round(pictures.box.x + shape.x));
    const top = Math.max(0, Math.round(pictures.box.y + shape.y));
    const right = Math.min(shown.width, Math.round(pictures.box.x + shape.x + shape.width));
    const bottom = Math.min(shown.height, Math.round(pictures.box.y + shape.y + shape.height));
    for (let y = top; y < bottom; y++) {
      for (let x = left; x < right; x++) {
        const on = pixelAt(shown, x, y);
        const off = pixelAt(hidden, x, y);
        if (on.r !== off.r || on.g !== off.g || on.b !== off.b) {
          drawn.push(on);
          behind.push(off);
        }
      }
    }
    const colour = dominantColour(drawn);
    const background = dominantColour(behind);
    // A shape the same colour as its background changes no pixel: the weakest of all.
    const ratio = colour === null || background === null ? 1 : contrastRatio(colour, background);
    if (weakest === null || ratio < weakest.ratio) {
      weakest = {
        ratio,
        colour: colour ?? { r: 0, g: 0, b: 0 },
        background: background ?? pixelAt(hidden, left, top),
        shape: shape.description,
        screenshot: pictures.on,
      };
    }
  }
  return weakest;
}

function fieldFinding(field: Field, ratio: number, screenshot?: Uint8Array): ProbeFinding {
  return {
    rule: "non-text-contrast",
    selector: field.selector,
    context: field.context,
    message:
      `The edge of the form field "${field.text || field.selector}" stands out from its surroundings by only ${ratioText(ratio)} ` +
      `(WCAG 1.4.11 asks ${NON_TEXT_CONTRAST}:1 for the border or background that shows where a field is).`,
    measured: { contrast: ratioText(ratio), required: `${NON_TEXT_CONTRAST}:1` },
    ...(screenshot === undefined ? {} : { screenshot }),
  };
}

/**
 * Graphics needed to understand the page (charts, icons that are a control's only content;
 * see `informative`) and the edges of form fields stand out from what is around them by at
 * least 3:1 (WCAG 1.4.11). Each filled shape or thick line of a graphic is measured from the
 * pixels it changes: screenshots with the graphic shown and hidden give its colour and the
 * colour behind it. Graphics with the same colours on the same background are measured once
 * per run. Fields are judged from their border and background colours.
 */
export const nonTextContrastProbe: PageProbe = {
  rules: ["non-text-contrast"],
  criteria: { "non-text-contrast": ["1.4.11"] },
  async run(tab, page, { memo, undecided }) {
    const { graphics, fields } = await graphicsAndFields(tab, MAX_GRAPHICS);
    const findings: ProbeFinding[] = [];
    for (const graphic of graphics) {
      const memoKey = graphic.key === null ? null : `graphic:${graphic.key}`;
      const known = memoKey === null ? undefined : (memo.get(memoKey) as number | undefined);
      if (known !== undefined && known >= NON_TEXT_CONTRAST) continue;
      const weakest = await weakestShape(tab, graphic);
      if (weakest === null) continue;
      if (memoKey !== null) memo.set(memoKey, weakest.ratio);
      if (weakest.ratio >= NON_TEXT_CONTRAST) continue;
      findings.push({
        rule: "non-text-contrast",
        selector: graphic.selector,
        context: graphic.context,
        message:
          `A part of the graphic ${graphic.selector} (${weakest.shape}) is drawn in ${hex(weakest.colour)} on ${hex(weakest.background)}: ` +
          `a contrast of ${ratioText(weakest.ratio)}, where WCAG 1.4.11 asks ${NON_TEXT_CONTRAST}:1 for the parts of a graphic needed to understand it.`,
        measured: {
          contrast: ratioText(weakest.ratio),
          colour: hex(weakest.colour),
          background: hex(weakest.background),
          required: `${NON_TEXT_CONTRAST}:1`,
        },
        screenshot: weakest.screenshot,
      });
    }
    for (const field of fields) {
      if (field.around === null) {
        undecided.push({
          url: page.url,
          runner: "probe",
          rule: "non-text-contrast",
          selector: field.selector,
          context: field.context,
          severity: "notice",
          message: `The form field "${field.text || field.selector}" stands on an image or gradient; a person must judge its edge's contrast (WCAG 1.4.11).`,
        });
        continue;
      }
      const around = { r: field.around[0], g: field.around[1], b: field.around[2] };
      const ratio = Math.max(
        1,
        ...field.edges.map(([r, g, b]) => contrastRatio({ r, g, b }, around)),
      );
      if (ratio < NON_TEXT_CONTRAST) {
        findings.push(fieldFinding(field, ratio, (await shootKept(tab, field.index)) ?? undefined));
      }
    }
    return findings;
  },
};

/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { GateWindow } from "../in-page.ts";
import { elementsWithoutFocusIndicator } from "./focus-visible.ts";
import { withEmulatedMedia } from "./page-state.ts";
import { differsOnScreen, pictureFindings } from "./screenshots.ts";
import type { PageProbe, ProbeFinding } from "./types.ts";

// Each graphic costs two screenshots, once per run for graphics alike; charts on the site have
// a handful of bars.
const MAX_GRAPHICS = 25;

/**
 * With `forced-colors: active` emulated (Windows high-contrast themes), every tabbable element
 * still shows a focus indicator, and every graphic needed to understand the page (SVG or boxes
 * drawn with a background colour, such as a chart's bars; see `informative`) can still be
 * seen: the browser replaces colours, and indicators drawn only with box-shadow or background,
 * or shapes filled in the page's own colour, may vanish (WCAG 2.4.7, 1.4.11).
 */
export const forcedColorsProbe: PageProbe = {
  rules: ["forced-colors-graphics", "forced-colors-focus"],
  criteria: { "forced-colors-graphics": ["1.4.11"], "forced-colors-focus": ["2.4.7"] },
  async run(tab, _page, { memo }) {
    // Graphics are chosen with the page's own colours: boxes drawn only by a background
    // colour (a CSS bar) lose it under forced colours, so they must be found before.
    const graphics = await tab.evaluate((max: number) => {
      const gate = (window as unknown as GateWindow).__a11yGate;
      const isTransparent = (color: string) =>
        color === "transparent" || /rgba\(.*,\s*0\)$/.test(color);
      const drawnBox = (element: Element) =>
        !(element instanceof SVGElement) &&
        element.textContent.trim() === "" &&
        element.children.length === 0 &&
        !isTransparent(getComputedStyle(element).backgroundColor);
      gate.kept = [...document.querySelectorAll("body *")]
        .filter(
          (element) =>
            (element.localName === "svg" && element.parentElement?.closest("svg") == null) ||
            drawnBox(element),
        )
        .filter((element) => element.getClientRects().length > 0 && gate.informative(element))
        .slice(0, max);
      // What decides how a graphic looks under forced colours, the same on every page.
      const signature = (graphic: Element) =>
        [graphic, ...graphic.querySelectorAll("*")]
          .map((part) => {
            const style = getComputedStyle(part);
            return `${part.localName}.${part.getAttribute("class") ?? ""} ${style.fill} ${style.stroke} ${style.backgroundColor} ${style.forcedColorAdjust}`;
          })
          .join(";");
      return gate.kept.map((graphic) => ({ ...gate.describe(graphic), key: signature(graphic) }));
    }, MAX_GRAPHICS);
    return withEmulatedMedia(
      tab,
      { features: [{ name: "forced-colors", value: "active" }] },
      async () => {
        const findings: ProbeFinding[] = [];
        for (const [index, graphic] of graphics.entries()) {
          const key = `forced-graphic:${graphic.key}`;
          const seen =
            (memo.get(key) as Promise<boolean | null> | undefined) ??
            differsOnScreen(tab, index, "visibility");
          memo.set(key, seen);
          if ((await seen) === false) {
            findings.push({
              rule: "forced-colors-graphics",
              selector: graphic.selector,
              context: graphic.context,
              message: `With forced colours (Windows high contrast), the graphic ${graphic.selector} cannot be seen: it looks the same as when it is hidden (WCAG 1.4.11). Draw it with SVG shapes, or give it a border or a system colour in @media (forced-colors: active).`,
            });
          }
        }
        // The focus check chooses its own elements; it runs after the graphics are compared.
        const unfocused: ProbeFinding[] = [];
        for (const element of await elementsWithoutFocusIndicator(tab, memo, true)) {
          unfocused.push({
            rule: "forced-colors-focus",
            selector: element.selector,
            context: element.context,
            message: `With forced colours (Windows high contrast), "${element.text}" shows no focus indicator (WCAG 2.4.7); use an outline, which forced colours keep, rather than box-shadow or background alone.`,
            ...(element.screenshot === undefined ? {} : { screenshot: element.screenshot }),
          });
        }
        // Pictured focused and under forced colours, as the reader would see them.
        return [
          ...(await pictureFindings(tab, findings)),
          ...(await pictureFindings(tab, unfocused, true)),
        ];
      },
    );
  },
};

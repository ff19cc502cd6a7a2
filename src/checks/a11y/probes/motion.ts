/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Page } from "puppeteer-core";
import type { ElementInfo, GateWindow } from "../in-page.ts";
import { pictureFindings } from "./screenshots.ts";
import type { PageProbe, ProbeFinding } from "./types.ts";

/** Moving or blinking content may run this long (ms) before WCAG 2.2.2 asks for a way to stop it. */
export const MAX_MOTION_MS = 5000;

/** Controls whose name says they pause or stop motion. */
const STOP_NAMES = /pause|stop|anhalten|stopp|pausieren|animation (aus|off)/i;

/** Something that moves or blinks on the page by itself. */
interface Motion extends ElementInfo {
  /** "forever", or its duration in seconds. */
  runs: string;
  kind: "animation" | "svg" | "gif";
  /** For animated images: their address, to read their frames. */
  url?: string;
}

function movingParts(
  tab: Page,
  maxMs: number,
): Promise<{ moving: Motion[]; stopControl: boolean }> {
  return tab.evaluate(
    (maxMs: number, stopNames: string) => {
      const gate = (window as unknown as GateWindow).__a11yGate;
      const moving: Motion[] = [];
      const seen = new Set<Element>();
      for (const animation of document.getAnimations()) {
        const effect = animation.effect;
        if (!(effect instanceof KeyframeEffect) || effect.target === null) continue;
        if (animation.playState !== "running") continue;
        const { endTime } = effect.getComputedTiming();
        const end = typeof endTime === "number" ? endTime : Number(endTime);
        if (end <= maxMs) continue;
        const target = effect.target;
        // Only whether it is laid out: a blinking element may be invisible at this instant.
        if (seen.has(target) || target.getClientRects().length === 0) continue;
        seen.add(target);
        moving.push({
          ...gate.describe(target),
          runs: Number.isFinite(end) ? `${Math.round(end / 100) / 10} s` : "forever",
          kind: "animation",
        });
      }
      // SVG's own animation elements, which document.getAnimations() does not list.
      for (const element of document.querySelectorAll(
        "animate, animateTransform, animateMotion, set",
      )) {
        const svg = element.closest("svg");
        const repeat = element.getAttribute("repeatCount") ?? "";
        const duration = parseFloat(element.getAttribute("dur") ?? "0") * 1000;
        const total = repeat === "indefinite" ? Infinity : duration * (Number(repeat) || 1);
        if (svg === null || total <= maxMs || seen.has(svg) || svg.getClientRects().length === 0) {
          continue;
        }
        seen.add(svg);
        moving.push({
          ...gate.describe(svg),
          runs: Number.isFinite(total) ? `${Math.round(total / 100) / 10} s` : "forever",
          kind: "svg",
        });
      }
      for (const image of document.querySelectorAll("img")) {
        if (/\.gif(?:$|\?)/i.test(image.currentSrc) && gate.shown(image)) {
          moving.push({ ...gate.describe(image), runs: "", kind: "gif", url: image.currentSrc });
        }
      }
      const stopControl = [
        ...document.querySelectorAll('button, input, summary, [role="button"], [role="switch"]'),
      ].some((control) => {
        const label = (control as HTMLInputElement).labels?.[0]?.textContent ?? "";
        return (
          gate.shown(control) &&
          new RegExp(stopNames, "i").test(
            `${control.textContent} ${control.getAttribute("aria-label") ?? ""} ${label}`,
          )
        );
      });
      return { moving, stopControl };
    },
    maxMs,
    STOP_NAMES.source,
  );
}

/**
 * How long a GIF plays, in milliseconds (Infinity when it loops for ever), from its frames'
 * delays and its loop count; 0 for a still image or bytes that are not a GIF.
 */
export function gifDuration(bytes: Uint8Array): number {
  const text = (at: number, length: number) =>
    String.fromCharCode(...bytes.subarray(at, at + length));
  if (text(0, 3) !== "GIF") return 0;
  let position = 13;
  const flags = bytes[10] ?? 0;
  if (flags & 0x80) position += 3 * 2 ** ((flags & 0x07) + 1);
  let frames = 0;
  let delay = 0;
  let loops = 1;
  const skipBlocks = () => {
    while (position < bytes.length && (bytes[position] ?? 0) !== 0)
      position += (bytes[position] ?? 0) + 1;
    position++;
  };
  while (position < bytes.length) {
    const block = bytes[position];
    if (block === 0x3b) break;
    if (block === 0x21) {
      const label = bytes[position + 1];
      if (label === 0xf9)
        delay += ((bytes[position + 4] ?? 0) | ((bytes[position + 5] ?? 0) << 8)) * 10;
      if (label === 0xff && text(position + 3, 11) === "NETSCAPE2.0") {
        const count = (bytes[position + 16] ?? 0) | ((bytes[position + 17] ?? 0) << 8);
        loops = count === 0 ? Infinity : count + 1;
      }
      position += 2;
      skipBlocks();
    } else if (block === 0x2c) {
      frames++;
      const local = bytes[position + 9] ?? 0;
      position += 10;
      if (local & 0x80) position += 3 * 2 ** ((local & 0x07) + 1);
      position++; // LZW minimum code size
      skipBlocks();
    } else {
      break;
    }
  }
  // Browsers show frames without a delay for about 100 ms.
  return frames < 2 ? 0 : Math.max(delay, frames * 100) * loops;
}

/**
 * Nothing moves or blinks by itself for more than 5 seconds without a way to pause or stop it
 * (WCAG 2.2.2). The gate's tabs ask for reduced motion (`prefers-reduced-motion: reduce`), so
 * a page that honours it shows no animation here; CSS and Web animations are found with
 * `document.getAnimations()`, SVG animations from their elements and animated GIFs from their
 * frames. A visible control named "Pause" or "Stop" counts as a way to stop them.
 */
export const motionProbe: PageProbe = {
  rules: ["motion"],
  criteria: { motion: ["2.2.2"] },
  async run(tab) {
    const { moving, stopControl } = await movingParts(tab, MAX_MOTION_MS);
    if (stopControl) return [];
    const findings: ProbeFinding[] = [];
    for (const part of moving) {
      let runs = part.runs;
      if (part.kind === "gif") {
        const response = await fetch(part.url ?? "").catch(() => null);
        const duration =
          response?.ok === true ? gifDuration(new Uint8Array(await response.arrayBuffer())) : 0;
        if (duration <= MAX_MOTION_MS) continue;
        runs = Number.isFinite(duration) ? `${Math.round(duration / 100) / 10} s` : "forever";
      }
      findings.push({
        rule: "motion",
        selector: part.selector,
        context: part.context,
        message:
          `"${part.text || part.selector}" moves or blinks by itself for ${runs === "forever" ? "ever" : runs}, ` +
          "even when the reader asks for reduced motion, and the page offers no control to pause or stop it " +
          `(WCAG 2.2.2 allows ${MAX_MOTION_MS / 1000} s). Stop it within ${MAX_MOTION_MS / 1000} s, wrap it in ` +
          "@media (prefers-reduced-motion: no-preference), or add a pause button.",
        measured: { runs },
      });
    }
    return pictureFindings(tab, findings);
  },
};

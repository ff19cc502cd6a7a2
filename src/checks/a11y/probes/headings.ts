/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { GateWindow } from "../in-page.ts";
import type { PageProbe } from "./types.ts";

/** No heading is empty and no heading level is skipped, starting from an h1 (WCAG 2.4.6, 1.3.1). */
export const headingsProbe: PageProbe = {
  rules: ["headings"],
  async run(tab) {
    const headings = await tab.evaluate(() => {
      const { describe } = (window as unknown as GateWindow).__a11yGate;
      return [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')]
        .filter(
          (element) =>
            element.getClientRects().length > 0 && element.closest('[aria-hidden="true"]') === null,
        )
        .map((element) => {
          const level =
            element.getAttribute("role") === "heading"
              ? Number(element.getAttribute("aria-level") ?? "2")
              : Number(element.localName.slice(1));
          const images = [...element.querySelectorAll("img[alt]")].map(
            (image) => image.getAttribute("alt") ?? "",
          );
          const name = [
            (element as HTMLElement).innerText,
            element.getAttribute("aria-label") ?? "",
            ...images,
          ]
            .join(" ")
            .trim();
          return { level, empty: name === "", ...describe(element) };
        });
    });
    const findings = [];
    let previous = 0;
    for (const heading of headings) {
      if (heading.empty) {
        findings.push({
          rule: "headings",
          selector: heading.selector,
          context: heading.context,
          message: `An h${heading.level} has no text, so it announces a section without saying what it is about (WCAG 2.4.6).`,
        });
      }
      if (heading.level > previous + 1) {
        findings.push({
          rule: "headings",
          selector: heading.selector,
          context: heading.context,
          message:
            previous === 0
              ? `The first heading is an h${heading.level}; the outline must start with an h1 (WCAG 1.3.1).`
              : `An h${heading.level} follows an h${previous}, skipping level ${previous + 1} (WCAG 1.3.1); headings go down one level at a time.`,
        });
      }
      previous = heading.level;
    }
    return findings;
  },
};

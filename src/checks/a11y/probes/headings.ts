/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { GateWindow } from "../in-page.ts";
import type { PageProbe, ProbeFinding } from "./types.ts";

/**
 * Headings start at an h1 and go down one level at a time (WCAG 1.3.1); none is empty, and no
 * two sections side by side (same level, under the same heading) have the same heading,
 * which would not tell them apart (2.4.6).
 */
export const headingsProbe: PageProbe = {
  rules: ["heading-levels", "heading-text"],
  criteria: { "heading-levels": ["1.3.1"], "heading-text": ["2.4.6"] },
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
            .trim()
            .replace(/\s+/g, " ");
          return { level, name, ...describe(element) };
        });
    });
    const findings: ProbeFinding[] = [];
    const finding = (rule: string, heading: (typeof headings)[number], message: string) =>
      findings.push({ rule, selector: heading.selector, context: heading.context, message });
    let previous = 0;
    // The heading each heading stands under: the last one of a lower level before it.
    const parents: number[] = [];
    const seen = new Map<string, number>();
    headings.forEach((heading, index) => {
      if (heading.name === "") {
        finding(
          "heading-text",
          heading,
          `An h${heading.level} has no text, so it announces a section without saying what it is about (WCAG 2.4.6).`,
        );
      }
      if (heading.level > previous + 1) {
        finding(
          "heading-levels",
          heading,
          previous === 0
            ? `The first heading is an h${heading.level}; the outline must start with an h1 (WCAG 1.3.1).`
            : `An h${heading.level} follows an h${previous}, skipping level ${previous + 1} (WCAG 1.3.1); headings go down one level at a time.`,
        );
      }
      previous = heading.level;
      let parent = index - 1;
      while (parent >= 0 && (headings[parent]?.level ?? 0) >= heading.level)
        parent = parents[parent] ?? -1;
      parents.push(parent);
      const key = `${parent} ${heading.level} ${heading.name.toLowerCase()}`;
      const twin = seen.get(key);
      if (heading.name !== "" && twin !== undefined) {
        finding(
          "heading-text",
          heading,
          `Two sections side by side are both headed "${heading.name}" (h${heading.level}), so the headings do not tell them apart (WCAG 2.4.6); say what each is about.`,
        );
      }
      seen.set(key, index);
    });
    return findings;
  },
};

/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { ElementInfo, GateWindow } from "../in-page.ts";
import type { PageProbe, ProbeFinding } from "./types.ts";

/** Link texts that say nothing of where a link leads, in German and English. */
const GENERIC_NAMES =
  "^(hier|hier klicken|klicken sie hier|mehr|mehr lesen|mehr erfahren|mehr infos|mehr informationen|weiter|weiterlesen|details|link|info|" +
  "here|click here|more|read more|learn more|more info|continue|this link|this page)$";

interface Link extends ElementInfo {
  name: string;
  /** Where it leads: a path on the site, or another site's URL. */
  href: string;
  /**
   * The text around it that tells its purpose: its paragraph, list item or cell, and the
   * heading it stands under (WCAG technique H80).
   */
  around: string;
}

/**
 * Every link's purpose can be told from its name together with its context, the paragraph,
 * list item or table cell it stands in and the heading it stands under (WCAG 2.4.4, techniques
 * G53 and H80): links with the same name leading to different places need context that tells
 * them apart, and names such as "hier" or "more" need context at all.
 */
export const linkPurposeProbe: PageProbe = {
  rules: ["link-purpose"],
  criteria: { "link-purpose": ["2.4.4"] },
  async run(tab) {
    const links = await tab.evaluate(() => {
      const gate = (window as unknown as GateWindow).__a11yGate;
      const textOf = (element: Element): string => {
        const labelledBy = (element.getAttribute("aria-labelledby") ?? "")
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? "")
          .join(" ");
        const images = [...element.querySelectorAll("img[alt]")].map((image) =>
          image.getAttribute("alt"),
        );
        return (
          labelledBy.trim() ||
          element.getAttribute("aria-label")?.trim() ||
          `${(element as HTMLElement).innerText} ${images.join(" ")}`.trim() ||
          element.getAttribute("title")?.trim() ||
          ""
        );
      };
      const headings = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")];
      // The last heading before the link in the document: the section it belongs to.
      const headingOf = (link: Element): string =>
        headings
          .filter(
            (heading) =>
              (heading.compareDocumentPosition(link) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 &&
              !heading.contains(link),
          )
          .at(-1)?.textContent ?? "";
      return [...document.querySelectorAll("a[href]")]
        .filter((link) => gate.shown(link) && link.closest('[aria-hidden="true"]') === null)
        .map((link): Link => {
          const name = textOf(link).replace(/\s+/g, " ").trim();
          const holder = link.closest("p, li, td, th, dd, dt, blockquote, figcaption, caption");
          const describedBy = (link.getAttribute("aria-describedby") ?? "")
            .split(/\s+/)
            .map((id) => document.getElementById(id)?.textContent ?? "")
            .join(" ");
          const around =
            `${(holder as HTMLElement | null)?.innerText.replace(name, "") ?? ""} ${describedBy} ${headingOf(link)}`
              .replace(/\s+/g, " ")
              .trim();
          return {
            ...gate.describe(link),
            name,
            href: gate.address((link as HTMLAnchorElement).href),
            around,
          };
        });
    });
    const generic = new RegExp(GENERIC_NAMES, "i");
    const key = (name: string) => name.toLowerCase().replace(/[\s.:!?»›→>]+$/u, "");
    const findings: ProbeFinding[] = [];
    const reported = new Set<Link>();
    for (const link of links) {
      if (link.name === "" || reported.has(link)) continue;
      const namesakes = links.filter((other) => key(other.name) === key(link.name));
      // Two links of one name leading to different places, in the same context (or none).
      const elsewhere = namesakes.filter(
        (other) => other.href !== link.href && other.around === link.around,
      );
      if (elsewhere.length > 0) {
        reported.add(link);
        findings.push({
          rule: "link-purpose",
          selector: link.selector,
          context: link.context,
          message:
            `The link "${link.name}" leads to ${link.href}, but a link of the same name leads to ${elsewhere[0]?.href ?? ""}, ` +
            "and nothing around them tells them apart (WCAG 2.4.4): name each link after where it leads.",
        });
      } else if (generic.test(key(link.name)) && link.around === "") {
        reported.add(link);
        findings.push({
          rule: "link-purpose",
          selector: link.selector,
          context: link.context,
          message: `The link "${link.name}" does not say where it leads, and nothing around it does (WCAG 2.4.4): name it after its target.`,
        });
      }
    }
    return findings;
  },
};

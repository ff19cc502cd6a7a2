/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Page } from "puppeteer-core";
import type { PageFacts, SiteFinding, SiteProbe } from "./types.ts";

/** Gathers what the cross-page probes compare: the title, the menus and the shared links. */
export async function gatherFacts(tab: Page, path: string, language: string): Promise<PageFacts> {
  const facts = await tab.evaluate(() => {
    const name = (element: Element) =>
      (element.getAttribute("aria-label") ?? (element as HTMLElement).innerText)
        .trim()
        .replace(/\s+/g, " ");
    const target = (link: Element) => {
      const url = new URL(link.getAttribute("href") ?? "", location.href);
      return url.origin === location.origin ? url.pathname : url.href;
    };
    const landmarkName = (nav: Element) => {
      const labelledBy = nav.getAttribute("aria-labelledby");
      const label = labelledBy === null ? null : document.getElementById(labelledBy);
      return (nav.getAttribute("aria-label") ?? label?.textContent ?? "").trim();
    };
    const links = (root: Element, shared = false) =>
      [...root.querySelectorAll("a[href]")]
        .filter((link) => !(link.getAttribute("href") ?? "").startsWith("#"))
        .filter(
          (link) => !shared || link.closest('header, nav, footer, [role="navigation"]') !== null,
        )
        .map((link) => ({ href: target(link), name: name(link) }));
    return {
      title: document.title.trim(),
      menus: [...document.querySelectorAll('nav, [role="navigation"]')].map((nav) => ({
        name: landmarkName(nav),
        links: links(nav),
      })),
      sharedLinks: links(document.body, true),
    };
  });
  return { path, language, ...facts };
}

function byLanguage(pages: readonly PageFacts[]): PageFacts[][] {
  const groups = new Map<string, PageFacts[]>();
  for (const page of pages) groups.set(page.language, [...(groups.get(page.language) ?? []), page]);
  return [...groups.values()];
}

/** The value most pages agree on (the first seen among equals). */
function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | undefined;
  for (const [value, count] of counts)
    if (best === undefined || count > (counts.get(best) ?? 0)) best = value;
  return best;
}

/** Every page of a language has a title, and no two share one (WCAG 2.4.2). */
export const pageTitleProbe: SiteProbe = {
  rules: ["page-title"],
  run(pages) {
    const findings: SiteFinding[] = [];
    for (const group of byLanguage(pages)) {
      for (const page of group) {
        const finding = (message: string) =>
          findings.push({
            path: page.path,
            rule: "page-title",
            selector: "title",
            context: `<title>${page.title}</title>`,
            message,
          });
        if (page.title === "") {
          finding(
            "The page has no title, so a reader cannot tell tabs, bookmarks or search results apart (WCAG 2.4.2).",
          );
          continue;
        }
        const twins = group
          .filter((other) => other !== page && other.title === page.title)
          .map((other) => other.path);
        if (twins.length > 0) {
          finding(
            `The title "${page.title}" is also the title of ${twins.join(", ")}; every page of a language needs its own (WCAG 2.4.2).`,
          );
        }
      }
    }
    return findings;
  },
};

/**
 * Menus that appear on several pages of a language, told apart by their names, list the same
 * items in the same order on each (WCAG 3.2.3). Items are compared by name: a language
 * switcher's link leads to each page's own twin, and is still the same item.
 */
export const consistentNavigationProbe: SiteProbe = {
  rules: ["consistent-navigation"],
  run(pages) {
    const findings: SiteFinding[] = [];
    for (const group of byLanguage(pages)) {
      const names = new Set(group.flatMap((page) => page.menus.map((menu) => menu.name)));
      for (const name of names) {
        const itemsOf = (page: PageFacts) =>
          page.menus.find((menu) => menu.name === name)?.links.map((link) => link.name);
        const usual = mostCommon(
          group.flatMap((page) => {
            const items = itemsOf(page);
            return items === undefined ? [] : [JSON.stringify(items)];
          }),
        );
        for (const page of group) {
          const items = itemsOf(page);
          if (items === undefined || usual === undefined || JSON.stringify(items) === usual)
            continue;
          findings.push({
            path: page.path,
            rule: "consistent-navigation",
            selector: name === "" ? "nav" : `nav[aria-label="${name}"]`,
            context: "",
            message:
              `The menu "${name || "(unnamed)"}" lists ${items.join(", ") || "nothing"} here, but ${(JSON.parse(usual) as string[]).join(", ")} ` +
              "on most pages of this language; a menu repeated across pages keeps its items and their order (WCAG 3.2.3).",
          });
        }
      }
    }
    return findings;
  },
};

/**
 * In the parts repeated on every page (header, menus, footer), the links to one place have the
 * same names on every page of a language (WCAG 3.2.4). Within a page two links to one place may
 * differ (the site's name and "Home" both lead to the start page); across pages they may not.
 */
export const consistentIdentificationProbe: SiteProbe = {
  rules: ["consistent-identification"],
  run(pages) {
    const findings: SiteFinding[] = [];
    for (const group of byLanguage(pages)) {
      const targets = new Set(group.flatMap((page) => page.sharedLinks.map((link) => link.href)));
      for (const href of targets) {
        const namesOn = (page: PageFacts) =>
          JSON.stringify(
            [
              ...new Set(
                page.sharedLinks.filter((link) => link.href === href).map((link) => link.name),
              ),
            ].sort(),
          );
        const present = group.filter((page) => page.sharedLinks.some((link) => link.href === href));
        const usual = mostCommon(present.map(namesOn));
        for (const page of present) {
          const names = namesOn(page);
          if (usual === undefined || names === usual) continue;
          findings.push({
            path: page.path,
            rule: "consistent-identification",
            selector: `a[href="${href}"]`,
            context: "",
            message: `The link to ${href} is called ${(JSON.parse(names) as string[]).map((name) => `"${name}"`).join(" and ")} here but ${(JSON.parse(usual) as string[]).map((name) => `"${name}"`).join(" and ")} on most pages of this language; the same target keeps the same name (WCAG 3.2.4).`,
          });
        }
      }
    }
    return findings;
  },
};

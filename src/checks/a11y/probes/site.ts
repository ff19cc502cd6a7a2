/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Page } from "puppeteer-core";
import type { PageFacts, SiteFinding, SiteProbe } from "./types.ts";

/** Link names and targets that offer help: contact, feedback, help pages, mail and phone. */
const HELP_PATTERN =
  "kontakt|contact|hilfe|\\bhelp\\b|feedback|barriere melden|report a barrier|support|faq|häufige fragen|frequently asked|^mailto:|^tel:|#feedback";

/** Gathers what the cross-page probes compare: the title, the menus, the shared links and help. */
export async function gatherFacts(tab: Page, path: string, language: string): Promise<PageFacts> {
  const facts = await tab.evaluate((helpPattern: string) => {
    const name = (element: Element) =>
      (element.getAttribute("aria-label") ?? (element as HTMLElement).innerText)
        .trim()
        .replace(/\s+/g, " ");
    const target = (link: Element) => {
      const url = new URL(link.getAttribute("href") ?? "", location.href);
      return url.origin === location.origin ? url.pathname + url.hash : url.href;
    };
    const landmarkName = (nav: Element) => {
      const labelledBy = nav.getAttribute("aria-labelledby");
      const label = labelledBy === null ? null : document.getElementById(labelledBy);
      return (nav.getAttribute("aria-label") ?? label?.textContent ?? "").trim();
    };
    const repeated =
      'header, nav, footer, [role="banner"], [role="navigation"], [role="contentinfo"]';
    const pageLinks = (root: Element, shared = false) =>
      [...root.querySelectorAll("a[href]")]
        .filter((link) => !(link.getAttribute("href") ?? "").startsWith("#"))
        .filter((link) => !shared || link.closest(repeated) !== null);
    const links = (root: Element, shared = false) =>
      pageLinks(root, shared).map((link) => ({ href: target(link), name: name(link) }));
    const help = new RegExp(helpPattern, "i");
    const sharedElements = pageLinks(document.body, true);
    return {
      title: document.title.trim(),
      menus: [...document.querySelectorAll('nav, [role="navigation"]')].map((nav) => ({
        name: landmarkName(nav),
        links: links(nav),
      })),
      sharedLinks: links(document.body, true),
      help: [...document.querySelectorAll("a[href]")]
        .filter((link) => help.test(name(link)) || help.test(link.getAttribute("href") ?? ""))
        .map((link) => {
          const region = link.closest(
            'header, nav, main, aside, footer, [role="banner"], [role="navigation"], [role="main"], [role="complementary"], [role="contentinfo"]',
          );
          return {
            href: target(link),
            name: name(link),
            region: region?.getAttribute("role") ?? region?.localName ?? "body",
            after: sharedElements
              .filter(
                (other) =>
                  other !== link &&
                  (other.compareDocumentPosition(link) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
              )
              .map(name),
          };
        }),
    };
  }, HELP_PATTERN);
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

/**
 * Words that stand for a title not yet written: what editors, word processors and templates
 * put in ("Unbenanntes Dokument", "Untitled-1", "Neue Seite", "index.html", "Lorem ipsum").
 */
const PLACEHOLDER_WORDS =
  /^(?:unbenannt\p{L}*|untitled|namenlos\p{L}*|titel|title|titellos|dokument|document|doc|seite|page|webseite|website|home|index|default|test|placeholder|platzhalter|lorem|ipsum|dummy|todo|tbd|tba|entwurf|draft|vorlage|template|beispiel|example|sample|muster|undefined|null|nan|object)$/iu;

/**
 * Words that make a placeholder no less of one: "neue", "new", "ohne", "no", "my", file
 * extensions, copies.
 */
const FILLER_WORDS =
  /^(?:neu\p{L}*|new|leer\p{L}*|empty|blank|ohne|kein\p{L}*|no|mein\p{L}*|my|the|a|an|der|die|das|ein\p{L}*|html?|php|aspx?|md|kopie|copy|von|of)$/iu;

/** Template syntax left unfilled: `{{ title }}`, `{% … %}`, `${title}`, `%s`, `__TITLE__`. */
const UNFILLED_TEMPLATE = /\{\{|\{%|\$\{|%s\b|__[A-Z_]+__/;

/**
 * A title that names no page: template syntax left unfilled, or nothing but placeholder words,
 * words that add nothing to them and numbers, with at least one placeholder word.
 */
export function isPlaceholderTitle(title: string): boolean {
  if (UNFILLED_TEMPLATE.test(title)) return true;
  const words = title.match(/\p{L}+|\p{N}+/gu) ?? [];
  return (
    words.some((word) => PLACEHOLDER_WORDS.test(word)) &&
    words.every(
      (word) => PLACEHOLDER_WORDS.test(word) || FILLER_WORDS.test(word) || /^\p{N}+$/u.test(word),
    )
  );
}

/** Separators between a page's own title and the site's name. */
const TITLE_SEPARATOR = /\s+[–—|·:-]\s+/;

/** The part of the titles most pages of a language share (the site's name), or "". */
function siteName(titles: readonly string[]): string {
  const parts = titles.flatMap((title) => [
    ...new Set(title.split(TITLE_SEPARATOR).map((part) => part.trim())),
  ]);
  const common = mostCommon(parts);
  const count = parts.filter((part) => part === common).length;
  return common !== undefined && count >= 2 && count >= titles.length / 2 ? common : "";
}

/** The language's start page (or the chooser), whose title may be the site's name alone. */
function isStartPage(page: PageFacts): boolean {
  return page.path === "/" || page.path === `/${page.language}/`;
}

/**
 * Every page of a language has a title of its own (WCAG 2.4.2): not empty, not shared with
 * another page, not a placeholder ("Unbenanntes Dokument", "Untitled-1", "Neue Seite",
 * unfilled template syntax; see `isPlaceholderTitle`), and not the site's name alone (except
 * on the start page).
 */
export const pageTitleProbe: SiteProbe = {
  rules: ["page-title"],
  criteria: { "page-title": ["2.4.2"] },
  run(pages) {
    const findings: SiteFinding[] = [];
    for (const group of byLanguage(pages)) {
      const site = siteName(group.map((page) => page.title));
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
        const own = page.title
          .split(TITLE_SEPARATOR)
          .map((part) => part.trim())
          .filter((part) => part !== site && part !== "");
        if (own.length === 0 && !isStartPage(page)) {
          finding(
            `The title "${page.title}" is only the site's name; it must say what this page is about (WCAG 2.4.2).`,
          );
        } else if (isPlaceholderTitle(own.join(" "))) {
          finding(
            `The title "${page.title}" is a placeholder, not a description of the page (WCAG 2.4.2).`,
          );
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
 * The items two lists share, in the order of the first; equal for both lists exactly when the
 * shared items stand in the same relative order.
 */
function sharedOrder(items: readonly string[], other: readonly string[]): string[] {
  const inOther = new Set(other);
  return items.filter((item) => inOther.has(item));
}

/**
 * Menus that appear on several pages of a language, told apart by their names, list the items
 * they share in the same relative order on each (WCAG 3.2.3): an item added or left out on a
 * page is allowed, a change of order is not. Items are compared by name: a language switcher's
 * link leads to each page's own twin, and is still the same item.
 */
export const consistentNavigationProbe: SiteProbe = {
  rules: ["consistent-navigation"],
  criteria: { "consistent-navigation": ["3.2.3"] },
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
        if (usual === undefined) continue;
        const usualItems = JSON.parse(usual) as string[];
        for (const page of group) {
          const items = itemsOf(page);
          if (items === undefined) continue;
          const here = sharedOrder(items, usualItems);
          const there = sharedOrder(usualItems, items);
          if (JSON.stringify(here) === JSON.stringify(there)) continue;
          findings.push({
            path: page.path,
            rule: "consistent-navigation",
            selector: name === "" ? "nav" : `nav[aria-label="${name}"]`,
            context: "",
            message:
              `The menu "${name || "(unnamed)"}" lists ${here.join(", ")} in this order here, but ${there.join(", ")} ` +
              "on most pages of this language; a menu repeated across pages keeps its items in the same relative order (WCAG 3.2.3).",
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
  criteria: { "consistent-identification": ["3.2.4"] },
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

/**
 * Help offered on several pages of a language (contact, feedback, help pages, mail and phone
 * links) stays in the same place relative to the repeated content: in the same part of the
 * page, after the same repeated links (WCAG 3.2.6).
 */
export const consistentHelpProbe: SiteProbe = {
  rules: ["consistent-help"],
  criteria: { "consistent-help": ["3.2.6"] },
  run(pages) {
    const findings: SiteFinding[] = [];
    for (const group of byLanguage(pages)) {
      const helpNames = new Set(group.flatMap((page) => page.help.map((help) => help.name)));
      for (const name of helpNames) {
        const having = group.filter((page) => page.help.some((help) => help.name === name));
        if (having.length < 2) continue;
        // Only repeated links every one of these pages has say where the help stands.
        const everywhere = having
          .map((page) => new Set(page.sharedLinks.map((link) => link.name)))
          .reduce((common, names) => new Set([...common].filter((item) => names.has(item))));
        // A page may offer the same help in several places; one must be the usual one.
        const placesOf = (page: PageFacts) =>
          page.help
            .filter((item) => item.name === name)
            .map((help) =>
              JSON.stringify([
                help.region,
                [...new Set(help.after.filter((item) => everywhere.has(item) && item !== name))],
              ]),
            );
        const usual = mostCommon(having.flatMap((page) => [...new Set(placesOf(page))]));
        if (usual === undefined) continue;
        const [usualRegion] = JSON.parse(usual) as [string];
        for (const page of having) {
          const places = placesOf(page);
          if (places.includes(usual)) continue;
          const [region] = JSON.parse(places[0] ?? "[]") as [string];
          findings.push({
            path: page.path,
            rule: "consistent-help",
            selector: "a",
            context: name,
            message:
              `The help link "${name}" stands ${region === usualRegion ? "in another place" : `in the ${region}`} here, ` +
              `but ${region === usualRegion ? "elsewhere among the repeated links" : `in the ${usualRegion}`} on most pages of this language; ` +
              "help repeated across pages keeps its place relative to the rest of the page (WCAG 3.2.6).",
          });
        }
      }
    }
    return findings;
  },
};

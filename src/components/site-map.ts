import { html, type Html } from "../lib/html.ts";
import type { Language } from "../lib/languages.ts";
import type { PageRef, Translations } from "../lib/pages.ts";

/** Parameters of the site map. */
export interface SiteMapProps {
  /** The language whose pages are listed. */
  language: Language;
  /** All pages by translation key and language (`collections.translations`). */
  translations: Translations;
  /** Translation keys of the menus' pages (`site.navigation`): they come first, in menu order. */
  navigation: { main: readonly string[]; footer: readonly string[] };
}

/**
 * The pages of one language, in the order a reader meets them: the main menu's, the footer
 * menu's, then any others by title. A second way to every page besides the menus (WCAG 2.4.5).
 * Pages kept out of the sitemap (the 404 page) are left out here too.
 */
export function siteMapPages(props: SiteMapProps): [string, PageRef][] {
  const menuOrder = [...props.navigation.main, ...props.navigation.footer];
  const rank = (key: string) => {
    const index = menuOrder.indexOf(key);
    return index === -1 ? menuOrder.length : index;
  };
  return Object.entries(props.translations)
    .flatMap(([key, pair]): [string, PageRef][] => {
      const page = pair[props.language];
      return page === undefined || !page.sitemap ? [] : [[key, page]];
    })
    .sort(
      ([keyA, a], [keyB, b]) =>
        rank(keyA) - rank(keyB) || a.title.localeCompare(b.title, props.language),
    );
}

/**
 * The site map's list of pages, each linked by its title. Its own entry is not marked as
 * current: the footer menu already does that, and a page marks itself once.
 */
export function siteMap(props: SiteMapProps): Html {
  const items = siteMapPages(props).map(
    ([, page]) => html`
  <li><a href="${page.url}">${page.title}</a></li>`,
  );
  return html`<ul class="site-map">${items}
</ul>`;
}

import { html, type Html } from "../lib/html.ts";
import type { Language } from "../lib/languages.ts";
import type { PageRef, Translations } from "../lib/pages.ts";

/** Parameters of a menu. */
export interface MenuProps {
  /** Translation keys of the pages, in menu order (from `data/site.ts`). */
  keys: readonly string[];
  /** The menu's accessible name. */
  label: string;
  /** The `nav` element's class. */
  className: string;
  /** The language whose pages are listed. */
  language: Language;
  /** The translation key of the page being shown, marked as current. */
  currentKey: string;
  /** All pages by translation key and language. */
  translations: Translations;
  /**
   * Folds the list into a disclosure (`<details>`) with this summary, which the stylesheet
   * shows only where the list does not fit: on wide screens the list stands open as a row.
   */
  disclosure?: string;
}

/**
 * The page with a translation key in a language. The build has checked that every page the
 * menus name exists in every language, so a miss here is a bug, not an editor's mistake.
 */
export function pageIn(translations: Translations, key: string, language: Language): PageRef {
  const target = translations[key]?.[language];
  if (target === undefined) throw new Error(`no page has translationKey "${key}" in ${language}`);
  return target;
}

/** A menu of site pages in one language, marking the current page with `aria-current="page"`. */
export function menu(props: MenuProps): Html {
  const items = props.keys.map((key) => {
    const target = pageIn(props.translations, key, props.language);
    const current = key === props.currentKey && html` aria-current="page"`;
    return html`
          <li><a href="${target.url}"${current}>${target.navTitle}</a></li>`;
  });
  const list =
    props.disclosure === undefined
      ? html`<ul class="inline-list">${items}
        </ul>`
      : html`<details>
          <summary>${props.disclosure}</summary>
          <ul>${items}
          </ul>
        </details>`;
  return html`<nav class="${props.className}" aria-label="${props.label}">
        ${list}
      </nav>`;
}

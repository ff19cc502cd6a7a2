import { html, type Html } from "../lib/html.ts";
import type { Translate } from "../lib/i18n.ts";
import { directionOf, languageInfo, languages, type Language } from "../lib/languages.ts";
import type { PageRef } from "../lib/pages.ts";

/** Parameters of the language switcher. */
export interface LanguageSwitcherProps {
  /** The page's language. */
  language: Language;
  /** The page in every language. */
  pair: Partial<Record<Language, PageRef>>;
  /** UI strings in the page's language. */
  t: Translate;
}

/**
 * The language switcher: names every language in itself, in the order of `data/languages.ts`;
 * the other languages link to this page's twin, marked with `lang` and `hreflang` so screen
 * readers pronounce the name correctly (WCAG 3.1.2), and with `dir` where the name runs the
 * other way than the page.
 */
export function languageSwitcher({ language, pair, t }: LanguageSwitcherProps): Html {
  const items = languages.flatMap((other) => {
    const twin = pair[other];
    if (twin === undefined) return [];
    const { name, direction } = languageInfo(other);
    const dir = direction === directionOf(language) ? "" : html` dir="${direction}"`;
    return other === language
      ? html`
            <li>
              <span class="language-switcher__current" lang="${other}"><span class="visually-hidden" lang="${language}">${t("common.currentLanguage")}: </span>${name}</span>
            </li>`
      : html`
            <li>
              <a href="${twin.url}" lang="${other}"${dir} hreflang="${other}">${name}</a>
            </li>`;
  });
  return html`<nav class="language-switcher" aria-label="${t("common.languageSwitcher")}">
          <ul class="inline-list">${items}
          </ul>
        </nav>`;
}

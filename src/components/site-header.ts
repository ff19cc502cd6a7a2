import { html, type Html } from "../lib/html.ts";
import type { Translate } from "../lib/i18n.ts";
import type { Language } from "../lib/languages.ts";
import type { Translations } from "../lib/pages.ts";
import { languageSwitcher } from "./language-switcher.ts";
import { menu, pageIn } from "./menu.ts";

/** Parameters of the site header. */
export interface SiteHeaderProps {
  /** The page's language. */
  language: Language;
  /** The translation key of the page being shown. */
  currentKey: string;
  /** All pages by translation key and language. */
  translations: Translations;
  /** Translation keys of the main menu's pages (`site.navigation.main`). */
  mainMenu: readonly string[];
  /** UI strings in the page's language. */
  t: Translate;
}

/**
 * The site header: the site's name (linking to the start page of the page's language), the
 * language switcher and the main menu.
 */
export function siteHeader(props: SiteHeaderProps): Html {
  const { language, currentKey, translations, t } = props;
  const home = pageIn(translations, "home", language);
  const switcher = languageSwitcher({ language, pair: translations[currentKey] ?? {}, t });
  const mainMenu = menu({
    keys: props.mainMenu,
    label: t("common.mainNavigation"),
    className: "main-menu",
    language,
    currentKey,
    translations,
  });
  return html`<header class="site-header">
      <div class="site-header__bar">
        <a class="site-header__name" href="${home.url}">${t("common.siteName")}</a>
        ${switcher}
      </div>
      ${mainMenu}
    </header>`;
}

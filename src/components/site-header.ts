import { html, type Html } from "../lib/html.ts";
import type { Translate } from "../lib/i18n.ts";
import type { Language } from "../lib/languages.ts";
import type { Translations } from "../lib/pages.ts";
import { headerBar } from "./header-bar.ts";
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
  /** Whether the site may call itself official (see `headerBar`). */
  official: boolean;
  /** UI strings in the page's language. */
  t: Translate;
}

/** What the header bar says in the page's language. */
export function headerBarLabels(language: Language, t: Translate) {
  return {
    language,
    official: t("common.headerBar.official"),
    unofficial: t("common.headerBar.unofficial"),
  };
}

/**
 * The site header: KERN's header bar, the site's name (linking to the start page of the page's
 * language), the language switcher and the main menu, which folds into a disclosure on narrow
 * screens (no script: `<details>`).
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
    disclosure: t("common.menu"),
  });
  return html`<header class="site-header">
      ${headerBar({ official: props.official, labels: [headerBarLabels(language, t)] })}
      <div class="site-header__bar page-width">
        <a class="site-header__name" href="${home.url}">${t("common.siteName")}</a>
        ${switcher}
        ${mainMenu}
      </div>
    </header>`;
}

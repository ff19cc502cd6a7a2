import { html, type Html } from "../lib/html.ts";
import type { Translate } from "../lib/i18n.ts";
import type { Language } from "../lib/languages.ts";
import type { Translations } from "../lib/pages.ts";
import { menu } from "./menu.ts";

/** Parameters of the site footer. */
export interface SiteFooterProps {
  /** The page's language. */
  language: Language;
  /** The translation key of the page being shown. */
  currentKey: string;
  /** All pages by translation key and language. */
  translations: Translations;
  /** Translation keys of the footer menu's pages (`site.navigation.footer`). */
  footerMenu: readonly string[];
  /** UI strings in the page's language. */
  t: Translate;
}

/**
 * The site footer: where the figures come from, and the menu to the accessibility statement,
 * legal notice and privacy page.
 */
export function siteFooter(props: SiteFooterProps): Html {
  const { language, currentKey, translations, t } = props;
  const footerMenu = menu({
    keys: props.footerMenu,
    label: t("common.footerNavigation"),
    className: "footer-menu",
    language,
    currentKey,
    translations,
  });
  return html`<footer class="site-footer">
      <p>${t("common.sourcesNote")}</p>
      ${footerMenu}
    </footer>`;
}

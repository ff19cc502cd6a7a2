import { html, type Html } from "../lib/html.ts";
import type { Translate } from "../lib/i18n.ts";
import type { Language } from "../lib/languages.ts";
import type { Translations } from "../lib/pages.ts";
import { feedbackId, statementKey } from "./accessibility-statement.ts";
import { menu, pageIn } from "./menu.ts";

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
 * The site footer: where the figures come from, a link to report a barrier (the accessibility
 * statement's feedback section, BITV 2.0 § 7), and the footer menu (accessibility statement,
 * legal notice, privacy page, site map).
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
  const statement = pageIn(translations, statementKey, language);
  return html`<footer class="site-footer">
      <div class="page-width">
        <p>${t("common.sourcesNote")}</p>
        <p><a href="${statement.url}#${feedbackId}">${t("accessibility.reportBarrier")}</a></p>
        ${footerMenu}
      </div>
    </footer>`;
}

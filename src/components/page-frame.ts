import { html, type Html } from "../lib/html.ts";
import type { Translate } from "../lib/i18n.ts";
import { directionOf, sourceLanguage, type Language } from "../lib/languages.ts";
import type { Translations } from "../lib/pages.ts";
import { documentHead } from "./document-head.ts";
import { siteFooter } from "./site-footer.ts";
import { siteHeader } from "./site-header.ts";
import { skipLink } from "./skip-link.ts";

/** Parameters of the page frame. */
export interface PageFrameProps {
  /** The page's language. */
  language: Language;
  /** The page's title; the document title adds the site's name. */
  title: string;
  /** What search engines and link previews show of the page. */
  description: string;
  /** The page's path. */
  url: string;
  /** The page's translation key, which pairs it with its twin. */
  translationKey: string;
  /** All pages by translation key and language. */
  translations: Translations;
  /** Translation keys of the menus' pages (`site.navigation`). */
  navigation: { main: readonly string[]; footer: readonly string[] };
  /** The content security policy for the meta tag; undefined leaves the tag out. */
  contentSecurityPolicy: string | undefined;
  /** The site's origin. */
  baseUrl: string;
  /** UI strings in the page's language. */
  t: Translate;
  /** The page's `<h1>`: its title, as the page shows it (with soft hyphens where it may break). */
  heading: Html | string;
  /** Shown above the heading, such as the outdated-translation notice; may be empty. */
  notice: Html;
  /** The page's content below its heading. */
  content: Html;
  /**
   * The language heading and content are written in, when not the page's: a page not
   * translated yet shows its source's text, marked as such (`lang`, and `dir` where it runs the
   * other way).
   */
  contentLanguage?: Language;
  /** Whether the site may call itself official (see `headerBar`). */
  official: boolean;
  /** A page in easy language (Leichte Sprache, easy read): larger text, never a syllable break. */
  easyLanguage: boolean;
}

/**
 * The frame every page shares: document head, skip link, header, main, footer, in the page's
 * language and its text direction (`dir="rtl"` mirrors the layout). In `<main>`, the
 * heading stands on a band of its own above the content; both line up with header and footer.
 * KERN's light theme is chosen on `<html>` (see `src/styles/site.scss`).
 */
export function pageFrame(props: PageFrameProps): Html {
  const { language, translationKey: currentKey, translations, t } = props;
  const pair = translations[currentKey] ?? {};
  // x-default is the source-language page, or the page itself when it has no source.
  const xDefault = pair[sourceLanguage] ?? pair[language];
  const head = documentHead({
    title: t("common.pageTitle", { title: props.title }),
    description: props.description,
    canonicalPath: props.url,
    alternates: pair,
    xDefaultPath: xDefault?.url ?? props.url,
    noindex: pair[language]?.sitemap === false,
    contentSecurityPolicy: props.contentSecurityPolicy,
    baseUrl: props.baseUrl,
  });
  const { main, footer } = props.navigation;
  const other = props.contentLanguage;
  const foreign =
    other === undefined || other === language
      ? html``
      : directionOf(other) === directionOf(language)
        ? html` lang="${other}"`
        : html` lang="${other}" dir="${directionOf(other)}"`;
  return html`<!doctype html>
<html lang="${language}" dir="${directionOf(language)}" data-kern-theme="light">
  <head>
    ${head}
  </head>
  <body${props.easyLanguage && html` class="easy-language"`}>
    ${skipLink(t)}
    ${siteHeader({ language, currentKey, translations, mainMenu: main, official: props.official, t })}
    <main id="main" tabindex="-1">
      <div class="page-intro">
        <div class="page-width">
          ${props.notice}<h1${foreign}>${props.heading}</h1>
        </div>
      </div>
      <div class="page-width prose"${foreign}>
        ${props.content}
      </div>
    </main>
    ${siteFooter({ language, currentKey, translations, footerMenu: footer, t })}
  </body>
</html>
`;
}

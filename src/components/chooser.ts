import type { Publisher } from "../lib/data/schemas.ts";
import { html, joinLanguageParts, type Html } from "../lib/html.ts";
import { hyphenateText } from "../lib/hyphenate.ts";
import type { Translator } from "../lib/i18n.ts";
import { languageInfo, languages, sourceLanguage, type Language } from "../lib/languages.ts";
import type { PageRef, Translations } from "../lib/pages.ts";
import { publisherText } from "../lib/publisher.ts";
import { feedbackId, statementKey } from "./accessibility-statement.ts";
import { documentHead } from "./document-head.ts";
import { headerBar } from "./header-bar.ts";
import { pageIn } from "./menu.ts";
import { skipLink } from "./skip-link.ts";
import { headerBarLabels } from "./site-header.ts";

/** The translation keys of the pages about each region, which the root page links. */
export const regionPages = ["berlin-brandenburg", "nrw"] as const;

/**
 * The translation keys of the pages each language's part links at its foot, as a German public
 * body's site does on every page: the page in plain language (Leichte Sprache, easy read), the
 * accessibility statement (where a barrier is reported, too), the legal notice, the privacy page.
 */
export const footerPages = ["easy-read", statementKey, "legal-notice", "privacy"] as const;

/** Parameters of the root page. */
export interface ChooserProps {
  /** All pages by translation key and language. */
  translations: Translations;
  /** UI strings in every language: the root page speaks to readers of each. */
  translator: Translator;
  /** Whether the site may call itself official (`isOfficialSite`). */
  official: boolean;
  /** Who publishes the site (`data/publisher.ts`). */
  publisher: Publisher;
  /** The content security policy for the meta tag; undefined leaves the tag out. */
  contentSecurityPolicy: string | undefined;
  /** The site's origin. */
  baseUrl: string;
}

function links(pages: readonly PageRef[]): Html {
  return html`${pages.map(
    (page) => html`
              <li><a href="${page.url}">${page.navTitle}</a></li>`,
  )}`;
}

/** The links at the foot of one language's part: `footerPages`, reporting a barrier after the statement. */
function footerLinks(page: (key: string) => PageRef, reportBarrier: string): Html {
  return html`${footerPages.map((key) => {
    const target = page(key);
    const report =
      key === statementKey &&
      html`
              <li><a href="${target.url}#${feedbackId}">${reportBarrier}</a></li>`;
    return html`${links([target])}${report}`;
  })}`;
}

/** One language's introduction: what the site is, its regions, its publisher, where to start. */
function introduction(language: Language, props: ChooserProps): Html {
  const t = (key: string, values?: Record<string, unknown>) =>
    props.translator.t(language, key, values);
  const page = (key: string) => pageIn(props.translations, key, language);
  const start = page("home");
  const publisher = props.official
    ? t("chooser.publisherConfirmed", {
        organisation: publisherText(props.publisher.organisation, language, t),
      })
    : t("chooser.publisherUnconfirmed");
  return html`
      <section class="kern-card chooser__language" lang="${language}" aria-labelledby="chooser-${language}">
        <div class="kern-card__container">
          <div class="kern-card__header">
            <h2 class="kern-title" id="chooser-${language}">${languageInfo[language].nativeName}</h2>
          </div>
          <div class="kern-card__body">
            <p>${t("chooser.intro")}</p>
            <p>${t("chooser.regions")}</p>
            <ul>${links(regionPages.map(page))}
            </ul>
            <p>${publisher}</p>
            <p><a class="chooser__enter" href="${start.url}" hreflang="${language}">${t("chooser.enter")}</a></p>
          </div>
          <nav class="kern-card__footer" aria-label="${t("common.footerNavigation")}">
            <ul class="inline-list">${footerLinks(page, t("accessibility.reportBarrier"))}
            </ul>
          </nav>
        </div>
      </section>`;
}

/**
 * The root page at `/`: the site introduced in every language side by side (what it is, which
 * regions it covers, who publishes it or that this is still to be confirmed), each with links
 * into the site in that language and, at its foot, to the pages `footerPages` names and to the
 * statement's form of reporting a barrier; no script, no redirect. It is written in the source language, with each language's part marked.
 */
export function chooser(props: ChooserProps): Html {
  const { translations, translator } = props;
  const t = (language: Language, key: string) => translator.t(language, key);
  const startPages = translations.home ?? {};
  const present = languages.filter((language) => startPages[language] !== undefined);
  // The heading's words may break at their syllables on a narrow screen, as on every page.
  const title = present.map((language) => ({
    lang: language === sourceLanguage ? undefined : language,
    content: hyphenateText(t(language, "chooser.title"), language),
  }));
  const documentHeadMarkup = documentHead({
    title: present.map((language) => t(language, "chooser.title")).join(" · "),
    description: t(sourceLanguage, "chooser.description"),
    canonicalPath: "/",
    alternates: startPages,
    // The root page itself is the page for readers of any language.
    xDefaultPath: "/",
    noindex: false,
    contentSecurityPolicy: props.contentSecurityPolicy,
    baseUrl: props.baseUrl,
  });
  const bar = headerBar({
    official: props.official,
    labels: present.map((language) =>
      headerBarLabels(language, (key, values) => translator.t(language, key, values)),
    ),
  });
  return html`<!doctype html>
<html lang="${sourceLanguage}" dir="ltr" data-kern-theme="light">
  <head>
    ${documentHeadMarkup}
  </head>
  <body class="chooser">
    ${skipLink((key) => t(sourceLanguage, key))}
    <header class="site-header">
      ${bar}
    </header>
    <main id="main" tabindex="-1">
      <div class="page-intro">
        <div class="page-width">
          <h1>${joinLanguageParts(title)}</h1>
        </div>
      </div>
      <div class="page-width chooser__languages">${present.map((language) => introduction(language, props))}
      </div>
    </main>
  </body>
</html>
`;
}

import type { Publisher } from "../lib/data/schemas.ts";
import { html, type Html } from "../lib/html.ts";
import { hyphenateText } from "../lib/hyphenate.ts";
import type { Translator } from "../lib/i18n.ts";
import {
  directionOf,
  languageInfo,
  languages,
  sourceLanguage,
  type Language,
} from "../lib/languages.ts";
import type { PageRef, Translations } from "../lib/pages.ts";
import { publisherText } from "../lib/publisher.ts";
import { documentHead } from "./document-head.ts";
import { headerBar } from "./header-bar.ts";
import { pageIn } from "./menu.ts";
import { skipLink } from "./skip-link.ts";
import { headerBarLabels } from "./site-header.ts";

/** The translation keys of the pages about each region, which the root page links. */
export const regionPages = ["berlin-brandenburg", "nrw"] as const;

/** The translation keys of the legal notice and the privacy page. */
export const legalPages = ["legal-notice", "privacy"] as const;

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

/** One language's introduction: what the site is, its regions, its publisher, where to start. */
function introduction(language: Language, props: ChooserProps): Html {
  const t = (key: string, values?: Record<string, unknown>) =>
    props.translator.t(language, key, values);
  const page = (key: string) => pageIn(props.translations, key, language);
  const direction =
    directionOf(language) === directionOf(sourceLanguage)
      ? ""
      : html` dir="${directionOf(language)}"`;
  const start = page("home");
  const publisher = props.official
    ? t("chooser.publisherConfirmed", {
        organisation: publisherText(props.publisher.organisation, language, t),
      })
    : t("chooser.publisherUnconfirmed");
  return html`
      <section class="kern-card chooser__language" lang="${language}"${direction} aria-labelledby="chooser-${language}">
        <div class="kern-card__container">
          <div class="kern-card__header">
            <h2 class="kern-title" id="chooser-${language}">${languageInfo(language).name}</h2>
          </div>
          <div class="kern-card__body">
            <p>${t("chooser.intro")}</p>
            <p>${t("chooser.regions")}</p>
            <ul>${links(regionPages.map(page))}
            </ul>
            <p>${publisher}</p>
            <p><a class="chooser__enter" href="${start.url}" hreflang="${language}">${t("chooser.enter")}</a></p>
          </div>
          <nav class="kern-card__footer" aria-label="${t("chooser.legal")}">
            <ul class="inline-list">${links(legalPages.map(page))}
            </ul>
          </nav>
        </div>
      </section>`;
}

/**
 * The root page at `/`: the site introduced in every language of the list side by side (what it is, which
 * regions it covers, who publishes it or that this is still to be confirmed), each with links
 * into the site in that language and to its legal notice and privacy page; no script, no
 * redirect. It is written in the source language, with each language's part marked.
 */
export function chooser(props: ChooserProps): Html {
  const { translations, translator } = props;
  const t = (language: Language, key: string) => translator.t(language, key);
  const startPages = translations.home ?? {};
  const present = languages.filter((language) => startPages[language] !== undefined);
  // The title and the header bar say each wording once: a language not translated yet has the
  // source's words.
  const worded = present.filter(
    (language, index) =>
      !present
        .slice(0, index)
        .some((earlier) => t(earlier, "chooser.title") === t(language, "chooser.title")),
  );
  // The heading's words may break at their syllables on a narrow screen, as on every page.
  const title = worded.map((language) => {
    const words = hyphenateText(t(language, "chooser.title"), language);
    if (language === sourceLanguage) return words;
    return directionOf(language) === directionOf(sourceLanguage)
      ? html`<span lang="${language}">${words}</span>`
      : html`<span lang="${language}" dir="${directionOf(language)}">${words}</span>`;
  });
  const documentHeadMarkup = documentHead({
    title: worded.map((language) => t(language, "chooser.title")).join(" · "),
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
    labels: worded.map((language) =>
      headerBarLabels(language, (key, values) => translator.t(language, key, values)),
    ),
  });
  return html`<!doctype html>
<html lang="${sourceLanguage}" dir="${directionOf(sourceLanguage)}" data-kern-theme="light">
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
          <h1>${title.flatMap((part, index) => (index === 0 ? [part] : [" · ", part]))}</h1>
        </div>
      </div>
      <div class="page-width chooser__languages">${present.map((language) => introduction(language, props))}
      </div>
    </main>
  </body>
</html>
`;
}

import type { Publisher } from "../lib/data/schemas.ts";
import { html, joinLanguageParts, type Html } from "../lib/html.ts";
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
import { notFoundPage } from "../lib/published-files.ts";
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

/** The translation key of the page a server shows for an address that does not exist. */
export const notFoundKey = "not-found";

/** The `dir` attribute a part in `language` needs inside a page written in the source language. */
function directionAttribute(language: Language): Html | "" {
  return directionOf(language) === directionOf(sourceLanguage)
    ? ""
    : html` dir="${directionOf(language)}"`;
}

/** One language's part of a root-level page: a card marked with the language, named by it. */
function languageCard(language: Language, id: string, body: Html, footer: Html | false): Html {
  return html`
      <section class="kern-card chooser__language" lang="${language}"${directionAttribute(language)} aria-labelledby="${id}">
        <div class="kern-card__container">
          <div class="kern-card__header">
            <h2 class="kern-title" id="${id}">${languageInfo(language).name}</h2>
          </div>
          <div class="kern-card__body">${body}
          </div>${footer}
        </div>
      </section>`;
}

/** The way into the site in one language: its start page, drawn as the call to action. */
function enterLink(language: Language, props: ChooserProps): Html {
  const start = pageIn(props.translations, "home", language);
  return html`
            <p><a class="chooser__enter" href="${start.url}" hreflang="${language}">${props.translator.t(language, "chooser.enter")}</a></p>`;
}

/** One language's introduction: what the site is, its regions, its publisher, where to start. */
function introduction(language: Language, props: ChooserProps): Html {
  const t = (key: string, values?: Record<string, unknown>) =>
    props.translator.t(language, key, values);
  const page = (key: string) => pageIn(props.translations, key, language);
  const publisher = props.official
    ? t("chooser.publisherConfirmed", {
        organisation: publisherText(props.publisher.organisation, language, t),
      })
    : t("chooser.publisherUnconfirmed");
  const body = html`
            <p>${t("chooser.intro")}</p>
            <p>${t("chooser.regions")}</p>
            <ul>${links(regionPages.map(page))}
            </ul>
            <p>${publisher}</p>${enterLink(language, props)}`;
  const footer = html`
          <nav class="kern-card__footer" aria-label="${t("common.footerNavigation")}">
            <ul class="inline-list">${footerLinks(page, t("accessibility.reportBarrier"))}
            </ul>
          </nav>`;
  return languageCard(language, `chooser-${language}`, body, footer);
}

/** What a page at the site's root says, beside the frame every such page shares. */
interface RootPageParts {
  /** The languages the page speaks, each with a part of its own. */
  languages: readonly Language[];
  /** The page's name in one language; the title and heading name it in every language. */
  title: (language: Language) => string;
  /** What search engines show of the page, in the source language. */
  description: string;
  /** The page's own path, also its x-default. */
  canonicalPath: string;
  /** The page in each language, as hreflang alternates. */
  alternates: Partial<Record<Language, { url: string }>>;
  noindex: boolean;
  /** One language's part of the main content. */
  part: (language: Language) => Html;
}

/**
 * A page at the site's root, for readers of every language: named in each of them, with each
 * language's part side by side; no script, no redirect. It is written in the source language,
 * with each language's part marked.
 */
function rootPage(props: ChooserProps, parts: RootPageParts): Html {
  const { translator } = props;
  const t = (language: Language, key: string) => translator.t(language, key);
  // The title and the header bar say each wording once: a language not translated yet has the
  // source's words.
  const worded = parts.languages.filter(
    (language, index) =>
      !parts.languages
        .slice(0, index)
        .some((earlier) => parts.title(earlier) === parts.title(language)),
  );
  // The heading's words may break at their syllables on a narrow screen, as on every page.
  const title = worded.map((language) => ({
    lang: language === sourceLanguage ? undefined : language,
    dir: directionOf(language) === directionOf(sourceLanguage) ? undefined : directionOf(language),
    content: hyphenateText(parts.title(language), language),
  }));
  const documentHeadMarkup = documentHead({
    title: worded.map(parts.title).join(" · "),
    description: parts.description,
    canonicalPath: parts.canonicalPath,
    alternates: parts.alternates,
    // The page itself is the page for readers of any language.
    xDefaultPath: parts.canonicalPath,
    noindex: parts.noindex,
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
          <h1>${joinLanguageParts(title)}</h1>
        </div>
      </div>
      <div class="page-width chooser__languages">${parts.languages.map(parts.part)}
      </div>
    </main>
  </body>
</html>
`;
}

/**
 * The root page at `/`: the site introduced in every language of the list side by side (what it
 * is, which regions it covers, who publishes it or that this is still to be confirmed), each with
 * links into the site in that language and, at its foot, to the pages `footerPages` names and to
 * the statement's form of reporting a barrier (see `rootPage`).
 */
export function chooser(props: ChooserProps): Html {
  const t = (language: Language, key: string) => props.translator.t(language, key);
  const startPages = props.translations.home ?? {};
  return rootPage(props, {
    languages: languages.filter((language) => startPages[language] !== undefined),
    title: (language) => t(language, "chooser.title"),
    description: t(sourceLanguage, "chooser.description"),
    canonicalPath: "/",
    alternates: startPages,
    noindex: false,
    part: (language) => introduction(language, props),
  });
}

/**
 * The 404 page at the site's root (`/404.html`), which static hosts with one error page for the
 * whole site (GitHub Pages) show for every address that does not exist, whatever its language:
 * named by each language's 404 page, with a word in each language that the address does not
 * exist and the way to its start page. Kept out of search indexes, like the 404 pages of the
 * languages, which it names as its alternates.
 */
export function rootNotFound(props: ChooserProps): Html {
  const t = (language: Language, key: string) => props.translator.t(language, key);
  const notFound = props.translations[notFoundKey] ?? {};
  const startPages = props.translations.home ?? {};
  return rootPage(props, {
    languages: languages.filter(
      (language) => notFound[language] !== undefined && startPages[language] !== undefined,
    ),
    title: (language) => pageIn(props.translations, notFoundKey, language).title,
    description: t(sourceLanguage, "chooser.notFoundDescription"),
    canonicalPath: `/${notFoundPage}`,
    alternates: notFound,
    noindex: true,
    part: (language) =>
      languageCard(
        language,
        `not-found-${language}`,
        html`
            <p>${t(language, "chooser.notFoundText")}</p>${enterLink(language, props)}`,
        false,
      ),
  });
}

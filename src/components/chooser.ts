import { html, type Html } from "../lib/html.ts";
import type { Translator } from "../lib/i18n.ts";
import { languageInfo, sourceLanguage, type Language } from "../lib/languages.ts";
import type { PageRef } from "../lib/pages.ts";
import { documentHead } from "./document-head.ts";
import { skipLink } from "./skip-link.ts";

/** Parameters of the root chooser. */
export interface ChooserProps {
  /** The start page in every language. */
  startPages: Partial<Record<Language, PageRef>>;
  /** UI strings in every language: the chooser speaks to readers of each. */
  translator: Translator;
  /** The content security policy for the meta tag; undefined leaves the tag out. */
  contentSecurityPolicy: string | undefined;
  /** The site's origin. */
  baseUrl: string;
}

/**
 * The root chooser at `/`: a small page in every language that lets readers pick one, without
 * script or redirect. It is written in the source language, with each language's part marked.
 */
export function chooser({ startPages, translator, ...head }: ChooserProps): Html {
  const t = (language: Language, key: string) => translator.t(language, key);
  const entries = Object.entries(startPages) as [Language, PageRef][];
  const title = entries.map(([language]) =>
    language === sourceLanguage
      ? t(language, "chooser.title")
      : html`<span lang="${language}">${t(language, "chooser.title")}</span>`,
  );
  const sections = entries.map(
    ([language, start]) => html`
      <section class="chooser__language" lang="${language}" aria-labelledby="chooser-${language}">
        <h2 id="chooser-${language}">${languageInfo[language].nativeName}</h2>
        <p>${t(language, "chooser.intro")}</p>
        <p><a class="chooser__link" href="${start.url}" hreflang="${language}">${t(language, "chooser.enter")}</a></p>
      </section>`,
  );
  const documentHeadMarkup = documentHead({
    title: entries.map(([language]) => t(language, "chooser.title")).join(" · "),
    description: t(sourceLanguage, "chooser.description"),
    canonicalPath: "/",
    alternates: startPages,
    // The chooser itself is the page for readers of any language.
    xDefaultPath: "/",
    noindex: false,
    ...head,
  });
  return html`<!doctype html>
<html lang="${sourceLanguage}" dir="ltr">
  <head>
    ${documentHeadMarkup}
  </head>
  <body class="chooser">
    ${skipLink((key) => t(sourceLanguage, key))}
    <main id="main" tabindex="-1">
      <h1>${title.flatMap((part, index) => (index === 0 ? [part] : [" · ", part]))}</h1>${sections}
    </main>
  </body>
</html>
`;
}

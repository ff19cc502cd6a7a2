import type { Publisher, Sources } from "../data/schemas.ts";
import type { Translate } from "../i18n.ts";
import type { Language } from "../languages.ts";
import { publisherText } from "../publisher.ts";

/** What a citation of the open data names. */
export interface CitationOptions {
  language: Language;
  t: Translate;
  publisher: Publisher;
  sources: Sources;
  /** The absolute address of the data page. */
  url: string;
}

/**
 * How to cite the open data, in the page's language: the publishing body (marked as a
 * placeholder until it is filled in), the dataset's title, the data page and the sources'
 * publishers in that language ("… Based on figures from State of Brandenburg and …").
 */
export function openDataCitation(options: CitationOptions): string {
  const { language, t } = options;
  const sources = new Intl.ListFormat(language, { type: "conjunction" }).format(
    // The publishers' names in the page's language: a citation is plain text, so a German name
    // on an English page could not be marked as German.
    Object.values(options.sources).map((source) => source.publisher.meaning[language]),
  );
  return t("openData.page.cite", {
    publisher: publisherText(options.publisher.organisation, language, t),
    title: t("openData.dataset.title"),
    url: options.url,
    sources,
  });
}

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
 * publishers ("… Nach Angaben von Land Brandenburg und Landeszentrum Gesundheit …").
 */
export function openDataCitation(options: CitationOptions): string {
  const { language, t } = options;
  const sources = new Intl.ListFormat(language, { type: "conjunction" }).format(
    Object.values(options.sources).map((source) => source.publisher.name),
  );
  return t("openData.page.cite", {
    publisher: publisherText(options.publisher.organisation, language, t),
    title: t("openData.dataset.title"),
    url: options.url,
    sources,
  });
}

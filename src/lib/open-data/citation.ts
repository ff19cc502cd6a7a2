import { textIn } from "../data/localized.ts";
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
 * A source's publisher as the open data name it, in `language`: its name as the source writes
 * it, followed in another language by what it means, as the sources page gives it ("Landeszentrum
 * Gesundheit Nordrhein-Westfalen (North Rhine-Westphalia Centre for Health)"), and while the
 * text itself names no publisher, that the attribution is still to be confirmed — "Land
 * Brandenburg (zugeordnet; Herausgeber noch zu bestätigen)". Written as a name, never inside a
 * sentence, so it needs no article or case.
 */
export function sourceAttribution(
  source: Sources[string],
  language: Language,
  t: Translate,
): string {
  const { name, meaning, confirmed } = source.publisher;
  if (language === source.language) {
    return confirmed ? name : t("openData.attribution.unconfirmed", { publisher: name });
  }
  const values = { name, meaning: textIn(meaning, language) };
  return confirmed
    ? t("openData.attribution.translated", values)
    : t("openData.attribution.translatedUnconfirmed", values);
}

/**
 * The sources' names in another language than `language` (the German names on English pages),
 * to be marked with their language where the attribution stands in a page.
 */
export function foreignSourceNames(
  sources: Sources,
  language: Language,
): { phrase: string; lang: string }[] {
  return Object.values(sources)
    .filter((source) => source.language !== language)
    .map((source) => ({ phrase: source.publisher.name, lang: source.language }));
}

/** Every source's publisher in one line: "Quellen: A (…) und B" / "Sources: A (…) and B". */
export function sourcesAttribution(sources: Sources, language: Language, t: Translate): string {
  return t("openData.attribution.sources", {
    sources: new Intl.ListFormat(language, { type: "conjunction" }).format(
      Object.values(sources).map((source) => sourceAttribution(source, language, t)),
    ),
  });
}

/**
 * How to cite the open data, in the page's language: the publishing body (marked as a
 * placeholder until it is filled in), the dataset's title, the data page and the sources'
 * publishers ("… Sources: State of Brandenburg (attributed; publisher to be confirmed) and …").
 */
export function openDataCitation(options: CitationOptions): string {
  const { language, t } = options;
  return t("openData.page.cite", {
    publisher: publisherText(options.publisher.organisation, language, t),
    title: t("openData.dataset.title"),
    url: options.url,
    sources: sourcesAttribution(options.sources, language, t),
  });
}

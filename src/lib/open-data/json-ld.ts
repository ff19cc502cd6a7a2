import { absoluteUrl } from "../base-url.ts";
import type { Publisher, Sources } from "../data/schemas.ts";
import type { Translate } from "../i18n.ts";
import type { Language } from "../languages.ts";
import { sourcesAttribution } from "./citation.ts";
import { catalogueFile, openDataPath, type BuiltOpenDataFile } from "./files.ts";
import { filledIn } from "./records.ts";

/** What the data page's description of the dataset needs besides the files. */
export interface DatasetJsonLdOptions {
  baseUrl: string;
  language: Language;
  t: Translate;
  publisher: Publisher;
  /** Whom the figures come from: the dataset's `creditText`, with an unconfirmed publisher marked. */
  sources: Sources;
  /** The site path of the data page in `language`. */
  landingPage: string;
}

/**
 * The schema.org `Dataset` the data page describes, as JSON-LD for search engines: the same
 * dataset and distributions as `dcat.ttl`, in the page's language, crediting the sources (a
 * publisher still to be confirmed marked as such). Placeholders of
 * `data/publisher.ts` are left out: search engines would show them as facts.
 */
export function datasetJsonLd(
  distributions: readonly BuiltOpenDataFile[],
  options: DatasetJsonLdOptions,
): string {
  const { baseUrl, t, publisher } = options;
  const organisation = filledIn(publisher.organisation);
  const licence = filledIn(publisher.licence);
  const dataset = {
    "@context": "https://schema.org",
    "@type": "Dataset",
    "@id": `${absoluteUrl(openDataPath(catalogueFile), baseUrl)}#dataset`,
    name: t("openData.dataset.title"),
    description: t("openData.dataset.description"),
    url: absoluteUrl(options.landingPage, baseUrl),
    inLanguage: options.language,
    keywords: t("openData.dataset.keywords").split(", "),
    creditText: sourcesAttribution(options.sources, options.language, t),
    isAccessibleForFree: true,
    ...(licence === null ? {} : { license: licence }),
    ...(organisation === null
      ? {}
      : { publisher: { "@type": "Organization", name: organisation } }),
    distribution: distributions.map((file) => ({
      "@type": "DataDownload",
      name: t(`openData.files.${file.key}.title`),
      encodingFormat: file.mediaType,
      contentUrl: absoluteUrl(openDataPath(file), baseUrl),
      contentSize: `${file.bytes.byteLength} B`,
      ...(file.language === undefined ? {} : { inLanguage: file.language }),
    })),
  };
  // `<` written as an escape keeps `</script>` in a text from ending the script element early.
  return JSON.stringify(dataset, null, 2).replaceAll("<", "\\u003c");
}

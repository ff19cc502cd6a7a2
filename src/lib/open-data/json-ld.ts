import { absoluteUrl } from "../base-url.ts";
import type { Publisher, Sources } from "../data/schemas.ts";
import type { Translator } from "../i18n.ts";
import { languages, type Language } from "../languages.ts";
import { sourcesAttribution } from "./citation.ts";
import { catalogueFile, openDataFileTexts, openDataPath, type BuiltOpenDataFile } from "./files.ts";
import { filledIn } from "./records.ts";

/** What the data pages' description of the dataset needs besides the files. */
export interface DatasetJsonLdOptions {
  baseUrl: string;
  translator: Translator;
  publisher: Publisher;
  /** Whom the figures come from: the dataset's `creditText`, with an unconfirmed publisher marked. */
  sources: Sources;
  /** The data page in each language that has one (site paths). */
  landingPages: Partial<Record<Language, string>>;
}

/** A text in every language of the site, as JSON-LD language-tagged strings. */
type TaggedText = { "@value": string; "@language": Language }[];

/**
 * The schema.org `Dataset` the data pages describe, as JSON-LD for search engines: the same
 * dataset and distributions as `dcat.ttl`, under the same `@id`, with its names and descriptions
 * in every language, tagged, crediting the sources (a publisher still to be confirmed marked as
 * such). Both data pages carry this same description, so the dataset has one
 * identity and one set of facts however it is found. Placeholders of `data/publisher.ts` are left
 * out: search engines would show them as facts.
 */
export function datasetJsonLd(
  distributions: readonly BuiltOpenDataFile[],
  options: DatasetJsonLdOptions,
): string {
  const { baseUrl, translator, publisher } = options;
  const tagged = (key: string): TaggedText =>
    languages.map((language) => ({ "@value": translator.t(language, key), "@language": language }));
  const organisationName = filledIn(publisher.organisation);
  const organisation =
    organisationName === null ? undefined : { "@type": "Organization", name: organisationName };
  const licence = filledIn(publisher.licence);
  const modified = filledIn(publisher.dataModifiedOn);
  const issued = filledIn(publisher.dataIssuedOn);
  const dataset = {
    "@context": "https://schema.org",
    "@type": "Dataset",
    "@id": `${absoluteUrl(openDataPath(catalogueFile), baseUrl)}#dataset`,
    name: tagged("openData.dataset.title"),
    description: tagged("openData.dataset.description"),
    url: Object.values(options.landingPages).flatMap((url) =>
      url === undefined ? [] : [absoluteUrl(url, baseUrl)],
    ),
    inLanguage: [...languages],
    keywords: languages.flatMap((language) =>
      translator
        .t(language, "openData.dataset.keywords")
        .split(", ")
        .map((keyword) => ({ "@value": keyword, "@language": language })),
    ),
    creditText: languages.map((language) => ({
      "@value": sourcesAttribution(options.sources, language, (key, values) =>
        translator.t(language, key, values),
      ),
      "@language": language,
    })),
    isAccessibleForFree: true,
    ...(licence === null ? {} : { license: licence.uri }),
    ...(organisation === undefined ? {} : { creator: organisation, publisher: organisation }),
    ...(issued === null ? {} : { datePublished: issued }),
    ...(modified === null ? {} : { dateModified: modified }),
    distribution: distributions.map((file) => ({
      "@type": "DataDownload",
      name: languages.map((language) => ({
        "@value": openDataFileTexts(file, language, (key, values) =>
          translator.t(language, key, values),
        ).title,
        "@language": language,
      })),
      encodingFormat: file.mediaType,
      contentUrl: absoluteUrl(openDataPath(file), baseUrl),
      contentSize: `${file.bytes.byteLength} B`,
      ...(file.language === undefined ? {} : { inLanguage: file.language }),
    })),
  };
  // `<` written as an escape keeps `</script>` in a text from ending the script element early.
  return JSON.stringify(dataset, null, 2).replaceAll("<", "\\u003c");
}

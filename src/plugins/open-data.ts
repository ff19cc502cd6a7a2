import type UserConfig from "@11ty/eleventy/UserConfig";
import { absoluteUrl } from "../lib/base-url.ts";
import type { SiteData } from "../lib/data/schemas.ts";
import type { Translator } from "../lib/i18n.ts";
import type { Language } from "../lib/languages.ts";
import { buildOpenData } from "../lib/open-data/build.ts";
import { markLanguage } from "../lib/html.ts";
import { foreignSourceNames, openDataCitation } from "../lib/open-data/citation.ts";
import { formatFileSize } from "../lib/open-data/file-size.ts";
import { openDataFileTexts, openDataPath, type OpenDataFile } from "../lib/open-data/files.ts";
import { datasetJsonLd } from "../lib/open-data/json-ld.ts";
import { pageLanguage, withPage, type TemplateContext } from "./context.ts";

const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * The open data: every figure of `data/facts.ts` as files in `/data/` (JSON with its schema,
 * CSV in each language's dialect, DCAT-AP.de metadata), built from the data modules
 * as templates of the build, so they go through the staging folder like every page. For the
 * data pages (`layouts/open-data.njk`):
 * - `openData.files`: each file's `key`, `language`, `name`, `url`, `mediaType` and `byteSize`;
 * - `{{ file | openDataFileTexts }}`: a file's `title`, `description` and `format` in the page's language;
 * - `openData.jsonLd`: the schema.org description of the dataset as JSON-LD, one for both pages;
 * - `openData.licence`: the licence's `name` in each language and the address of its `text`, or
 *   the placeholder while `data/publisher.ts` holds one;
 * - `{{ bytes | fileSize }}`: a size in the page's language ("3,4 kB");
 * - `{{ page.url | openDataCitation | safe }}`: how to cite the data found at that page, as
 *   markup (the sources' German names marked as German on English pages);
 * - `{{ text | markFileName(file) | safe }}`: the text as markup, the file's name in it marked
 *   with the file's language where that is not the page's ("kennzahlen.csv" on English pages).
 */
export default function openDataPlugin(
  eleventyConfig: UserConfig,
  options: {
    data: SiteData;
    translator: Translator;
    baseUrl: string;
    /** The data pages (`translationKey: open-data`), the dataset's landing pages in the metadata. */
    landingPages: Partial<Record<Language, string>>;
  },
) {
  const { data, translator, baseUrl, landingPages } = options;
  const files = buildOpenData(data, { translator, baseUrl, landingPages });
  for (const file of files) {
    // Decoding keeps a byte-order mark, so the written file has exactly the built bytes.
    const content = decoder.decode(file.bytes);
    eleventyConfig.addTemplate(
      `open-data/${file.name}.11ty.js`,
      { render: () => content },
      { permalink: openDataPath(file), eleventyExcludeFromCollections: true },
    );
  }
  const distributions = files.filter((file) => file.distribution);
  eleventyConfig.addGlobalData("openData", {
    files: files.map((file) => ({
      key: file.key,
      language: file.language,
      name: file.name,
      url: openDataPath(file),
      mediaType: file.mediaType,
      byteSize: file.bytes.byteLength,
    })),
    licence: data.publisher.licence,
    jsonLd: datasetJsonLd(distributions, {
      baseUrl,
      translator,
      publisher: data.publisher,
      sources: data.sources,
      landingPages,
    }),
  });
  eleventyConfig.addFilter("fileSize", function (this: TemplateContext, bytes: number) {
    return formatFileSize(bytes, pageLanguage(this));
  });
  eleventyConfig.addFilter(
    "openDataFileTexts",
    function (this: TemplateContext, file: Pick<OpenDataFile, "key" | "language">) {
      const language = pageLanguage(this);
      return withPage(this, () =>
        openDataFileTexts(file, language, (key, values) => translator.t(language, key, values)),
      );
    },
  );
  eleventyConfig.addFilter("openDataCitation", function (this: TemplateContext, url: string) {
    const language = pageLanguage(this);
    const citation = withPage(this, () =>
      openDataCitation({
        language,
        t: (key, values) => translator.t(language, key, values),
        publisher: data.publisher,
        sources: data.sources,
        url: absoluteUrl(url, baseUrl),
      }),
    );
    return markLanguage(citation, foreignSourceNames(data.sources, language)).markup;
  });
  eleventyConfig.addFilter(
    "markFileName",
    function (this: TemplateContext, text: string, file: { name: string; language?: Language }) {
      const foreign = file.language !== undefined && file.language !== pageLanguage(this);
      return markLanguage(text, foreign ? [{ phrase: file.name, lang: file.language ?? "" }] : [])
        .markup;
    },
  );
}

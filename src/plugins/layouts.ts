import type UserConfig from "@11ty/eleventy/UserConfig";
import { chooser, rootNotFound } from "../components/chooser.ts";
import { outdatedNotice } from "../components/outdated-notice.ts";
import { pageFrame } from "../components/page-frame.ts";
import type { Publisher, Site } from "../lib/data/schemas.ts";
import { ContentError } from "../lib/errors.ts";
import { trustedHtml } from "../lib/html.ts";
import { hyphenateHtml, hyphenateText } from "../lib/hyphenate.ts";
import type { Translate, Translator } from "../lib/i18n.ts";
import { sourceLanguage } from "../lib/languages.ts";
import { untranslatedMark } from "../lib/translation-version.ts";
import type { Translations } from "../lib/pages.ts";
import { notFoundPage } from "../lib/published-files.ts";
import { metaContentSecurityPolicy } from "../lib/security.ts";
import { pageFile, pageLanguage, withPage, type TemplateContext } from "./context.ts";

/** What the layouts read of the data Eleventy gives a template. */
interface LayoutData {
  lang?: unknown;
  title?: unknown;
  easyLanguage?: unknown;
  description?: unknown;
  translationKey?: unknown;
  translatedFrom?: unknown;
  content: string;
  page: { url: string; inputPath: string };
  collections: { translations: Translations };
  eleventy: { env: { runMode: string } };
}

/** Reads a text field of the page's front matter, naming the page and field when it is missing. */
function field(data: LayoutData, name: "title" | "description" | "translationKey"): string {
  const value = data[name];
  if (typeof value !== "string") {
    throw new ContentError(`the page layout needs "${name}" in the front matter`, {
      file: pageFile({ page: data.page }),
      key: name,
    });
  }
  return value;
}

/**
 * The page layout and the root page, written with the components in `src/components/`:
 * - `layout: page` (the folder data's default): the page frame around the title as the one
 *   `h1` and the Markdown body; the layouts in `src/site/_includes/layouts/` build on it. Long
 *   words in the title and the body get soft hyphens (`hyphenateHtml`), so they break at a
 *   syllable rather than anywhere, except on pages in Leichte Sprache or easy-read English,
 *   where words are never broken at a syllable (BITV 2.0, Anlage 2);
 * - `/` (`/index.html`): the root page, which introduces the site in every language, and
 *   `/404.html`, the 404 page for hosts with one for the whole site, also in every language.
 * They are TypeScript functions rather than Nunjucks templates because every page goes through
 * the frame: on a site of thousands of pages that makes the build about a fifth faster (see
 * BENCHMARKS.md).
 */
export default function layoutsPlugin(
  eleventyConfig: UserConfig,
  options: {
    translator: Translator;
    baseUrl: string;
    navigation: Site["navigation"];
    /** Whether the site may call itself official (`isOfficialSite`). */
    official: boolean;
    publisher: Publisher;
  },
) {
  // `npm start`'s live reload runs a script, which the policy would block.
  const contentSecurityPolicy = (data: LayoutData) =>
    data.eleventy.env.runMode === "serve" ? undefined : metaContentSecurityPolicy;

  eleventyConfig.addTemplate("_includes/layouts/page.11ty.js", {
    render(data: LayoutData): string {
      const context: TemplateContext = { ctx: data, page: data.page };
      const language = pageLanguage(context);
      return withPage(context, () => {
        const title = field(data, "title");
        const translationKey = field(data, "translationKey");
        const t: Translate = (key, values) => options.translator.t(language, key, values);
        const source = data.collections.translations[translationKey]?.[sourceLanguage];
        const easyLanguage = data.easyLanguage === true;
        // A page not translated yet is its source's text, hyphenated and marked as such.
        const written = data.translatedFrom === untranslatedMark ? sourceLanguage : language;
        return pageFrame({
          language,
          title,
          description: field(data, "description"),
          url: data.page.url,
          translationKey,
          translations: data.collections.translations,
          navigation: options.navigation,
          contentSecurityPolicy: contentSecurityPolicy(data),
          baseUrl: options.baseUrl,
          t,
          official: options.official,
          easyLanguage,
          notice: outdatedNotice({ language, translatedFrom: data.translatedFrom, source, t }),
          heading: easyLanguage ? title : hyphenateText(title, written),
          content: trustedHtml(easyLanguage ? data.content : hyphenateHtml(data.content, written)),
          contentLanguage: written,
        }).markup;
      });
    },
  });
  eleventyConfig.addLayoutAlias("page", "layouts/page.11ty.js");

  // The pages at the site's root speak every language: the root page, and the 404 page that
  // static hosts with one error page for the whole site (GitHub Pages) show for any address.
  const rootPages = [
    ["index.html", chooser],
    [notFoundPage, rootNotFound],
  ] as const;
  for (const [file, component] of rootPages) {
    eleventyConfig.addTemplate(
      `${file.replace(/\.html$/, "")}.11ty.js`,
      {
        render(data: LayoutData): string {
          return component({
            translations: data.collections.translations,
            translator: options.translator,
            official: options.official,
            publisher: options.publisher,
            contentSecurityPolicy: contentSecurityPolicy(data),
            baseUrl: options.baseUrl,
          }).markup;
        },
      },
      { permalink: `/${file}`, eleventyExcludeFromCollections: true },
    );
  }
}

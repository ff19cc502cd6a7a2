import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { resolveBaseUrl } from "./src/lib/base-url.ts";
import { loadSiteData } from "./src/lib/data/load.ts";
import { createTranslator, loadLocales } from "./src/lib/i18n.ts";
import assetsPlugin from "./src/plugins/assets.ts";
import factsPlugin from "./src/plugins/facts.ts";
import linkCheckPlugin from "./src/plugins/link-check.ts";
import layoutsPlugin from "./src/plugins/layouts.ts";
import markdownPlugin from "./src/plugins/markdown.ts";
import openDataPlugin from "./src/plugins/open-data.ts";
import pagesPlugin from "./src/plugins/pages.ts";
import publisherPlugin from "./src/plugins/publisher.ts";
import siteDataPlugin from "./src/plugins/site-data.ts";
import translationsPlugin from "./src/plugins/translations.ts";

const projectRoot = import.meta.dirname;

/** The site's build: one plugin per concern, each in `src/plugins/`. */
export default async function (eleventyConfig: UserConfig) {
  // Data and locale files are validated before anything renders.
  const data = await loadSiteData(path.join(projectRoot, "data"), projectRoot);
  const translator = createTranslator(
    await loadLocales(path.join(projectRoot, "locales"), projectRoot),
  );
  const baseUrl = resolveBaseUrl(process.env.SITE_URL, data.site.defaultBaseUrl);

  // `dev` keeps the original error behind a failed filter or shortcode, so the build can name
  // the locale key or fact at fault instead of "Error in Nunjucks Filter".
  eleventyConfig.setNunjucksEnvironmentOptions({
    autoescape: true,
    throwOnUndefined: true,
    dev: true,
  });
  eleventyConfig.addWatchTarget(path.join(projectRoot, "data"));
  eleventyConfig.addWatchTarget(path.join(projectRoot, "locales"));

  eleventyConfig.addPlugin(siteDataPlugin, { data, baseUrl });
  eleventyConfig.addPlugin(translationsPlugin, { translator });
  eleventyConfig.addPlugin(factsPlugin, { facts: data.facts, translator });
  eleventyConfig.addPlugin(publisherPlugin, { translator });
  eleventyConfig.addPlugin(openDataPlugin, { data, translator, baseUrl });
  eleventyConfig.addPlugin(markdownPlugin, { translator, baseUrl });
  eleventyConfig.addPlugin(pagesPlugin, { projectRoot, baseUrl, navigation: data.site.navigation });
  eleventyConfig.addPlugin(layoutsPlugin, {
    translator,
    baseUrl,
    navigation: data.site.navigation,
  });
  eleventyConfig.addPlugin(assetsPlugin);
  eleventyConfig.addPlugin(linkCheckPlugin, { projectRoot, baseUrl });
}

// Input and output folders are given by the caller (`src/build.ts`, `npm start`): Eleventy lets
// folders set here override those of a programmatic build.
export const config = {
  // `11ty.js`: the layouts plugin adds the root chooser as a virtual JavaScript template.
  templateFormats: ["md", "njk", "11ty.js"],
  markdownTemplateEngine: "njk",
  htmlTemplateEngine: "njk",
};

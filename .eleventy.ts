import type UserConfig from "@11ty/eleventy/UserConfig";
import { resolveBaseUrl } from "./src/lib/base-url.ts";
import { loadSiteData } from "./src/lib/data/load.ts";
import { createTranslator, loadLocales } from "./src/lib/i18n.ts";
import { assertPublishable, projectReadiness } from "./src/lib/production.ts";
import { isOfficialSite, placeholderMarkers } from "./src/lib/publisher.ts";
import { compileStylesheet } from "./src/lib/stylesheet.ts";
import { projectFolders, projectPath } from "./src/lib/project.ts";
import accessibilityPlugin, { accessibilityLayouts } from "./src/plugins/accessibility.ts";
import assetsPlugin from "./src/plugins/assets.ts";
import { isProductionBuild } from "./src/plugins/build-mode.ts";
import { checkSourceFiles } from "./src/lib/source-files.ts";
import { createFrontMatterShare } from "./src/lib/front-matter.ts";
import { addressesOfKey } from "./src/lib/page-sources.ts";
import factsPlugin, { createFactWriter } from "./src/plugins/facts.ts";
import fontsPlugin from "./src/plugins/fonts.ts";
import linkCheckPlugin from "./src/plugins/link-check.ts";
import layoutsPlugin from "./src/plugins/layouts.ts";
import markdownPlugin from "./src/plugins/markdown.ts";
import nunjucksPlugin from "./src/plugins/nunjucks.ts";
import openDataPlugin from "./src/plugins/open-data.ts";
import pagesPlugin from "./src/plugins/pages.ts";
import publisherPlugin from "./src/plugins/publisher.ts";
import siteDataPlugin from "./src/plugins/site-data.ts";
import stylesPlugin from "./src/plugins/styles.ts";
import translationsPlugin from "./src/plugins/translations.ts";

const projectRoot = import.meta.dirname;

/** The site's build: one plugin per concern, each in `src/plugins/`. */
export default async function (eleventyConfig: UserConfig) {
  // Sources, data and locale files are validated before anything renders; Eleventy takes the
  // pages' front matter as the check parsed it.
  const frontMatter = createFrontMatterShare();
  await checkSourceFiles(projectRoot, accessibilityLayouts, frontMatter);
  eleventyConfig.setFrontMatterParsingOptions({ engines: { yaml: frontMatter.yaml } });
  const data = await loadSiteData(projectPath(projectFolders.data, projectRoot), projectRoot);
  const translator = createTranslator(
    await loadLocales(projectPath(projectFolders.locales, projectRoot), projectRoot),
  );
  const production = isProductionBuild(eleventyConfig);
  // A build for publication stops here, naming every placeholder and a SITE_URL readers cannot use.
  if (production) {
    const markers = placeholderMarkers(translator);
    assertPublishable(await projectReadiness(projectRoot, data, process.env.SITE_URL, markers));
  }
  const baseUrl = resolveBaseUrl(process.env.SITE_URL, data.site.defaultBaseUrl);
  const facts = createFactWriter(data.facts, translator);
  const stylesheet = await compileStylesheet(projectRoot);
  // Whether the header bar may say "official website": the one place that decides it. Only a
  // build for publication, with the publisher's details filled in, may claim it.
  const official = production && isOfficialSite(data.publisher);

  // Data and strings are read here, once per configuration: a change to them in `npm start`
  // reloads the configuration, so every page is rebuilt with them (not just pages that changed).
  eleventyConfig.addWatchTarget(projectPath(projectFolders.data, projectRoot), {
    resetConfig: true,
  });
  eleventyConfig.addWatchTarget(projectPath(projectFolders.locales, projectRoot), {
    resetConfig: true,
  });

  eleventyConfig.addPlugin(nunjucksPlugin);
  eleventyConfig.addPlugin(siteDataPlugin, {
    data,
    baseUrl,
    production,
  });
  eleventyConfig.addPlugin(translationsPlugin, { translator });
  eleventyConfig.addPlugin(factsPlugin, { facts });
  eleventyConfig.addPlugin(publisherPlugin, { translator });
  eleventyConfig.addPlugin(openDataPlugin, {
    data,
    translator,
    baseUrl,
    landingPages: await addressesOfKey(projectRoot, "open-data"),
  });
  eleventyConfig.addPlugin(markdownPlugin, { translator, baseUrl, factText: facts.text });
  eleventyConfig.addPlugin(pagesPlugin, { projectRoot, baseUrl, navigation: data.site.navigation });
  eleventyConfig.addPlugin(layoutsPlugin, {
    translator,
    baseUrl,
    navigation: data.site.navigation,
    official,
    publisher: data.publisher,
  });
  eleventyConfig.addPlugin(accessibilityPlugin, {
    translator,
    accessibility: data.site.accessibility,
    publisher: data.publisher,
    navigation: data.site.navigation,
    coverage: data["wcag-coverage"],
  });
  eleventyConfig.addPlugin(assetsPlugin);
  eleventyConfig.addPlugin(stylesPlugin, { projectRoot, stylesheet });
  eleventyConfig.addPlugin(fontsPlugin, { projectRoot, css: stylesheet.css });
  eleventyConfig.addPlugin(linkCheckPlugin, { projectRoot, baseUrl });
}

// Input and output folders are given by the caller (`src/build.ts`, `npm start`): Eleventy lets
// folders set here override those of a programmatic build.
export const config = {
  // `11ty.js`: the layouts plugin adds the root chooser as a virtual JavaScript template.
  templateFormats: ["md", "njk", "11ty.js"],
  // Pages are Markdown only: no template engine runs them (see the Markdown plugin).
  markdownTemplateEngine: false,
  htmlTemplateEngine: "njk",
};

import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { projectFolders } from "../lib/project.ts";
import { stylesheetUrl, type Stylesheet } from "../lib/stylesheet.ts";

/**
 * Publishes the stylesheet compiled from KERN's Sass sources and the site's layer
 * (`compileStylesheet`, run once per configuration) as `/assets/site.css`, a file of the build
 * like every page, so it goes through the staging folder with them. A change in `src/styles/`
 * in `npm start` reloads the configuration, which compiles it again.
 */
export default function stylesPlugin(
  eleventyConfig: UserConfig,
  options: { projectRoot: string; stylesheet: Stylesheet },
) {
  const { css } = options.stylesheet;
  eleventyConfig.addTemplate(
    "assets/site.css.11ty.js",
    { render: () => css },
    { permalink: stylesheetUrl, eleventyExcludeFromCollections: true },
  );
  eleventyConfig.addWatchTarget(path.join(options.projectRoot, projectFolders.styles), {
    resetConfig: true,
  });
}

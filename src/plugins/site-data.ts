import type UserConfig from "@11ty/eleventy/UserConfig";
import type { SiteData } from "../lib/data/schemas.ts";

/** Makes the validated data modules available to every template under their file names. */
export default function siteDataPlugin(
  eleventyConfig: UserConfig,
  options: { data: SiteData; baseUrl: string },
) {
  for (const [name, value] of Object.entries(options.data)) {
    eleventyConfig.addGlobalData(name, value);
  }
  eleventyConfig.addGlobalData("baseUrl", options.baseUrl);
}

import type UserConfig from "@11ty/eleventy/UserConfig";

/** Copies the stylesheet and icon to `/assets/`; the site loads nothing from other hosts. */
export default function assetsPlugin(eleventyConfig: UserConfig) {
  eleventyConfig.addPassthroughCopy({ [`${eleventyConfig.directories.input}assets`]: "assets" });
}

import type UserConfig from "@11ty/eleventy/UserConfig";

/** Copies the stylesheet and icon to `/assets/`; the site loads nothing from other hosts. */
export default function assetsPlugin(eleventyConfig: UserConfig) {
  const { input } = eleventyConfig.directories as { input: string };
  eleventyConfig.addPassthroughCopy({ [`${input}assets`]: "assets" });
}

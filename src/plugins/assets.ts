import type UserConfig from "@11ty/eleventy/UserConfig";

/**
 * Copies the files of `src/site/assets/` (the icon) to `/assets/`; the stylesheet and fonts are
 * made by the build (`styles.ts`, `fonts.ts`). The site loads nothing from other hosts.
 * Symbolic links never reach the copy: `checkSourceFiles` (`src/lib/source-files.ts`) stops the
 * build at one before Eleventy starts, and the copy itself keeps a link a link (Eleventy's
 * `expand: false`), so no file from outside the project is ever read into the site.
 */
export default function assetsPlugin(eleventyConfig: UserConfig) {
  const { input } = eleventyConfig.directories as { input: string };
  eleventyConfig.addPassthroughCopy({ [`${input}assets`]: "assets" });
}

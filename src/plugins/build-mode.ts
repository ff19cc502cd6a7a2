import type UserConfig from "@11ty/eleventy/UserConfig";

/** The configurations of the builds made for publication (`npm run build -- --production`). */
const productionBuilds = new WeakSet<UserConfig>();

/**
 * Marks the configuration of a build made for publication. The build calls this from Eleventy's
 * programmatic `config` callback, which runs on the same configuration object before
 * `.eleventy.ts`; `npm start` and plain builds never do, so they stay development builds.
 */
export function markProductionBuild(eleventyConfig: UserConfig): void {
  productionBuilds.add(eleventyConfig);
}

/** Whether this configuration builds the site for publication (see `markProductionBuild`). */
export function isProductionBuild(eleventyConfig: UserConfig): boolean {
  return productionBuilds.has(eleventyConfig);
}

import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { ContentError } from "../lib/errors.ts";

/** The parts of Nunjucks' file-system loader this plugin changes. */
interface NunjucksLoader {
  searchPaths: string[];
  getSource(name: string): unknown;
}

/** What Eleventy hands to `eleventy.engine.njk` listeners. */
interface NunjucksEngineEvent {
  environment: { loaders: NunjucksLoader[] };
}

/**
 * The site's Nunjucks templates (layouts, components, sitemap, robots, `_headers`):
 * - undefined values and failing filters stop the build, and `dev` keeps the original error
 *   behind a failed filter or shortcode, so the build names the locale key or fact at fault;
 * - `{% include %}`, `{% extends %}` and `{% import %}` read only from `src/site/_includes/`:
 *   Eleventy's loader also searches the project folder, from which a template could publish
 *   `package.json` or `.git/config`.
 */
export default function nunjucksPlugin(eleventyConfig: UserConfig) {
  eleventyConfig.setNunjucksEnvironmentOptions({
    autoescape: true,
    throwOnUndefined: true,
    dev: true,
  });
  const { includes } = eleventyConfig.directories as { includes: string };
  const includesDir = path.resolve(includes);
  eleventyConfig.on("eleventy.engine.njk", ({ environment }: NunjucksEngineEvent) => {
    for (const loader of environment.loaders) confine(loader, includesDir);
  });
}

/** Makes a loader search only `folder`, and refuse a name that leads out of it. */
function confine(loader: NunjucksLoader, folder: string): void {
  loader.searchPaths = [folder];
  const getSource = loader.getSource.bind(loader);
  loader.getSource = (name: string) => {
    const absolute = path.resolve(folder, name);
    const relative = path.relative(folder, absolute);
    if (relative.startsWith("..") || path.isAbsolute(relative)) {
      const asked = path.relative(process.cwd(), absolute);
      throw new ContentError(
        `a template includes ${asked}, which is not in ${path.relative(process.cwd(), folder)}/: templates may include only templates from there`,
        { file: asked },
      );
    }
    return getSource(name);
  };
}

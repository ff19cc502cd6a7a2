import { readFileSync } from "node:fs";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { absoluteUrl } from "../lib/base-url.ts";
import type { Site } from "../lib/data/schemas.ts";
import { ContentError } from "../lib/errors.ts";
import { languages } from "../lib/languages.ts";
import {
  frontMatterLine,
  indexTranslations,
  type PageEntry,
  type Translations,
} from "../lib/pages.ts";
import { projectFiles } from "../lib/project.ts";

interface CollectionItem {
  inputPath: string;
  url: string | false;
  outputPath: string | false;
  data: Record<string, unknown>;
  rawInput: unknown;
}

/**
 * Refuses a page whose output file would land outside the output folder. Front matter already
 * keeps each permalink under its language folder; this holds for whatever sets the path.
 */
function checkOutputPath(item: CollectionItem, outputDir: string): void {
  if (item.outputPath === false) return;
  const relative = path.relative(outputDir, path.resolve(item.outputPath));
  if (relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative)) return;
  throw new ContentError("would be written outside the site's output folder", {
    file: item.inputPath.replace(/^\.\//, ""),
    key: "permalink",
  });
}

/** Adds the line of the front-matter field an error is about, so editors land on it. */
function locateFrontMatterError(error: unknown, projectRoot: string): unknown {
  if (
    !(error instanceof ContentError) ||
    error.location.key === undefined ||
    error.location.line !== undefined
  ) {
    return error;
  }
  let source: string;
  try {
    source = readFileSync(path.join(projectRoot, error.location.file), "utf8");
  } catch {
    return error;
  }
  const line = frontMatterLine(source, error.location.key);
  return line === undefined ? error : new ContentError(error.message, { ...error.location, line });
}

function checkNavigation(translations: Translations, navigation: Site["navigation"]): void {
  for (const [menu, keys] of Object.entries(navigation)) {
    keys.forEach((key, index) => {
      const pair = translations[key];
      const missing = languages.filter((language) => pair?.[language] === undefined);
      if (missing.length > 0) {
        throw new ContentError(
          `the menu lists "${key}", but no page in ${missing.join(" and ")} has "translationKey: ${key}"`,
          { file: projectFiles.dataModule("site"), key: `navigation.${menu}.${index}` },
        );
      }
    });
  }
}

/**
 * Pages and their translations:
 * - `collections.translations[key][lang]` gives `{ url, title, navTitle, inputPath, sitemap }` of
 *   the page with that translation key in that language (for switchers, alternates, menus, sitemap);
 * - `{{ "/de/" | absoluteUrl }}` makes a path absolute on the site's base URL.
 * Front matter is validated and every page must have its twin; the menus in `data/site.ts` must
 * name existing pages; no page may be written outside the output folder.
 */
export default function pagesPlugin(
  eleventyConfig: UserConfig,
  options: { projectRoot: string; baseUrl: string; navigation: Site["navigation"] },
) {
  const { output } = eleventyConfig.directories as { output: string };
  const outputDir = path.resolve(output);
  eleventyConfig.addCollection("translations", (collectionApi: { getAll(): CollectionItem[] }) => {
    const items = collectionApi.getAll();
    for (const item of items) checkOutputPath(item, outputDir);
    const entries: PageEntry[] = items.flatMap((item) =>
      item.url === false
        ? []
        : [
            {
              inputPath: item.inputPath,
              url: item.url,
              data: item.data,
              body: typeof item.rawInput === "string" ? item.rawInput : "",
            },
          ],
    );
    try {
      const translations = indexTranslations(entries);
      checkNavigation(translations, options.navigation);
      return translations;
    } catch (error) {
      throw locateFrontMatterError(error, options.projectRoot);
    }
  });
  eleventyConfig.addFilter("absoluteUrl", (pathname: string) =>
    absoluteUrl(pathname, options.baseUrl),
  );
}

import { ContentError } from "../lib/errors.ts";
import { isLanguage, languages, type Language } from "../lib/languages.ts";
import { projectFolders } from "../lib/project.ts";

/** What Eleventy binds `this` to inside filters and shortcodes. */
export interface TemplateContext {
  ctx?: { lang?: unknown };
  page?: { inputPath?: string; url?: string | false };
}

/** The page's source file, for messages. */
export function pageFile(context: TemplateContext): string {
  return (context.page?.inputPath ?? "an unknown page").replace(/^\.\//, "");
}

/**
 * The language of the page being rendered, from its folder's data (`lang`). Filters read it
 * here and hand it to pure helpers as a parameter.
 */
export function pageLanguage(context: TemplateContext): Language {
  const language = context.ctx?.lang;
  if (!isLanguage(language)) {
    throw new ContentError(
      `the page has no language: put it under ${languages.map((language) => `${projectFolders.pages(language)}/`).join(" or ")}, or set "lang"`,
      {
        file: pageFile(context),
        key: "lang",
      },
    );
  }
  return language;
}

/** Adds the page being rendered to a content error that names only a locale or data file. */
export function withPage<T>(context: TemplateContext, render: () => T): T {
  try {
    return render();
  } catch (error) {
    if (error instanceof ContentError && !error.message.includes(" (on ")) {
      error.message = `${error.message} (on ${pageFile(context)})`;
    }
    throw error;
  }
}

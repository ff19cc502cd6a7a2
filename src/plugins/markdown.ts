import type UserConfig from "@11ty/eleventy/UserConfig";
import slugify from "@sindresorhus/slugify";
import markdownIt, { type PluginWithOptions } from "markdown-it";
import markdownItAnchor from "markdown-it-anchor";
import markdownItAttrs from "markdown-it-attrs";
import markdownItBracketedSpans from "markdown-it-bracketed-spans";

// markdown-it-attrs types itself against the CommonJS build of markdown-it's types; the
// plugin works with either build.
const attrs = markdownItAttrs as unknown as PluginWithOptions<{ allowedAttributes: string[] }>;

/**
 * The one Markdown configuration of the site:
 * - raw HTML is off, so nothing an editor types can run in a reader's browser;
 * - `[HealthCapital]{lang=en}` marks a phrase in another language (WCAG 3.1.2); `lang` is the only
 *   attribute editors can set this way;
 * - headings get stable ids from their text (umlauts transliterated: "Über uns" → `ueber-uns`),
 *   without the `tabindex` markdown-it-anchor would add.
 */
export function createMarkdown(): markdownIt {
  return markdownIt({ html: false, linkify: false, typographer: false })
    .use(markdownItBracketedSpans)
    .use(attrs, { allowedAttributes: ["lang"] })
    .use(markdownItAnchor, { slugify: (text: string) => slugify(text), tabIndex: false });
}

/** Registers the site's Markdown configuration with Eleventy. */
export default function markdownPlugin(eleventyConfig: UserConfig) {
  eleventyConfig.setLibrary("md", createMarkdown());
}

import type UserConfig from "@11ty/eleventy/UserConfig";
import type { Facts } from "../lib/data/schemas.ts";
import { ContentError } from "../lib/errors.ts";
import { layoutBarChart } from "../lib/bar-chart.ts";
import { factMagnitude, formatDate, formatFact } from "../lib/format.ts";
import { escapeHtml } from "../lib/html.ts";
import type { Translator } from "../lib/i18n.ts";
import { pageFile, pageLanguage, withPage, type TemplateContext } from "./context.ts";

// `{% fact "id" %}` with the id as a plain string; `{%- … -%}` trims whitespace, which only
// Nunjucks does, so such shortcodes are left to it.
const literalFact = /\{%\s*fact\s+"([^"\\{}%]+)"\s*%\}/g;
const rawBlock = /\{%-?\s*(?:raw|verbatim)\b/;

/**
 * Figures and dates in the page's language:
 * - `{% fact "nrw.employees" %}` writes a figure from `data/facts.ts` ("mehr als 1,1 Millionen");
 *   in Markdown pages it is written in before rendering, so a page without other template code
 *   is rendered without Nunjucks;
 * - `{{ "2026-11-22" | date }}` writes a date ("22. November 2026");
 * - `{{ [{ fact: "a.x", label: "A" }, …] | barChart }}` lays out a bar chart of facts (see `layoutBarChart`).
 * An unknown fact id stops the build with the page and id named.
 */
export default function factsPlugin(
  eleventyConfig: UserConfig,
  options: { facts: Facts; translator: Translator },
) {
  const lookUp = (context: TemplateContext, id: string) => {
    const fact = options.facts[id];
    if (fact === undefined) {
      throw new ContentError(
        `uses the fact "${id}", which data/facts.ts does not define (known: ${Object.keys(options.facts).join(", ")})`,
        { file: pageFile(context), key: id },
      );
    }
    return fact;
  };
  // Facts do not change during a build, and formatting one builds Intl formatters: each fact
  // is formatted once per language.
  const formattedFacts = new Map<string, string>();
  const formatted = (context: TemplateContext, id: string) => {
    const fact = lookUp(context, id);
    const language = pageLanguage(context);
    const cacheKey = `${language}:${id}`;
    let text = formattedFacts.get(cacheKey);
    if (text === undefined) {
      text = withPage(context, () =>
        formatFact(fact, language, (key, values) => options.translator.t(language, key, values)),
      );
      formattedFacts.set(cacheKey, text);
    }
    return text;
  };
  // Shortcode output is inserted as markup, so the formatted text is escaped.
  const factMarkup = (context: TemplateContext, id: string) => escapeHtml(formatted(context, id));
  eleventyConfig.addShortcode("fact", function (this: TemplateContext, id: string) {
    return factMarkup(this, id);
  });
  // Facts named by a plain string are written into a Markdown page before it is rendered, with
  // the same text the shortcode gives: a page with no other template code then needs no
  // template engine (see the markdown plugin). Raw blocks are left to Nunjucks.
  eleventyConfig.addPreprocessor(
    "facts",
    "md",
    (data: { lang?: unknown; page?: TemplateContext["page"] }, content: string) =>
      rawBlock.test(content)
        ? content
        : content.replace(literalFact, (_shortcode, id: string) =>
            factMarkup({ ctx: data, page: data.page }, id),
          ),
  );
  eleventyConfig.addFilter(
    "barChart",
    function (this: TemplateContext, bars: { fact: string; label: string }[]) {
      return layoutBarChart(
        bars.map(({ fact, label }) => ({
          label,
          value: factMagnitude(lookUp(this, fact)) ?? 0,
          valueText: formatted(this, fact),
        })),
      );
    },
  );
  eleventyConfig.addFilter("date", function (this: TemplateContext, isoDate: string) {
    return formatDate(isoDate, pageLanguage(this));
  });
}

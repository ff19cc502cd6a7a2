import type UserConfig from "@11ty/eleventy/UserConfig";
import type { Facts } from "../lib/data/schemas.ts";
import { ContentError } from "../lib/errors.ts";
import { layoutBarChart } from "../lib/bar-chart.ts";
import { factMagnitude, formatDate, formatFact } from "../lib/format.ts";
import { escapeHtml } from "../lib/html.ts";
import type { Translator } from "../lib/i18n.ts";
import { pageFile, pageLanguage, withPage, type TemplateContext } from "./context.ts";

/**
 * Figures and dates in the page's language:
 * - `{% fact "nrw.employees" %}` writes a figure from `data/facts.ts` ("mehr als 1,1 Millionen");
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
  eleventyConfig.addShortcode("fact", function (this: TemplateContext, id: string) {
    // Shortcode output is inserted as markup, so the formatted text is escaped here.
    return escapeHtml(formatted(this, id));
  });
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

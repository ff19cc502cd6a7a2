import type UserConfig from "@11ty/eleventy/UserConfig";
import type { Fact, Facts } from "../lib/data/schemas.ts";
import { ContentError } from "../lib/errors.ts";
import { layoutBarChart } from "../lib/bar-chart.ts";
import {
  factMagnitude,
  formatDate,
  formatFact,
  formatNumber,
  keepTogether,
  type FactRegister,
} from "../lib/format.ts";
import { escapeHtml } from "../lib/html.ts";
import type { Translator } from "../lib/i18n.ts";
import { pageFile, pageLanguage, withPage, type TemplateContext } from "./context.ts";
import { projectFiles } from "../lib/project.ts";

/** Writes facts into pages: their text in the page's language, and their data. */
export interface FactWriter {
  /** The fact's data; an id `data/facts.ts` does not define stops the build. */
  lookUp: (context: TemplateContext, id: string) => Fact;
  /** The fact formatted for the page's language, as plain text that never breaks across lines. */
  text: (context: TemplateContext, id: string) => string;
  /** The same text escaped for insertion as markup. */
  markup: (context: TemplateContext, id: string) => string;
}

/** How the page writes figures: a page in Leichte Sprache or easy read (`easyLanguage: true`) in easy words. */
function pageRegister(context: TemplateContext): FactRegister {
  return (context.ctx as { easyLanguage?: unknown } | undefined)?.easyLanguage === true
    ? "easy"
    : "standard";
}

/**
 * Looks facts up by id as the facts module's own entries only, so `constructor`, `__proto__`
 * or `toString` are unknown facts like any misspelt id, and formats each once per language and
 * register (`{% fact %}` writes "ca. 58 Mrd. €" on most pages, "ungefähr 58 Milliarden Euro"
 * on the Leichte Sprache page).
 */
export function createFactWriter(facts: Facts, translator: Translator): FactWriter {
  const lookUp = (context: TemplateContext, id: string) => {
    const fact = Object.hasOwn(facts, id) ? facts[id] : undefined;
    if (fact === undefined) {
      throw new ContentError(
        `uses the fact "${id}", which ${projectFiles.dataModule("facts")} does not define (known: ${Object.keys(facts).join(", ")})`,
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
    const register = pageRegister(context);
    const cacheKey = `${language}:${register}:${id}`;
    let text = formattedFacts.get(cacheKey);
    if (text === undefined) {
      text = withPage(context, () =>
        keepTogether(
          formatFact(
            fact,
            language,
            (key, values) => translator.t(language, key, values),
            register,
          ),
        ),
      );
      formattedFacts.set(cacheKey, text);
    }
    return text;
  };
  // Shortcode output is inserted as markup, so the formatted text is escaped.
  return {
    lookUp,
    text: formatted,
    markup: (context, id) => escapeHtml(formatted(context, id)),
  };
}

/**
 * Figures and dates in templates, in the page's language:
 * - `{% fact "nrw.employees" %}` writes a figure from `data/facts.ts` ("mehr als 1,1 Millionen");
 *   Markdown pages get the same text from the Markdown plugin, without a template engine;
 * - `{{ "2026-11-22" | date }}` writes a date ("22. November 2026");
 * - `{{ [{ fact: "a.x", label: "A" }, …] | barChart }}` lays out a bar chart of facts (see
 *   `layoutBarChart`), with its axis's end and step as numbers in the page's language.
 * An unknown fact id stops the build with the page and id named.
 */
export default function factsPlugin(eleventyConfig: UserConfig, options: { facts: FactWriter }) {
  const { facts } = options;
  eleventyConfig.addShortcode("fact", function (this: TemplateContext, id: string) {
    return facts.markup(this, id);
  });
  eleventyConfig.addFilter(
    "barChart",
    function (this: TemplateContext, bars: { fact: string; label: string }[]) {
      const chart = layoutBarChart(
        bars.map(({ fact, label }) => ({
          label,
          value: factMagnitude(facts.lookUp(this, fact)) ?? 0,
          valueText: facts.text(this, fact),
        })),
      );
      const language = pageLanguage(this);
      return {
        ...chart,
        axisMaxText: formatNumber(chart.axisMax, language),
        stepText: formatNumber(chart.step, language),
      };
    },
  );
  eleventyConfig.addFilter("date", function (this: TemplateContext, isoDate: string) {
    return formatDate(isoDate, pageLanguage(this));
  });
}

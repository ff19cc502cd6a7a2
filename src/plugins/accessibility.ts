import type UserConfig from "@11ty/eleventy/UserConfig";
import { accessibilityStatement } from "../components/accessibility-statement.ts";
import { arbitrationBodyDetails, publisherContact } from "../components/publisher-contact.ts";
import { siteMap } from "../components/site-map.ts";
import type { Publisher, Site } from "../lib/data/schemas.ts";
import type { WcagCoverage } from "../lib/data/wcag-coverage.ts";
import { html, trustedHtml } from "../lib/html.ts";
import type { Translator } from "../lib/i18n.ts";
import type { Translations } from "../lib/pages.ts";
import { statementReviewWarning } from "../lib/statement-review.ts";
import { pageLanguage, withPage, type TemplateContext } from "./context.ts";

/** What these layouts read of the data Eleventy gives a template. */
interface LayoutData {
  lang?: unknown;
  content: string;
  page: { url: string; inputPath: string };
  collections: { translations: Translations };
}

/** The layouts this plugin adds, which exist only in the build (no file in `_includes/`). */
export const accessibilityLayouts = [
  "accessibility-statement",
  "site-map",
  "easy-language",
] as const;

/**
 * Pages BITV 2.0 asks for, drawn from data rather than typed into Markdown:
 * - `layout: layouts/accessibility-statement.11ty.js`: the accessibility statement from
 *   `site.accessibility` and `data/publisher.ts`, around the page's own text on testing;
 * - `layout: layouts/site-map.11ty.js`: every page of the language (WCAG 2.4.5);
 * - `layout: layouts/easy-language.11ty.js`: a page in Leichte Sprache or easy read, ending with
 *   how to reach the publisher and the arbitration body the statement names, written out with
 *   simple labels (BITV 2.0 asks for the contact on the page itself);
 * and a warning on the console when the statement's last review is over 12 months old.
 */
export default function accessibilityPlugin(
  eleventyConfig: UserConfig,
  options: {
    translator: Translator;
    accessibility: Site["accessibility"];
    publisher: Publisher;
    navigation: Site["navigation"];
    coverage: WcagCoverage;
  },
) {
  const layout = (
    name: (typeof accessibilityLayouts)[number],
    render: (data: LayoutData) => string,
  ) => {
    eleventyConfig.addTemplate(
      `_includes/layouts/${name}.11ty.js`,
      {
        render(data: LayoutData): string {
          const context: TemplateContext = { ctx: data, page: data.page };
          return withPage(context, () => render(data));
        },
      },
      { layout: "page" },
    );
  };

  layout("accessibility-statement", (data) => {
    const language = pageLanguage({ ctx: data });
    const t = (key: string, values?: Record<string, unknown>) =>
      options.translator.t(language, key, values);
    return accessibilityStatement({
      language,
      accessibility: options.accessibility,
      publisher: options.publisher,
      coverage: options.coverage,
      content: trustedHtml(data.content),
      t,
      externalLinkMarker: t("common.externalLink"),
    }).markup;
  });

  layout("site-map", (data) => {
    const language = pageLanguage({ ctx: data });
    return `${data.content}${
      siteMap({
        language,
        translations: data.collections.translations,
        navigation: options.navigation,
      }).markup
    }`;
  });

  layout("easy-language", (data) => {
    const language = pageLanguage({ ctx: data });
    const t = (key: string, values?: Record<string, unknown>) =>
      options.translator.t(language, key, values);
    const contact = { language, publisher: options.publisher, t, labels: "easy" } as const;
    return html`${trustedHtml(data.content)}
<h2 id="contact">${t("accessibility.easyContact.heading")}</h2>
<p>${t("accessibility.easyContact.intro")}</p>
${publisherContact(contact)}
<h2 id="arbitration">${t("accessibility.easyContact.arbitrationHeading")}</h2>
<p>${t("accessibility.easyContact.arbitrationIntro")}</p>
${arbitrationBodyDetails({ ...contact, externalLinkMarker: t("common.externalLink") })}`.markup;
  });

  // Only the console hears of the build's date: the pages stay the same whenever they are built.
  const warning = statementReviewWarning(options.accessibility.reviewedOn, new Date());
  if (warning !== undefined) console.warn(warning);
}

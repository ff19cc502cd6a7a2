import type UserConfig from "@11ty/eleventy/UserConfig";
import type { PublisherDetail } from "../lib/data/schemas.ts";
import type { Translator } from "../lib/i18n.ts";
import { publisherText } from "../lib/publisher.ts";
import { pageLanguage, withPage, type TemplateContext } from "./context.ts";

/** `{{ publisher.email | publisherText }}`: a detail of `data/publisher.ts`, placeholders marked as such. */
export default function publisherPlugin(
  eleventyConfig: UserConfig,
  options: { translator: Translator },
) {
  eleventyConfig.addFilter(
    "publisherText",
    function (this: TemplateContext, entry: PublisherDetail) {
      const language = pageLanguage(this);
      return withPage(this, () =>
        publisherText(entry, language, (key, values) =>
          options.translator.t(language, key, values),
        ),
      );
    },
  );
}

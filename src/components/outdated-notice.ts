import { html, type Html } from "../lib/html.ts";
import type { Translate } from "../lib/i18n.ts";
import { directionOf, sourceLanguage, type Language } from "../lib/languages.ts";
import { untranslatedMark } from "../lib/translation-version.ts";

/** `dir` for source-language text on a page whose text runs the other way, or nothing. */
export function sourceDirection(language: Language): Html {
  const direction = directionOf(sourceLanguage);
  return direction === directionOf(language) ? html`` : html` dir="${direction}"`;
}
import type { PageRef } from "../lib/pages.ts";

/** Parameters of the outdated-translation notice. */
export interface OutdatedNoticeProps {
  /** The page's language. */
  language: Language;
  /** The page's `translatedFrom`: the version of the source page it was translated from. */
  translatedFrom: unknown;
  /** The source-language page of the pair. */
  source: PageRef | undefined;
  t: Translate;
}

/**
 * A translation whose source page changed since it was made tells readers so, in a KERN alert
 * above its heading, and links to the source page. It compares versions by content (the same
 * version function as the translation check), never dates, so a build stays byte-identical. A translation not yet
 * marked (no `translatedFrom`) says nothing: the check warns about it instead. A page not
 * translated yet (`translatedFrom: untranslated`, a copy of its source) says so instead.
 */
export function outdatedNotice({ language, translatedFrom, source, t }: OutdatedNoticeProps): Html {
  if (
    language === sourceLanguage ||
    source === undefined ||
    typeof translatedFrom !== "string" ||
    source.version === translatedFrom
  ) {
    return html``;
  }
  // Each text named in full, so the translation check sees both used.
  const notice =
    translatedFrom === untranslatedMark
      ? t("translation.untranslatedNotice")
      : t("translation.outdatedNotice");
  return html`<div class="kern-alert kern-alert--warning">
            <div class="kern-alert__body">
              <p class="outdated-notice">
                ${notice}
                <a href="${source.url}" hreflang="${sourceLanguage}" lang="${sourceLanguage}"${sourceDirection(language)}>${source.title}</a>
              </p>
            </div>
          </div>
          `;
}

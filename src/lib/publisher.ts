import type { PublisherDetail } from "./data/schemas.ts";
import type { Translate } from "./format.ts";
import type { Language } from "./languages.ts";

/**
 * A publisher detail as text for the page's language. Placeholders say that they are
 * placeholders, so a site published before they were replaced does not pass them off as facts.
 */
export function publisherText(entry: PublisherDetail, language: Language, t: Translate): string {
  return entry.placeholder
    ? t("publisher.placeholder", { value: entry.value[language] })
    : entry.value;
}

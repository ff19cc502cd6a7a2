import type { Publisher, PublisherDetail } from "./data/schemas.ts";
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

/**
 * Whether the site may call itself an official website (the header bar's "Offizielle Website"):
 * only once the publishing body has replaced the placeholders that say who it is and where, in
 * `data/publisher.ts`. A site with placeholders never claims to be official.
 */
export function isOfficialSite(publisher: Publisher): boolean {
  return [
    publisher.organisation,
    publisher.street,
    publisher.postcodeAndTown,
    publisher.representedBy,
  ].every((detail) => !detail.placeholder);
}

import type { LocalizedText, Publisher, PublisherDetail } from "./data/schemas.ts";
import type { Translate } from "./format.ts";
import type { Translator } from "./i18n.ts";
import { languages, type Language } from "./languages.ts";

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
 * How the pages show a placeholder, in every language: the words around its value
 * (`[Platzhalter`, `[Placeholder`), to recognise a placeholder's text wherever it was typed or
 * copied (see `placeholderTextIn` in `production.ts`).
 */
export function placeholderMarkers(translator: Translator): string[] {
  const value = "\u0000";
  const everywhere = Object.fromEntries(languages.map((language) => [language, value]));
  const marker = { placeholder: true, value: everywhere as LocalizedText } as const;
  return languages.flatMap((language) =>
    publisherText(marker, language, (key, values) => translator.t(language, key, values))
      .split(value)
      // "[Platzhalter: " → "[Platzhalter"; what holds no letter ("]") marks nothing.
      .map((part) => part.replace(/^[\s:;,.–-]+|[\s:;,.–-]+$/g, ""))
      .filter((part) => /\p{L}/u.test(part)),
  );
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

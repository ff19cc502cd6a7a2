import type { Publisher, PublisherDetail } from "../lib/data/schemas.ts";
import { html, type Html } from "../lib/html.ts";
import type { Translate } from "../lib/i18n.ts";
import type { Language } from "../lib/languages.ts";
import { publisherText } from "../lib/publisher.ts";

/** Label/value pairs as KERN's description list. */
export function definitions(
  className: string,
  rows: readonly (readonly [string, Html | string])[],
): Html {
  return html`<dl class="kern-description-list ${className}">${rows.map(
    ([term, value]) => html`
  <div class="kern-description-list-item">
    <dt class="kern-description-list-item__key">${term}</dt>
    <dd class="kern-description-list-item__value">${value}</dd>
  </div>`,
  )}
</dl>`;
}

/** Parameters of the publisher's contact details. */
export interface PublisherContactProps {
  /** The page's language. */
  language: Language;
  /** The publishing body (`data/publisher.ts`); placeholders are shown as such. */
  publisher: Publisher;
  /** UI strings in the page's language. */
  t: Translate;
  /**
   * Which labels: the statement's (`accessibility.contact`), or the simpler words of the
   * Leichte Sprache and easy-read pages (`accessibility.easyContact`).
   */
  labels: "statement" | "easy";
}

/**
 * How to reach the publishing body about a barrier (BITV 2.0 § 7, the statement's feedback
 * section, and the Leichte Sprache pages, which must give the contact itself, not a link to it):
 * its name, address, email and telephone number.
 */
export function publisherContact({ language, publisher, t, labels }: PublisherContactProps): Html {
  const detail = (entry: PublisherDetail) => publisherText(entry, language, t);
  const label = (field: "organisation" | "address" | "email" | "phone") =>
    labels === "statement"
      ? t(`accessibility.contact.${field}`)
      : t(`accessibility.easyContact.${field}`);
  return definitions("publisher-details", [
    [label("organisation"), detail(publisher.organisation)],
    [label("address"), html`${detail(publisher.street)}, ${detail(publisher.postcodeAndTown)}`],
    [label("email"), detail(publisher.email)],
    [label("phone"), detail(publisher.phone)],
  ]);
}

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
 * A web address as link text that a narrow screen may wrap between its parts, after "//" and
 * before a dot (`<wbr>`, which copies as nothing), never inside a word: the Leichte Sprache
 * pages' larger text does not fit "https://www.schlichtungsstelle-bgg.de" on one line at 320 px.
 */
function wrappableAddress(href: string): Html {
  return html`${href
    .split(/(?<=\/\/)|(?=\.)/)
    .map((part, index) => (index === 0 ? part : html`<wbr>${part}`))}`;
}

/** The arbitration body's name for a reader of the labels' kind. */
function federalArbitrationName(t: Translate, labels: PublisherContactProps["labels"]): string {
  return labels === "statement"
    ? t("accessibility.arbitration.federal.name")
    : t("accessibility.easyContact.arbitrationFederalName");
}

/**
 * The arbitration body for the publisher's level, as label/value pairs: the federal
 * Schlichtungsstelle nach § 16 BGG with its web address, or the state's own body with its name,
 * address and web address from `data/publisher.ts` (placeholders shown as such). The statement
 * and the Leichte Sprache pages show the same body, each with its own labels.
 */
export function arbitrationBodyDetails({
  language,
  publisher,
  t,
  labels,
  externalLinkMarker,
}: PublisherContactProps & { externalLinkMarker: string }): Html {
  const { arbitration } = publisher;
  const label = (field: "name" | "address" | "webAddress") => {
    if (labels === "easy") {
      return t(`accessibility.easyContact.${field === "name" ? "organisation" : field}`);
    }
    return field === "webAddress"
      ? t("accessibility.webAddress")
      : t(`accessibility.contact.${field}`);
  };
  const link = (href: string) =>
    html`<a href="${href}" rel="external noreferrer">${wrappableAddress(href)}<span class="visually-hidden"> ${externalLinkMarker}</span></a>`;
  if (arbitration.level === "federal") {
    return definitions("arbitration-body", [
      [label("name"), federalArbitrationName(t, labels)],
      [label("webAddress"), link(arbitration.federal.webAddress)],
    ]);
  }
  const { name, address, webAddress } = arbitration.state;
  const detail = (entry: PublisherDetail) => publisherText(entry, language, t);
  return definitions("arbitration-body", [
    [label("name"), detail(name)],
    [label("address"), detail(address)],
    [label("webAddress"), webAddress.placeholder ? detail(webAddress) : link(webAddress.value)],
  ]);
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

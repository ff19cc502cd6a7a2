import type { z } from "zod";
import type { publisherModule } from "../src/lib/data/schemas.ts";

/**
 * Who publishes the site. Every detail marked `placeholder: true` waits for the publishing body
 * to fill in its own: replace `value` with plain text and set `placeholder: false`. The legal
 * notice and privacy pages show placeholders as such, and `npm run build -- --production`
 * refuses to publish while any is left.
 */
export default {
  organisation: {
    placeholder: true,
    value: { de: "Name der herausgebenden Stelle", en: "Name of the publishing body" },
  },
  street: { placeholder: true, value: { de: "Straße und Hausnummer", en: "Street and number" } },
  postcodeAndTown: {
    placeholder: true,
    value: { de: "Postleitzahl und Ort", en: "Postcode and town" },
  },
  representedBy: {
    placeholder: true,
    value: {
      de: "Name der vertretungsberechtigten Person",
      en: "Name of the legal representative",
    },
  },
  email: { placeholder: true, value: { de: "E-Mail-Adresse", en: "Email address" } },
  phone: { placeholder: true, value: { de: "Telefonnummer", en: "Telephone number" } },
  responsibleForContent: {
    placeholder: true,
    value: {
      de: "Name und Anschrift der inhaltlich verantwortlichen Person",
      en: "Name and address of the person responsible for the content",
    },
  },
  dataProtectionOfficer: {
    placeholder: true,
    value: {
      de: "Kontakt der oder des Datenschutzbeauftragten",
      en: "Contact details of the data protection officer",
    },
  },
  hosting: {
    placeholder: true,
    value: {
      de: "Name und Sitz des Hosting-Anbieters",
      en: "Name and seat of the hosting provider",
    },
  },
  /**
   * Which arbitration body (Schlichtungsstelle) the accessibility statement names. A federal
   * body ("federal", the default) names the Schlichtungsstelle nach § 16 BGG at the Federal
   * Government Commissioner for Matters relating to Persons with Disabilities. A state body sets
   * `level: "state"` and fills in `state` with the body its state's disability equality law names.
   */
  arbitration: {
    level: "federal",
    federal: { webAddress: "https://www.schlichtungsstelle-bgg.de" },
    state: {
      name: {
        placeholder: true,
        value: {
          de: "Schlichtungsstelle nach dem Behindertengleichstellungsgesetz des Landes",
          en: "Arbitration body under the state’s disability equality law",
        },
      },
      address: {
        placeholder: true,
        value: { de: "Anschrift der Schlichtungsstelle", en: "Address of the arbitration body" },
      },
      webAddress: {
        placeholder: true,
        value: {
          de: "Internetadresse der Schlichtungsstelle",
          en: "Web address of the arbitration body",
        },
      },
    },
  },
  // The open data's metadata for GovData (dcat.ttl): a URI from DCAT-AP.de's contributor list,
  // a licence from http://dcat-ap.de/def/licenses/ (filled in as `{ uri, name: { de, en }, text }`,
  // `text` the address of the licence's text), an email address, and the days the data were
  // first published and last changed (`2026-11-22`).
  contributorId: {
    placeholder: true,
    value: {
      de: "Kennung der herausgebenden Stelle in der DCAT-AP.de-Liste der Datenbereitsteller",
      en: "The publishing body’s identifier in the DCAT-AP.de list of data contributors",
    },
  },
  licence: {
    placeholder: true,
    value: {
      de: "Lizenz der Daten aus dem DCAT-AP.de-Lizenzvokabular",
      en: "Licence of the data from the DCAT-AP.de licence vocabulary",
    },
  },
  dataContact: {
    placeholder: true,
    value: {
      de: "E-Mail-Adresse für Fragen zu den offenen Daten",
      en: "Email address for questions about the open data",
    },
  },
  dataIssuedOn: {
    placeholder: true,
    value: {
      de: "Datum der ersten Veröffentlichung der offenen Daten",
      en: "Date the open data were first published",
    },
  },
  dataModifiedOn: {
    placeholder: true,
    value: {
      de: "Datum der letzten Änderung der Zahlen",
      en: "Date the figures last changed",
    },
  },
  // Irregular: the figures change when a source publishes new ones, on no schedule.
  dataUpdateFrequency: "IRREG",
  // Meant to stay available for the medium term, as long as the site is published.
  dataAvailability: "AVAILABLE",
} satisfies z.input<typeof publisherModule>;

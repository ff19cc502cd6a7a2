import type { z } from "zod";
import type { publisherModule } from "../src/lib/data/schemas.ts";

/**
 * Who publishes the site. Every value here is a placeholder (`placeholder: true`) until the
 * publishing body fills in its own details: replace `value` with plain text and set
 * `placeholder: false`. The legal notice and privacy pages show placeholders as such.
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
  arbitrationBody: {
    placeholder: true,
    value: {
      de: "Zuständige Schlichtungsstelle nach dem Behindertengleichstellungsrecht des Landes oder Bundes",
      en: "The arbitration body responsible under federal or state disability equality law",
    },
  },
  // The open data's metadata for GovData (dcat.ttl): a URI from DCAT-AP.de's contributor list,
  // a licence URI from http://dcat-ap.de/def/licenses/ and an email address.
  contributorId: {
    placeholder: true,
    value: {
      de: "Kennung der herausgebenden Stelle in der DCAT-AP.de-Liste der Datenbereitsteller",
      en: "The publishing body's identifier in the DCAT-AP.de list of data contributors",
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
} satisfies z.input<typeof publisherModule>;

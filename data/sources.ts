import type { z } from "zod";
import type { sourcesModule } from "../src/lib/data/schemas.ts";

/**
 * The publications the site's facts come from. Both are German web pages. `url` and
 * `retrievedOn` (`2026-11-22`) are placeholders until someone fills in where and when the page
 * was read: replace `value` with plain text and set `placeholder: false`.
 */
export default {
  brandenburg: {
    publisher: {
      name: "Land Brandenburg",
      meaning: { de: "Land Brandenburg", en: "State of Brandenburg" },
    },
    title: "Gesundheitswirtschaft",
    language: "de",
    topic: {
      de: "die Gesundheitswirtschaft in Berlin-Brandenburg",
      en: "the health economy of Berlin-Brandenburg",
    },
    url: {
      placeholder: true,
      value: { de: "Webadresse der Veröffentlichung", en: "Web address of the publication" },
    },
    retrievedOn: {
      placeholder: true,
      value: { de: "Datum des Abrufs", en: "Date the publication was read" },
    },
  },
  lzg: {
    publisher: {
      name: "Landeszentrum Gesundheit Nordrhein-Westfalen",
      meaning: {
        de: "Landeszentrum Gesundheit Nordrhein-Westfalen",
        en: "North Rhine-Westphalia Centre for Health",
      },
    },
    title: "Gesundheitswirtschaft",
    language: "de",
    topic: {
      de: "die Gesundheitswirtschaft in Nordrhein-Westfalen",
      en: "the health economy of North Rhine-Westphalia",
    },
    url: {
      placeholder: true,
      value: { de: "Webadresse der Veröffentlichung", en: "Web address of the publication" },
    },
    retrievedOn: {
      placeholder: true,
      value: { de: "Datum des Abrufs", en: "Date the publication was read" },
    },
  },
} satisfies z.input<typeof sourcesModule>;

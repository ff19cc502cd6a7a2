import type { z } from "zod";
import type { sourcesModule } from "../src/lib/data/schemas.ts";

/** The publications the site's facts come from. Both are German web pages. */
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
  },
} satisfies z.input<typeof sourcesModule>;

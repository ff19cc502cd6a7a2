import type { Translate } from "../../src/lib/i18n.ts";
import type { Translations } from "../../src/lib/pages.ts";

/** Three pages in both languages (one of them the accessibility statement) and one in German only. */
export const translations: Translations = {
  home: {
    de: {
      url: "/de/",
      title: "Start",
      navTitle: "Startseite",
      inputPath: "src/site/de/index.md",
      sitemap: true,
      version: "0123456789ab",
    },
    en: {
      url: "/en/",
      title: "Home",
      navTitle: "Home",
      inputPath: "src/site/en/index.md",
      sitemap: true,
      version: undefined,
    },
  },
  sources: {
    de: {
      url: "/de/quellen/",
      title: "Quellen",
      navTitle: "Quellen",
      inputPath: "src/site/de/quellen.md",
      sitemap: true,
      version: "0123456789ab",
    },
    en: {
      url: "/en/sources/",
      title: "Sources",
      navTitle: "Sources",
      inputPath: "src/site/en/sources.md",
      sitemap: true,
      version: undefined,
    },
  },
  accessibility: {
    de: {
      url: "/de/barrierefreiheit/",
      title: "Erklärung zur Barrierefreiheit",
      navTitle: "Barrierefreiheit",
      inputPath: "src/site/de/barrierefreiheit.md",
      sitemap: true,
      version: "0123456789ab",
    },
    en: {
      url: "/en/accessibility/",
      title: "Accessibility statement",
      navTitle: "Accessibility",
      inputPath: "src/site/en/accessibility.md",
      sitemap: true,
      version: undefined,
    },
  },
  "only-german": {
    de: {
      url: "/de/nur/",
      title: "Nur",
      navTitle: "Nur",
      inputPath: "src/site/de/nur.md",
      sitemap: false,
      version: "0123456789ab",
    },
  },
};

/** Answers every key with the key itself and its values, so tests see which string went where. */
export const echo: Translate = (key, values) =>
  values === undefined ? `[${key}]` : `[${key} ${JSON.stringify(values)}]`;

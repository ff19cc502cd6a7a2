import type { z } from "zod";
import type { glossaryModule } from "../src/lib/data/schemas.ts";

/**
 * One term per thing, in German and English. Every page listed under `pages` uses `term` (the
 * Leichte Sprache and easy-read pages `easy.term` where one is given), and no page or string uses
 * a word under `avoid` (a test reads every built page and string for both). A term with `lang` is
 * a German name kept on English pages: write it as `[Landeszentrum Gesundheit]{lang=de}`.
 */
export default {
  healthEconomy: {
    pages: [
      "home",
      "berlin-brandenburg",
      "nrw",
      "key-figures",
      "sources",
      "open-data",
      "easy-read",
    ],
    terms: {
      de: { term: "Gesundheitswirtschaft", avoid: ["Gesundheitsbranche", "Gesundheitsindustrie"] },
      en: {
        term: "health economy",
        avoid: ["health industry", "healthcare industry", "health sector", "healthcare sector"],
      },
    },
  },
  cluster: {
    pages: ["home", "berlin-brandenburg", "nrw", "key-figures", "easy-read"],
    terms: {
      // Both sources' word; "das Cluster" as the Berlin-Brandenburg source writes it.
      de: { term: "das Cluster", avoid: ["der Cluster", "den Cluster"] },
      en: { term: "cluster", avoid: ["network of companies"] },
    },
  },
  clusterManagement: {
    pages: ["berlin-brandenburg", "nrw", "sources"],
    terms: {
      de: { term: "Clustermanagement", avoid: ["Cluster-Management", "Clusterleitung"] },
      en: { term: "cluster management", avoid: ["management office", "cluster office"] },
    },
  },
  landeszentrumGesundheit: {
    pages: ["home", "nrw", "key-figures", "sources", "open-data", "easy-read"],
    terms: {
      de: { term: "Landeszentrum Gesundheit", avoid: ["Landesgesundheitszentrum", "LZG"] },
      // Its English name, "North Rhine-Westphalia Centre for Health", stands in brackets beside
      // the German one where a page first names it; running text then uses the German name.
      en: {
        term: "Landeszentrum Gesundheit",
        lang: "de",
        avoid: [
          "the Centre for Health",
          "(Centre for Health)",
          "State Centre for Health",
          "NRW Centre for Health",
          "Health Centre",
        ],
      },
    },
  },
  economicDevelopmentAgencies: {
    pages: ["berlin-brandenburg"],
    terms: {
      de: {
        term: "Wirtschaftsförderungsgesellschaften",
        avoid: ["Wirtschaftsfördergesellschaften"],
      },
      en: {
        term: "economic development agencies",
        avoid: ["business development agencies", "economic development companies"],
      },
    },
  },
  healthEconomyRegions: {
    pages: ["home", "nrw", "sources"],
    terms: {
      // The NRW source also says "Gesundheitsregionen" once; the site keeps to the longer word.
      de: { term: "Gesundheitswirtschaftsregionen", avoid: ["Gesundheitsregionen"] },
      en: { term: "health economy regions", avoid: ["health regions"] },
    },
  },
  priorityThemes: {
    pages: ["home", "nrw", "sources"],
    terms: {
      de: { term: "Schwerpunktthemen", avoid: ["Leitthemen", "Kernthemen"] },
      en: { term: "priority themes", avoid: ["key themes", "lead themes", "core themes"] },
    },
  },
  umbrellaBrand: {
    pages: ["nrw", "sources"],
    terms: {
      de: { term: "Dachmarke", avoid: ["gemeinsame Marke"] },
      en: { term: "umbrella brand", avoid: ["shared brand", "common brand"] },
    },
  },
  masterPlan: {
    pages: ["home", "berlin-brandenburg", "sources"],
    terms: {
      de: { term: "Masterplan", avoid: ["Master-Plan"] },
      en: { term: "master plan", avoid: ["masterplan", "master-plan"] },
    },
  },
  fieldsOfAction: {
    pages: ["home", "berlin-brandenburg", "sources"],
    terms: {
      de: { term: "Handlungsfelder", avoid: ["Aktionsfelder", "Handlungsbereiche"] },
      en: { term: "fields of action", avoid: ["areas of action", "action fields", "action areas"] },
    },
  },
  healthCampus: {
    pages: ["home", "nrw", "sources"],
    terms: {
      de: { term: "Gesundheitscampus", avoid: ["Gesundheits-Campus"] },
      en: { term: "health campus", avoid: ["healthcare campus", "health economy campus"] },
    },
  },
  employees: {
    pages: ["home", "berlin-brandenburg", "nrw", "key-figures", "open-data", "easy-read"],
    terms: {
      // "Beschäftigte" names everyone alike (see TRANSLATING.md on gender-fair language).
      de: { term: "Beschäftigte", avoid: ["Arbeitnehmer", "Mitarbeiter", "Erwerbstätige"] },
      en: { term: "employees", avoid: ["people employed", "people in employment", "workforce"] },
    },
  },
  stateAsPublisher: {
    pages: ["home", "berlin-brandenburg", "key-figures", "sources", "open-data", "easy-read"],
    terms: {
      // A Land publishes as a state, not as an authority's office.
      de: { term: "Land Brandenburg", avoid: ["Amt", "Ämter", "Ämtern"] },
      en: { term: "State of Brandenburg", avoid: ["office", "offices"] },
    },
  },
  website: {
    pages: ["home", "easy-read"],
    terms: {
      de: { term: "Website", avoid: ["Webseite", "Internetseite", "Homepage"] },
      en: { term: "website", avoid: ["web site", "homepage"] },
    },
  },
  companies: {
    // Leichte Sprache says "Firmen", the everyday word; the sources' "Unternehmen" elsewhere.
    pages: ["home", "berlin-brandenburg", "key-figures", "easy-read"],
    terms: {
      de: {
        term: "Unternehmen",
        avoid: ["Betriebe"],
        easy: { term: "Firmen", avoid: ["Unternehmen"] },
      },
      en: {
        term: "companies",
        avoid: ["enterprises"],
        easy: { term: "firms", avoid: ["companies"] },
      },
    },
  },
  region: {
    // Leichte Sprache keeps to one plain word for the two areas the site covers.
    pages: ["home", "key-figures", "easy-read"],
    terms: {
      de: {
        term: "Region",
        avoid: ["Gegend", "Gegenden"],
        easy: {
          term: "Gebiet",
          avoid: ["Region", "Regionen", "Bundesland", "Bundesländer", "Bundesländern"],
        },
      },
      en: {
        term: "region",
        avoid: [],
        easy: { term: "parts of Germany", avoid: ["region", "regions", "German states"] },
      },
    },
  },
} satisfies z.input<typeof glossaryModule>;

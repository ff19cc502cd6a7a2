import type { z } from "zod";
import type { glossaryModule } from "../src/lib/data/schemas.ts";

/**
 * One term per thing, in German and English. Pages and strings use `term` and none of the
 * words under `avoid` (a test reads every built page and string for them). A term with
 * `lang` is a German name kept on English pages: write it as `[Landeszentrum Gesundheit]{lang=de}`.
 */
export default {
  healthEconomy: {
    de: { term: "Gesundheitswirtschaft", avoid: ["Gesundheitsbranche", "Gesundheitsindustrie"] },
    en: {
      term: "health economy",
      avoid: ["health industry", "healthcare industry", "health sector", "healthcare sector"],
    },
  },
  cluster: {
    // Both sources' word; "das Cluster" as the Berlin-Brandenburg source writes it.
    de: { term: "das Cluster", avoid: ["der Cluster", "den Cluster"] },
    en: { term: "cluster", avoid: ["network of companies"] },
  },
  clusterManagement: {
    de: { term: "Clustermanagement", avoid: ["Cluster-Management", "Clusterleitung"] },
    en: { term: "cluster management", avoid: ["management office", "cluster office"] },
  },
  landeszentrumGesundheit: {
    de: { term: "Landeszentrum Gesundheit", avoid: ["Landesgesundheitszentrum", "LZG"] },
    // Its English name, "North Rhine-Westphalia Centre for Health", stands once beside the
    // German one on the sources page (`data/sources.ts`); running text uses the German name.
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
  economicDevelopmentAgencies: {
    de: { term: "Wirtschaftsförderungsgesellschaften", avoid: ["Wirtschaftsfördergesellschaften"] },
    en: {
      term: "economic development agencies",
      avoid: ["business development agencies", "economic development companies"],
    },
  },
  healthEconomyRegions: {
    // The NRW source also says "Gesundheitsregionen" once; the site keeps to the longer word.
    de: { term: "Gesundheitswirtschaftsregionen", avoid: ["Gesundheitsregionen"] },
    en: { term: "health economy regions", avoid: ["health regions"] },
  },
  priorityThemes: {
    de: { term: "Schwerpunktthemen", avoid: ["Leitthemen", "Kernthemen"] },
    en: { term: "priority themes", avoid: ["key themes", "lead themes", "core themes"] },
  },
  umbrellaBrand: {
    de: { term: "Dachmarke", avoid: ["gemeinsame Marke"] },
    en: { term: "umbrella brand", avoid: ["shared brand", "common brand"] },
  },
  masterPlan: {
    de: { term: "Masterplan", avoid: ["Master-Plan"] },
    en: { term: "master plan", avoid: ["masterplan", "master-plan"] },
  },
  fieldsOfAction: {
    de: { term: "Handlungsfelder", avoid: ["Aktionsfelder", "Handlungsbereiche"] },
    en: { term: "fields of action", avoid: ["areas of action", "action fields", "action areas"] },
  },
  healthCampus: {
    de: { term: "Gesundheitscampus", avoid: ["Gesundheits-Campus"] },
    en: { term: "health campus", avoid: ["healthcare campus", "health economy campus"] },
  },
  employees: {
    // "Beschäftigte" names everyone alike (see TRANSLATING.md on gender-fair language).
    de: { term: "Beschäftigte", avoid: ["Arbeitnehmer", "Mitarbeiter", "Erwerbstätige"] },
    en: { term: "employees", avoid: ["people employed", "people in employment", "workforce"] },
  },
  stateAsPublisher: {
    // A Land publishes as a state, not as an authority's office.
    de: { term: "Land Brandenburg", avoid: ["Amt", "Ämter", "Ämtern"] },
    en: { term: "State of Brandenburg", avoid: ["office", "offices"] },
  },
} satisfies z.input<typeof glossaryModule>;

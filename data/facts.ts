import type { z } from "zod";
import type { factsModule } from "../src/lib/data/schemas.ts";

/**
 * Every figure on the site, written once. Pages insert them with `{% fact "id" %}`,
 * formatted for the page's language; the qualifier repeats the source's own hedge, and
 * `quote` gives the source's words, so both can be checked against each other.
 */
export default {
  "berlinBrandenburg.employees": {
    kind: "count",
    value: 370_000,
    qualifier: "almost",
    source: "brandenburg",
    quote: "fast 370.000 Beschäftigte",
    label: {
      de: "Beschäftigte, für die das Cluster Gesundheitswirtschaft steht",
      en: "Employees the health economy cluster stands for",
    },
  },
  "berlinBrandenburg.companies": {
    kind: "count",
    value: 21_400,
    qualifier: "over",
    source: "brandenburg",
    quote: "über 21.400 Unternehmen",
    label: {
      de: "Unternehmen, für die das Cluster steht",
      en: "Companies the cluster stands for",
    },
  },
  "berlinBrandenburg.masterplanYear": {
    kind: "year",
    value: 2020,
    source: "brandenburg",
    quote: "2020 verabschiedeten Masterplans",
    label: { de: "Jahr des Masterplans", en: "Year the master plan was adopted" },
  },
  "berlinBrandenburg.focusAreas": {
    kind: "count",
    value: 7,
    source: "brandenburg",
    quote: "sieben Schwerpunkten",
    label: { de: "Schwerpunkte der Clusterarbeit", en: "Focus areas of the cluster’s work" },
  },
  "nrw.employees": {
    kind: "count",
    value: 1_100_000,
    notation: "compact",
    qualifier: "moreThan",
    source: "lzg",
    quote: "mehr als 1,1 Millionen Menschen",
    label: {
      de: "Beschäftigte in der Gesundheitswirtschaft",
      en: "Employees in the health economy",
    },
  },
  "nrw.revenue": {
    kind: "euro",
    value: 58_000_000_000,
    qualifier: "approximately",
    source: "lzg",
    quote: "ca. 58 Milliarden Euro",
    label: {
      de: "Derzeitiger Umsatz pro Jahr in der Gesundheitswirtschaft",
      en: "Current annual revenue of the health economy",
    },
  },
  "nrw.workforceShare": {
    kind: "fraction",
    numerator: 1,
    denominator: 6,
    qualifier: "about",
    source: "lzg",
    quote:
      "Etwa jeder sechste Beschäftigte ist mittel- oder unmittelbar in der Gesundheitsversorgung im Land tätig",
    label: {
      de: "Anteil der Beschäftigten im Land, die mittel- oder unmittelbar in der Gesundheitsversorgung tätig sind",
      en: "Share of employees in the state who work directly or indirectly in healthcare",
    },
  },
  "nrw.healthRegionsShare": {
    kind: "percent",
    value: 0.8,
    qualifier: "around",
    source: "lzg",
    quote: "rund 80 % der über einer Million Beschäftigten",
    label: {
      de: "Anteil der Beschäftigten der Gesundheitswirtschaft, die in den sechs Gesundheitswirtschaftsregionen arbeiten",
      en: "Share of the health economy’s employees who work in the six health economy regions",
    },
  },
} satisfies z.input<typeof factsModule>;

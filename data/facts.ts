import type { z } from "zod";
import type { factsModule } from "../src/lib/data/schemas.ts";

/**
 * Every figure on the site, written once. Pages insert them with `{% fact "id" %}`,
 * formatted for the page's language; the qualifier keeps the source's own hedge.
 */
export default {
  "berlinBrandenburg.employees": {
    kind: "count",
    value: 370_000,
    qualifier: "almost",
    source: "brandenburg",
    label: {
      de: "Beschäftigte im Cluster Gesundheitswirtschaft",
      en: "People employed in the health economy cluster",
    },
  },
  "berlinBrandenburg.companies": {
    kind: "count",
    value: 21_400,
    qualifier: "moreThan",
    source: "brandenburg",
    label: { de: "Unternehmen im Cluster", en: "Companies in the cluster" },
  },
  "berlinBrandenburg.masterplanYear": {
    kind: "year",
    value: 2020,
    source: "brandenburg",
    label: { de: "Jahr des Masterplans", en: "Year the master plan was adopted" },
  },
  "berlinBrandenburg.focusAreas": {
    kind: "count",
    value: 7,
    source: "brandenburg",
    label: { de: "Schwerpunkte der Clusterarbeit", en: "Focus areas of the cluster's work" },
  },
  "nrw.employees": {
    kind: "count",
    value: 1_100_000,
    notation: "compact",
    qualifier: "moreThan",
    source: "lzg",
    label: {
      de: "Beschäftigte in der Gesundheitswirtschaft",
      en: "People employed in the health economy",
    },
  },
  "nrw.revenue": {
    kind: "euro",
    value: 58_000_000_000,
    qualifier: "about",
    source: "lzg",
    label: { de: "Umsatz pro Jahr", en: "Annual revenue" },
  },
  "nrw.workforceShare": {
    kind: "fraction",
    numerator: 1,
    denominator: 6,
    qualifier: "about",
    source: "lzg",
    label: {
      de: "Anteil an allen Beschäftigten des Landes",
      en: "Share of all people employed in the state",
    },
  },
  "nrw.healthRegionsShare": {
    kind: "percent",
    value: 0.8,
    qualifier: "about",
    source: "lzg",
    label: {
      de: "Anteil der Beschäftigten, die in den sechs Gesundheitswirtschaftsregionen arbeiten",
      en: "Share of the health economy's employees working in the six health economy regions",
    },
  },
} satisfies z.input<typeof factsModule>;

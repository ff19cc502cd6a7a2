import type { z } from "zod";
import type { regionsModule } from "../src/lib/data/schemas.ts";

/**
 * The programmes, structures and employers the two sources describe. German names stay
 * German on English pages (marked with `lang`); `meaning` explains them to English readers.
 */
export default {
  berlinBrandenburg: {
    source: "brandenburg",
    employers: [
      { de: "Krankenhäuser", en: "hospitals" },
      { de: "Apotheken", en: "pharmacies" },
      { de: "E-Health-Start-ups", en: "e-health start-ups" },
      { de: "Medizintechnikfirmen", en: "medical technology firms" },
      { de: "Pharmaunternehmen", en: "pharmaceutical companies" },
      { de: "Orthopädiefachhandel", en: "orthopaedic supply shops" },
      { de: "Zahntechniklabore", en: "dental laboratories" },
    ],
    masterplan: {
      title: "Berlin-Brandenburg – Zukunft der Gesundheit",
      fieldsOfAction: [
        { de: "Lebenswissenschaften und Technologien", en: "Life sciences and technologies" },
        { de: "Innovative Versorgung", en: "Innovative healthcare" },
      ],
    },
    cluster: {
      name: "Cluster Gesundheitswirtschaft Berlin-Brandenburg",
      meaning: {
        de: "Cluster Gesundheitswirtschaft Berlin-Brandenburg",
        en: "Berlin-Brandenburg health economy cluster",
      },
    },
    clusterBrand: "HealthCapital",
  },
  nrw: {
    source: "lzg",
    campus: { name: "Gesundheitscampus Nordrhein-Westfalen", town: "Bochum" },
    clusterManagement: {
      name: "Clustermanagement Gesundheitswirtschaft.NRW",
      meaning: {
        de: "Clustermanagement Gesundheitswirtschaft.NRW",
        en: "the management office of the Gesundheitswirtschaft.NRW cluster",
      },
    },
    cluster: "Cluster Gesundheitswirtschaft.NRW",
    umbrellaBrand: "Gesundheitswirtschaft.NRW",
    healthRegions: [
      {
        name: "Aachen",
        theme: {
          name: "Medizintechnik/Life Science",
          meaning: {
            de: "Medizintechnik und Lebenswissenschaften",
            en: "Medical technology and life sciences",
          },
        },
      },
      {
        name: "Köln/Bonn",
        theme: {
          name: "Gesundheit für Generationen",
          meaning: { de: "Gesundheit für alle Generationen", en: "Health for generations" },
        },
      },
      {
        name: "Münsterland",
        theme: {
          name: "Präventive Medizin",
          meaning: { de: "Vorbeugende Medizin", en: "Preventive medicine" },
        },
      },
      {
        name: "Ostwestfalen-Lippe",
        theme: {
          name: "Vernetzte Versorgung",
          meaning: { de: "Vernetzte Gesundheitsversorgung", en: "Networked care" },
        },
      },
      {
        name: "Metropole Ruhr",
        theme: {
          name: "Klinikwirtschaft",
          meaning: { de: "Wirtschaft rund um Kliniken", en: "The hospital economy" },
        },
      },
      {
        name: "Südwestfalen",
        theme: {
          name: "Werkstoffe und Techniken für die Gesundheitswirtschaft",
          meaning: {
            de: "Werkstoffe und Techniken für die Gesundheitswirtschaft",
            en: "Materials and technologies for the health economy",
          },
        },
      },
    ],
  },
} satisfies z.input<typeof regionsModule>;

import type { z } from "zod";
import type { siteModule } from "../src/lib/data/schemas.ts";

/** Settings of the site itself: its address, its navigation and its accessibility status. */
export default {
  defaultBaseUrl: "http://localhost:8080",
  accessibility: {
    // Partial: automated tests pass, but no manual audit with assistive technology has been
    // done and the start page offers no German Sign Language video yet.
    status: "partial",
    evaluatedOn: "2026-11-25",
    evaluationMethod: "automatedSelfAssessment",
    knownBarriers: ["signLanguageVideo", "assistiveTechnologyReview", "easyReadReaderTest"],
    reviewedOn: "2026-11-25",
  },
  navigation: {
    main: ["home", "berlin-brandenburg", "nrw", "key-figures", "sources", "open-data", "easy-read"],
    footer: ["accessibility", "legal-notice", "privacy", "site-map"],
  },
  keyFigures: {
    regions: ["berlinBrandenburg", "nrw"],
    measures: ["employees", "companies", "revenue", "workforceShare", "healthRegionsShare"],
    chartMeasure: "employees",
  },
} satisfies z.input<typeof siteModule>;

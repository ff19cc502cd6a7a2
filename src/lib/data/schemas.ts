import { z } from "zod";

const text = z.string().trim().min(1, "must not be empty");

/** A text given in every language of the site. */
export const localizedText = z.strictObject({ de: text, en: text });
export type LocalizedText = z.infer<typeof localizedText>;

/** Identifier of a source in `data/sources.ts`. */
const sourceId = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9]*$/, "must be a source id such as `brandenburg`");

/** The hedge a source puts on a figure ("fast", "über", "rund"); the site must keep it. */
const qualifier = z.enum(["about", "almost", "moreThan"]).optional();

const factBase = { qualifier, source: sourceId, label: localizedText };
const nonNegativeInteger = z.number().int().nonnegative();

/** One figure from a source, with how it is written and where it comes from. */
export const fact = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("count"),
    value: nonNegativeInteger,
    /** `compact` writes 1,1 Millionen instead of 1.100.000, as the source does. */
    notation: z.enum(["standard", "compact"]).default("standard"),
    ...factBase,
  }),
  z.strictObject({ kind: z.literal("euro"), value: z.number().nonnegative(), ...factBase }),
  z.strictObject({ kind: z.literal("percent"), value: z.number().min(0).max(1), ...factBase }),
  z.strictObject({
    kind: z.literal("fraction"),
    numerator: nonNegativeInteger,
    denominator: z.number().int().positive(),
    ...factBase,
  }),
  z.strictObject({
    kind: z.literal("year"),
    value: z.number().int().min(1900).max(2100),
    ...factBase,
  }),
]);
export type Fact = z.infer<typeof fact>;

/** `data/facts.ts`: every figure on the site, by id (`region.name`). */
export const factsModule = z.record(
  z.string().regex(/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/, "fact ids look like `nrw.employees`"),
  fact,
);
export type Facts = z.infer<typeof factsModule>;

/** A German proper name with what it means, so English pages can explain it. */
const namedThing = z.strictObject({
  /** The name as the source writes it; it stays German on English pages. */
  name: text,
  /** What the name means, for English readers. */
  meaning: localizedText,
});

/** `data/sources.ts`: the publications the site's facts come from. */
export const sourcesModule = z.record(
  sourceId,
  z.strictObject({
    publisher: namedThing,
    title: text,
    /** The language the source is written in (all current sources are German). */
    language: z.enum(["de", "en"]),
    topic: localizedText,
  }),
);
export type Sources = z.infer<typeof sourcesModule>;

/** A health-economy region of North Rhine-Westphalia and the theme it leads on. */
const healthRegion = z.strictObject({
  name: text,
  theme: namedThing,
});

/** `data/regions.ts`: the programmes, structures and employers each source describes. */
export const regionsModule = z.strictObject({
  berlinBrandenburg: z.strictObject({
    source: sourceId,
    employers: z.array(localizedText).min(1),
    masterplan: z.strictObject({
      title: text,
      fieldsOfAction: z.array(localizedText).min(1),
    }),
    cluster: namedThing,
    clusterBrand: text,
  }),
  nrw: z.strictObject({
    source: sourceId,
    campus: z.strictObject({ name: text, town: text }),
    clusterManagement: namedThing,
    cluster: text,
    umbrellaBrand: text,
    healthRegions: z.array(healthRegion).min(1),
  }),
});
export type Regions = z.infer<typeof regionsModule>;

/**
 * A value the publisher must fill in before the site goes live. Shipped values are
 * placeholders, described in both languages and shown as such on the pages.
 */
const toReplace = z.union([
  z.strictObject({ value: text, placeholder: z.literal(false) }),
  z.strictObject({ value: localizedText, placeholder: z.literal(true) }),
]);
/** A publisher detail: filled in, or still a placeholder. */
export type PublisherDetail = z.infer<typeof toReplace>;

/** `data/publisher.ts`: who publishes the site, for the legal notice and the privacy page. */
export const publisherModule = z.strictObject({
  organisation: toReplace,
  street: toReplace,
  postcodeAndTown: toReplace,
  representedBy: toReplace,
  email: toReplace,
  phone: toReplace,
  responsibleForContent: toReplace,
  dataProtectionOfficer: toReplace,
  hosting: toReplace,
  /**
   * The arbitration body (Schlichtungsstelle) readers may turn to when a barrier report gets no
   * satisfactory answer. Which one depends on whether the publisher is a federal or a state body.
   */
  arbitration: z.strictObject({
    level: z.enum(["federal", "state"]),
    /** The Schlichtungsstelle nach § 16 BGG, for federal bodies; its name is a locale string. */
    federal: z.strictObject({ webAddress: z.url() }),
    /** The body a state's disability equality law names, for state bodies. */
    state: z.strictObject({ name: toReplace, address: toReplace, webAddress: toReplace }),
  }),
});
export type Publisher = z.infer<typeof publisherModule>;

/** `data/site.ts`: settings of the site itself. */
export const siteModule = z.strictObject({
  /** Used when the `SITE_URL` environment variable is not set. */
  defaultBaseUrl: z.url(),
  /** What the accessibility statement says; its sentences are in `locales/<language>/accessibility.json`. */
  accessibility: z.strictObject({
    /** Compliance with EN 301 549 (WCAG 2.1 AA): fully, partially or not. */
    status: z.enum(["full", "partial", "none"]),
    /** The day of the last evaluation. */
    evaluatedOn: z.iso.date(),
    /** How it was evaluated. */
    evaluationMethod: z.enum(["automatedSelfAssessment", "selfAssessment", "externalAudit"]),
    /** What is not yet accessible, each with its reason (`accessibility.barrier.<id>`). */
    knownBarriers: z.array(
      z.enum(["signLanguageVideo", "assistiveTechnologyReview", "easyReadReaderTest"]),
    ),
    /** The day the statement was last reviewed; the build warns when it is over 12 months old. */
    reviewedOn: z.iso.date(),
  }),
  navigation: z.strictObject({
    main: z.array(text).min(1),
    footer: z.array(text).min(1),
  }),
  /** The comparison on the key-figures page: a column per region, a row per measure. */
  keyFigures: z.strictObject({
    regions: z.array(z.enum(["berlinBrandenburg", "nrw"])).min(1),
    measures: z.array(text).min(1),
    /** The measure the bar chart draws; every region must have a fact for it. */
    chartMeasure: text,
  }),
});
export type Site = z.infer<typeof siteModule>;

/** The schema each data module must satisfy, by file name. */
export const dataModuleSchemas = {
  facts: factsModule,
  sources: sourcesModule,
  regions: regionsModule,
  publisher: publisherModule,
  site: siteModule,
} as const;

/** All data modules, validated. */
export interface SiteData {
  facts: Facts;
  sources: Sources;
  regions: Regions;
  publisher: Publisher;
  site: Site;
}

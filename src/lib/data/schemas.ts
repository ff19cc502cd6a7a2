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

/**
 * A value the publisher must fill in before the site goes live. Shipped values are
 * placeholders, described in both languages and shown as such on the pages.
 */
const toReplace = toReplaceWith(text);

/** Like `toReplace`, with the filled-in value checked: a web address, an email address. */
function toReplaceWith(filledIn: z.ZodString | z.ZodURL | z.ZodEmail) {
  return z.union([
    z.strictObject({ value: filledIn, placeholder: z.literal(false) }),
    z.strictObject({ value: localizedText, placeholder: z.literal(true) }),
  ]);
}

/** `data/sources.ts`: the publications the site's facts come from. */
export const sourcesModule = z.record(
  sourceId,
  z.strictObject({
    publisher: namedThing,
    title: text,
    /** The language the source is written in (all current sources are German). */
    language: z.enum(["de", "en"]),
    topic: localizedText,
    /** The publication's web address, for the downloads and citations. */
    url: toReplace,
    /** The day the publication was read (`2026-11-22`), for the downloads and citations. */
    retrievedOn: toReplace,
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
  /** The arbitration body readers may turn to when a barrier report gets no satisfactory answer. */
  arbitrationBody: toReplace,
  /** The body's contributor URI in DCAT-AP.de (`http://dcat-ap.de/def/contributors/…`), for GovData. */
  contributorId: toReplaceWith(z.url()),
  /** The open data's licence, a URI of `http://dcat-ap.de/def/licenses/` (e.g. `…/dl-by-de/2.0`). */
  licence: toReplaceWith(z.url()),
  /** The email address readers of the open data write to with questions about it. */
  dataContact: toReplaceWith(z.email()),
});
export type Publisher = z.infer<typeof publisherModule>;

/** `data/site.ts`: settings of the site itself. */
export const siteModule = z.strictObject({
  /** Used when the `SITE_URL` environment variable is not set. */
  defaultBaseUrl: z.url(),
  accessibility: z.strictObject({
    status: z.enum(["full", "partial", "none"]),
    evaluatedOn: z.iso.date(),
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

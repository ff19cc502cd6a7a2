import { z } from "zod";
import { languagesModule, type LanguagesModule } from "./language-list.ts";
import { localizedText, perLanguage, text } from "./localized.ts";
import { wcagCoverageModule, type WcagCoverage } from "./wcag-coverage.ts";
import { languages } from "../languages.ts";

export { localizedText, textIn, type LocalizedText } from "./localized.ts";

/** Identifier of a source in `data/sources.ts`. */
const sourceId = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9]*$/, "must be a source id such as `brandenburg`");

/**
 * The hedge a source puts on a figure, one value per word the sources use, so a German page
 * repeats the source's own word: `almost` "fast", `over` "über", `moreThan` "mehr als",
 * `about` "etwa", `approximately` "ca.", `around` "rund".
 */
export const qualifiers = [
  "almost",
  "over",
  "moreThan",
  "about",
  "approximately",
  "around",
] as const;
const qualifier = z.enum(qualifiers).optional();

const factBase = {
  qualifier,
  source: sourceId,
  label: localizedText,
  /** The source's own words for the figure, hedge included, to check the site's wording against. */
  quote: text,
};
/**
 * A count or an amount: finite (zod refuses Infinity and NaN), not negative, and at most 10^15,
 * beyond which the compact formatter writes out every digit ("1e308" became a 300-digit
 * figure). `-0` is read as 0, so no page ever says "etwa -0 €".
 */
const amount = z
  .number()
  .nonnegative()
  .max(1e15, "must be at most 1e15 (a thousand trillion): check the figure")
  .transform((value) => value + 0);
const nonNegativeInteger = amount.pipe(z.number().int());

/** One figure from a source, with how it is written and where it comes from. */
export const fact = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("count"),
    value: nonNegativeInteger,
    /** `compact` writes 1,1 Millionen instead of 1.100.000, as the source does. */
    notation: z.enum(["standard", "compact"]).default("standard"),
    ...factBase,
  }),
  z.strictObject({ kind: z.literal("euro"), value: amount, ...factBase }),
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
 * The explicit marker of a value still to be filled in: `{ placeholder: true, value: { de, en } }`,
 * where `value` says in each language what belongs there. Pages show it as a placeholder, the
 * open data leave it empty, and `npm run build -- --production` refuses to publish while any is
 * left (`src/lib/production.ts` finds them by this shape, wherever they stand in `data/`).
 */
export const placeholder = z.strictObject({ placeholder: z.literal(true), value: localizedText });
export type Placeholder = z.infer<typeof placeholder>;

/** Whether a value of a data module is a placeholder marker (see `placeholder`). */
export function isPlaceholder(value: unknown): value is Placeholder {
  return placeholder.safeParse(value).success;
}

/** A value to be filled in: `{ placeholder: false, value }` once it is, a placeholder until then. */
export type ToReplace<Filled> = { placeholder: false; value: Filled } | Placeholder;

/** A value to be filled in: `{ placeholder: false, value }` once it is, a placeholder until then. */
function toReplaceWith<Filled extends z.ZodType>(filledIn: Filled) {
  // Told apart by `placeholder`, so an error names the field inside the filled-in value.
  return z.discriminatedUnion("placeholder", [
    z.strictObject({ value: filledIn, placeholder: z.literal(false) }),
    placeholder,
  ]);
}

/**
 * A value the publisher must fill in before the site goes live. Shipped values are
 * placeholders, described in both languages and shown as such on the pages.
 */
const toReplace = toReplaceWith(text);
/** A publisher detail: filled in, or still a placeholder. */
export type PublisherDetail = z.infer<typeof toReplace>;

/** A telephone number as people write it: digits, an optional leading `+`, spaces, `/`, `-`, brackets. */
const phoneNumber = z
  .string()
  .trim()
  .regex(/^\+?\d[\d ()/-]{4,}\d$/, "must be a telephone number such as +49 30 1234567");

/** An address of a page on the web (`http:` or `https:`), which pages link; never `javascript:`. */
const webAddress = z.url({
  protocol: /^https?$/,
  error: "must be a web address starting with https:// (or http://)",
});

/** An email address readers write to. */
const emailAddress = z.email({ error: "must be an email address such as kontakt@example.org" });

/** A day, as `2026-11-22`. */
const day = z.iso.date();

/** `data/sources.ts`: the publications the site's facts come from. */
export const sourcesModule = z.record(
  sourceId,
  z.strictObject({
    publisher: namedThing.extend({
      /** False while the text does not name its publisher and the attribution is to be confirmed. */
      confirmed: z.boolean(),
    }),
    /** Where the site writes a name differently from the source, and why; the sources page says so. */
    corrections: z
      .array(
        z.strictObject({
          /** The source's spellings, as it writes them. */
          inSource: z.array(text).min(1),
          /** The one spelling the site uses. */
          onSite: text,
          reason: localizedText,
        }),
      )
      .default([]),
    title: text,
    /** The language the source is written in (all current sources are German). */
    language: z.string().refine((code) => Intl.getCanonicalLocales(code).length === 1, {
      message: "must be a BCP 47 language tag",
    }),
    topic: localizedText,
    /** The publication's web address, for the downloads and citations. */
    url: toReplaceWith(webAddress),
    /** The day the publication was read (`2026-11-22`), for the downloads and citations. */
    retrievedOn: toReplaceWith(day),
  }),
);
export type Sources = z.infer<typeof sourcesModule>;

/** `data/regions.ts`: the regions the key-figures table compares, each with its source. */
export const regionsModule = z.strictObject({
  berlinBrandenburg: z.strictObject({ source: sourceId }),
  nrw: z.strictObject({ source: sourceId }),
});
export type Regions = z.infer<typeof regionsModule>;

/**
 * Codes of the EU frequency vocabulary (`dct:accrualPeriodicity`) a site like this one can keep:
 * from daily to every ten years, irregular, never again, or not planned.
 */
export const updateFrequencies = [
  "DAILY",
  "WEEKLY",
  "MONTHLY",
  "QUARTERLY",
  "BIANNUAL",
  "ANNUAL",
  "BIENNIAL",
  "TRIENNIAL",
  "DECENNIAL",
  "IRREG",
  "NEVER",
  "UNKNOWN",
] as const;

/** `data/publisher.ts`: who publishes the site, for the legal notice and the privacy page. */
export const publisherModule = z.strictObject({
  organisation: toReplace,
  street: toReplace,
  postcodeAndTown: toReplace,
  representedBy: toReplace,
  email: toReplaceWith(emailAddress),
  phone: toReplaceWith(phoneNumber),
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
    federal: z.strictObject({ webAddress }),
    /** The body a state's disability equality law names, for state bodies. */
    state: z.strictObject({
      name: toReplace,
      address: toReplace,
      webAddress: toReplaceWith(webAddress),
    }),
  }),
  /** The body's contributor URI in DCAT-AP.de (`http://dcat-ap.de/def/contributors/…`), for GovData. */
  contributorId: toReplaceWith(z.url()),
  /**
   * The open data's licence: its URI in DCAT-AP.de's licence vocabulary
   * (`http://dcat-ap.de/def/licenses/…`), its name in each language and the address of its text,
   * which the data pages link by name.
   */
  licence: toReplaceWith(
    z.strictObject({
      uri: z
        .url()
        .regex(
          /^http:\/\/dcat-ap\.de\/def\/licenses\/\S+$/,
          "must be a URI of DCAT-AP.de's licence vocabulary, such as http://dcat-ap.de/def/licenses/dl-by-de/2.0",
        ),
      name: localizedText,
      text: webAddress,
    }),
  ),
  /** The email address readers of the open data write to with questions about it. */
  dataContact: toReplaceWith(emailAddress),
  /** The day the open data were first published (`dct:issued`); never the day of a build. */
  dataIssuedOn: toReplaceWith(day),
  /** The day the figures last changed (`dct:modified`, `dateModified`); never the day of a build. */
  dataModifiedOn: toReplaceWith(day),
  /**
   * How often the data are updated, as a code of the EU frequency vocabulary
   * (`http://publications.europa.eu/resource/authority/frequency/`), e.g. `ANNUAL`, `IRREG`.
   */
  dataUpdateFrequency: z.enum(updateFrequencies),
  /**
   * How long the files are meant to stay available, as a code of the EU planned-availability
   * vocabulary: `TEMPORARY`, `EXPERIMENTAL`, `AVAILABLE` (for the medium term) or `STABLE`.
   */
  dataAvailability: z.enum(["TEMPORARY", "EXPERIMENTAL", "AVAILABLE", "STABLE"]),
});
export type Publisher = z.infer<typeof publisherModule>;
/** The open data's licence, once filled in. */
export type Licence = Extract<Publisher["licence"], { placeholder: false }>["value"];

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

/** How one thing is named in one language, and the names that must not be used for it. */
const glossaryTerm = z.strictObject({
  /** The one word or phrase for the thing, as it stands in running text. */
  term: text,
  /** Set when the term is a name in another language (a German name on English pages): pages mark it with `{lang=…}`. */
  lang: z.enum(languages).optional(),
  /** Other words for the same thing that pages and strings must not use. */
  avoid: z.array(text).default([]),
  /**
   * On the Leichte Sprache and easy-read pages, when they name the thing otherwise ("Firmen"
   * for "Unternehmen"): their term, and words they must not use besides `avoid`.
   */
  easy: z.strictObject({ term: text, avoid: z.array(text).default([]) }).optional(),
});

/**
 * `data/glossary.ts`: one term per thing, in each language, so every page names it alike. A
 * language without a term for a thing has none fixed yet.
 */
export const glossaryModule = z.record(
  z.string().regex(/^[a-z][a-zA-Z]*$/, "glossary ids look like `clusterManagement`"),
  z.strictObject({
    /** The pages (translation keys) that name the thing, in every language, with this term. */
    pages: z.array(text).min(1),
    /** The term in each language (the source language's always). */
    terms: z.strictObject(perLanguage(glossaryTerm)),
  }),
);
export type Glossary = z.infer<typeof glossaryModule>;

/** The schema each data module must satisfy, by file name. */
export const dataModuleSchemas = {
  facts: factsModule,
  sources: sourcesModule,
  regions: regionsModule,
  publisher: publisherModule,
  site: siteModule,
  glossary: glossaryModule,
  languages: languagesModule,
  "wcag-coverage": wcagCoverageModule,
} as const;

/** All data modules, validated. */
export interface SiteData {
  facts: Facts;
  sources: Sources;
  regions: Regions;
  publisher: Publisher;
  site: Site;
  glossary: Glossary;
  languages: LanguagesModule;
  "wcag-coverage": WcagCoverage;
}

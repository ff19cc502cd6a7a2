import type { Fact, Facts, Sources, ToReplace } from "../data/schemas.ts";
import { textIn } from "../data/localized.ts";
import { formatFact } from "../format.ts";
import type { Translator } from "../i18n.ts";
import { languages, type Language } from "../languages.ts";

/** A text in each of the site's languages. */
export type InEachLanguage = Record<Language, string>;

/** What a figure counts or measures, as a machine value. */
export type Unit = "count" | "EUR" | "share" | "year";

/** Where a fact comes from; `url` and `retrievedOn` are null until the publisher fills them in. */
export interface SourceRecord {
  id: string;
  publisher: string;
  /** False while the source does not name its publisher and the attribution awaits confirmation. */
  publisherConfirmed: boolean;
  /** While the publisher is unconfirmed, the caveat in each language; otherwise null. */
  publisherNote: InEachLanguage | null;
  title: string;
  language: Language;
  url: string | null;
  retrievedOn: string | null;
}

/** One fact as the downloads publish it: the machine values and the texts of both languages. */
export interface FactRecord {
  id: string;
  region: string;
  measure: string;
  value: number;
  unit: Unit;
  /** The source's hedge as a machine value (see `qualifiers` in the data schemas), or null. */
  qualifier: NonNullable<Fact["qualifier"]> | null;
  label: InEachLanguage;
  /** The figure as the pages write it, hedge included ("fast 370.000"). */
  text: InEachLanguage;
  source: SourceRecord;
}

const units: Record<Fact["kind"], Unit> = {
  count: "count",
  euro: "EUR",
  percent: "share",
  fraction: "share",
  year: "year",
};

/** A text made for each of the site's languages. */
export function inEachLanguage(text: (language: Language) => string): InEachLanguage {
  return Object.fromEntries(languages.map((language) => [language, text(language)]));
}

/** A placeholder's value is not a value yet: the downloads leave it empty. */
export function filledIn<Filled>(entry: ToReplace<Filled>): Filled | null {
  return entry.placeholder ? null : entry.value;
}

function numericValue(fact: Fact): number {
  return fact.kind === "fraction" ? fact.numerator / fact.denominator : fact.value;
}

/**
 * Every fact of `data/facts.ts` as a record for the downloads, in the order the module lists
 * them, with the same formatted text the pages show in each language.
 */
export function factRecords(facts: Facts, sources: Sources, translator: Translator): FactRecord[] {
  return Object.entries(facts).map(([id, fact]) => {
    const [region = id, measure = id] = id.split(".");
    const source = sources[fact.source];
    if (source === undefined) throw new Error(`the fact "${id}" names an unknown source`);
    return {
      id,
      region,
      measure,
      value: numericValue(fact),
      unit: units[fact.kind],
      qualifier: fact.qualifier ?? null,
      label: inEachLanguage((language) => textIn(fact.label, language)),
      text: inEachLanguage((language) =>
        formatFact(fact, language, (key, values) => translator.t(language, key, values)),
      ),
      source: {
        id: fact.source,
        publisher: source.publisher.name,
        publisherConfirmed: source.publisher.confirmed,
        publisherNote: source.publisher.confirmed
          ? null
          : inEachLanguage((language) => translator.t(language, "sources.publisherUnconfirmed")),
        title: source.title,
        language: source.language,
        url: filledIn(source.url),
        retrievedOn: filledIn(source.retrievedOn),
      },
    };
  });
}

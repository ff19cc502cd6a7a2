import type { SiteData } from "../data/schemas.ts";
import type { Translator } from "../i18n.ts";
import { sourceLanguage, type Language } from "../languages.ts";
import { factsCsv } from "./csv.ts";
import { dcatTurtle } from "./dcat.ts";
import { factsJson, factsSchema } from "./facts-json.ts";
import {
  catalogueFile,
  openDataFiles,
  type BuiltOpenDataFile,
  type OpenDataFile,
} from "./files.ts";
import { factRecords, filledIn, inEachLanguage } from "./records.ts";

/** What the open-data files are built from besides the data modules. */
export interface OpenDataOptions {
  translator: Translator;
  baseUrl: string;
  /** The data page in each language that has one (site paths). */
  landingPages: Partial<Record<Language, string>>;
}

const encoder = new TextEncoder();

/**
 * Builds every open-data file from the validated data modules, in the order of
 * `openDataFiles`. The catalogue is built last: it gives the other files' sizes.
 */
export function buildOpenData(data: SiteData, options: OpenDataOptions): BuiltOpenDataFile[] {
  const { translator, baseUrl } = options;
  const records = factRecords(data.facts, data.sources, translator);
  const title = inEachLanguage((language) => translator.t(language, "openData.dataset.title"));
  const csvIn = (language: Language) =>
    factsCsv(records, language, (key, values) => translator.t(language, key, values));
  const contents = (file: OpenDataFile): string => {
    switch (file.key) {
      case "factsJson":
        return factsJson(records, {
          baseUrl,
          title,
          licence: filledIn(data.publisher.licence)?.uri ?? null,
        });
      case "factsSchema":
        return factsSchema({ baseUrl, title });
      case "csv":
        return csvIn(file.language ?? sourceLanguage);
      case "dcat":
        return "";
    }
  };
  const built = openDataFiles.flatMap((file) =>
    file.key === "dcat" ? [] : [{ ...file, bytes: encoder.encode(contents(file)) }],
  );
  const turtle = dcatTurtle(
    built.filter((file) => file.distribution),
    {
      baseUrl,
      translator,
      publisher: data.publisher,
      regions: [...new Set(records.map((record) => record.region))],
      landingPages: options.landingPages,
    },
  );
  return [...built, { ...catalogueFile, bytes: encoder.encode(turtle) }];
}

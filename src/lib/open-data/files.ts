import type { Translate } from "../i18n.ts";
import { csvDialectOf, languageNameIn, languages, type Language } from "../languages.ts";

/** The folder of the site the open-data files are published in. */
export const openDataFolder = "/data/";

/** A file the site publishes as open data. */
export interface OpenDataFile {
  /** Its texts' key in `locales/*\/openData.json` (`files.<key>.…`) and its builder. */
  key: "factsJson" | "factsSchema" | "csv" | "dcat";
  /** Unique among the files: the key, or for a file per language the key and the language (`csv-de`). */
  id: string;
  name: string;
  /** The IANA media type, as the `type` attribute and `dcat:mediaType` give it. */
  mediaType: string;
  /** Its code in the EU file-type vocabulary (`dct:format`). */
  fileType: string;
  /** The language of its headers, for files written for readers of one language. */
  language?: Language;
  /** Whether it is a distribution of the dataset (the schema and the catalogue describe it). */
  distribution: boolean;
}

/** `facts.schema.json`, the JSON Schema of `facts.json`. */
export const schemaFile: OpenDataFile = {
  key: "factsSchema",
  id: "factsSchema",
  name: "facts.schema.json",
  mediaType: "application/schema+json",
  fileType: "JSON",
  distribution: false,
};

/** `dcat.ttl`, the catalogue that describes the other files. */
export const catalogueFile: OpenDataFile = {
  key: "dcat",
  id: "dcat",
  name: "dcat.ttl",
  mediaType: "text/turtle",
  fileType: "RDF_TURTLE",
  distribution: false,
};

/**
 * Every open-data file, in the order the data pages list them: the JSON, a CSV file per
 * language of `data/languages.ts` (its name and dialect from there), the schema, and the
 * catalogue last.
 */
export const openDataFiles: readonly OpenDataFile[] = [
  {
    key: "factsJson",
    id: "factsJson",
    name: "facts.json",
    mediaType: "application/json",
    fileType: "JSON",
    distribution: true,
  },
  ...languages.map((language): OpenDataFile => ({
    key: "csv",
    id: `csv-${language}`,
    name: csvDialectOf(language).file,
    mediaType: "text/csv",
    fileType: "CSV",
    language,
    distribution: true,
  })),
  schemaFile,
  catalogueFile,
];

/** The site path of an open-data file (`/data/facts.json`). */
export function openDataPath(file: Pick<OpenDataFile, "name">): string {
  return `${openDataFolder}${file.name}`;
}

/** An open-data file as built: its bytes, which give its size. */
export interface BuiltOpenDataFile extends OpenDataFile {
  bytes: Uint8Array;
}

/** What the data pages and the catalogue say of a file, in one language. */
export interface OpenDataFileTexts {
  title: string;
  description: string;
  format: string;
}

const delimiterNames: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab" };

/**
 * A file's title, description and format in the language of `t`. A CSV file's are made from
 * its language's name and its dialect in `data/languages.ts` ("column names in French;
 * semicolon as separator, decimal comma, UTF-8 with byte-order mark, CRLF line ends").
 */
export function openDataFileTexts(
  file: Pick<OpenDataFile, "key" | "language">,
  inLanguage: Language,
  t: Translate,
): OpenDataFileTexts {
  if (file.language === undefined) {
    return {
      title: t(`openData.files.${file.key}.title`),
      description: t(`openData.files.${file.key}.description`),
      format: t(`openData.files.${file.key}.format`),
    };
  }
  const dialect = csvDialectOf(file.language);
  const values = {
    language: languageNameIn(file.language, inLanguage),
    delimiter: t(`openData.csv.dialect.delimiter.${delimiterNames[dialect.delimiter] ?? "comma"}`),
    decimalMark: t(
      `openData.csv.dialect.decimalMark.${dialect.decimalMark === "," ? "comma" : "point"}`,
    ),
    byteOrderMark: t(
      `openData.csv.dialect.byteOrderMark.${dialect.byteOrderMark ? "with" : "without"}`,
    ),
    lineEnd: t(`openData.csv.dialect.lineEnd.${dialect.lineEnd}`),
  };
  return {
    title: t("openData.files.csv.title", values),
    description: t("openData.files.csv.description", values),
    format: t("openData.files.csv.format"),
  };
}

import type { Language } from "../languages.ts";

/** The folder of the site the open-data files are published in. */
export const openDataFolder = "/data/";

/** A file the site publishes as open data. */
export interface OpenDataFile {
  /** Its key in `locales/*\/openData.json` (`files.<key>.…`) and in the builders. */
  key: "factsJson" | "factsSchema" | "csvGerman" | "csvEnglish" | "dcat";
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
  name: "facts.schema.json",
  mediaType: "application/schema+json",
  fileType: "JSON",
  distribution: false,
};

/** `dcat.ttl`, the catalogue that describes the other files. */
export const catalogueFile: OpenDataFile = {
  key: "dcat",
  name: "dcat.ttl",
  mediaType: "text/turtle",
  fileType: "RDF_TURTLE",
  distribution: false,
};

/** Every open-data file, in the order the data pages list them; the catalogue comes last. */
export const openDataFiles: readonly OpenDataFile[] = [
  {
    key: "factsJson",
    name: "facts.json",
    mediaType: "application/json",
    fileType: "JSON",
    distribution: true,
  },
  {
    key: "csvGerman",
    name: "kennzahlen.csv",
    mediaType: "text/csv",
    fileType: "CSV",
    language: "de",
    distribution: true,
  },
  {
    key: "csvEnglish",
    name: "key-figures.csv",
    mediaType: "text/csv",
    fileType: "CSV",
    language: "en",
    distribution: true,
  },
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

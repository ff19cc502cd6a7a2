import { stringify } from "csv-stringify/sync";
import type { Translate } from "../i18n.ts";
import type { Language } from "../languages.ts";
import type { FactRecord } from "./records.ts";

/** How a CSV file is written for the readers of one language. */
interface CsvDialect {
  delimiter: string;
  decimalSeparator: string;
  /** Excel reads a file without a byte-order mark as ANSI and garbles umlauts. */
  byteOrderMark: boolean;
}

/**
 * German spreadsheets expect semicolons and decimal commas (the comma is their decimal
 * separator) and Excel needs the byte-order mark; English files follow RFC 4180.
 */
const dialects: Record<Language, CsvDialect> = {
  de: { delimiter: ";", decimalSeparator: ",", byteOrderMark: true },
  en: { delimiter: ",", decimalSeparator: ".", byteOrderMark: false },
};

/** A number without grouping and with the dialect's decimal separator (0,8 / 0.8). */
function plainNumber(value: number, dialect: CsvDialect): string {
  return String(value).replace(".", dialect.decimalSeparator);
}

type Cell = (record: FactRecord, language: Language, dialect: CsvDialect) => string;

/** The columns, in order: each with its header key in `openData.csv.column` and its cell. */
const columns: readonly [key: string, cell: Cell][] = [
  ["id", (record) => record.id],
  ["region", (record) => record.region],
  ["measure", (record) => record.measure],
  ["value", (record, _language, dialect) => plainNumber(record.value, dialect)],
  ["unit", (record) => record.unit],
  ["qualifier", (record) => record.qualifier ?? ""],
  ["label", (record, language) => record.label[language]],
  ["text", (record, language) => record.text[language]],
  ["sourcePublisher", (record) => record.source.publisher],
  ["sourcePublisherNote", (record, language) => record.source.publisherNote?.[language] ?? ""],
  ["sourceTitle", (record) => record.source.title],
  ["sourceUrl", (record) => record.source.url ?? ""],
  ["sourceRetrievedOn", (record) => record.source.retrievedOn ?? ""],
];

/**
 * The facts as CSV for readers of `language`: headers in that language, one row per fact,
 * the dialect's separators, CRLF line ends (RFC 4180) and fields quoted where they must be.
 */
export function factsCsv(records: readonly FactRecord[], language: Language, t: Translate): string {
  const dialect = dialects[language];
  const rows = records.map((record) => columns.map(([, cell]) => cell(record, language, dialect)));
  return stringify([columns.map(([key]) => t(`openData.csv.column.${key}`)), ...rows], {
    delimiter: dialect.delimiter,
    record_delimiter: "windows",
    bom: dialect.byteOrderMark,
  });
}

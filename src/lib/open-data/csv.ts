import { stringify } from "csv-stringify/sync";
import { textIn } from "../data/localized.ts";
import type { Translate } from "../i18n.ts";
import { csvDialectOf, type CsvDialect, type Language } from "../languages.ts";
import type { FactRecord } from "./records.ts";

/** A number without grouping and with the dialect's decimal separator (0,8 / 0.8). */
function plainNumber(value: number, dialect: CsvDialect): string {
  return String(value).replace(".", dialect.decimalMark);
}

/** What a spreadsheet reads as the start of a formula when a cell begins with it. */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * A text cell a spreadsheet shows as text: one that would start a formula (`=`, `+`, `-`, `@`,
 * tab, carriage return) gets a leading `'`, as OWASP's advice on CSV injection has it, so text
 * from a data module or a translation can never run as a formula in the reader's spreadsheet.
 */
export function neutraliseFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

/** A cell: text (neutralised and quoted) or a number (written as the dialect writes numbers). */
type Cell = (record: FactRecord, language: Language) => string | number;

/** The columns, in order: each with its header key in `openData.csv.column` and its cell. */
const columns: readonly [key: string, cell: Cell][] = [
  ["id", (record) => record.id],
  ["region", (record) => record.region],
  ["measure", (record) => record.measure],
  ["value", (record) => record.value],
  ["unit", (record) => record.unit],
  ["qualifier", (record) => record.qualifier ?? ""],
  ["label", (record, language) => textIn(record.label, language)],
  ["text", (record, language) => textIn(record.text, language)],
  ["sourcePublisher", (record) => record.source.publisher],
  [
    "sourcePublisherNote",
    (record, language) =>
      record.source.publisherNote === null ? "" : textIn(record.source.publisherNote, language),
  ],
  ["sourceTitle", (record) => record.source.title],
  ["sourceUrl", (record) => record.source.url ?? ""],
  ["sourceRetrievedOn", (record) => record.source.retrievedOn ?? ""],
];

/**
 * The facts as CSV for readers of `language`: headers in that language, one row per fact,
 * written in the language's dialect from `data/languages.ts` (separator, decimal mark,
 * byte-order mark, line ends), every text in quotes and kept from starting a formula (see
 * `neutraliseFormula`), numbers as they are.
 */
export function factsCsv(records: readonly FactRecord[], language: Language, t: Translate): string {
  const dialect = csvDialectOf(language);
  const text = (value: string | number) =>
    typeof value === "string" ? neutraliseFormula(value) : value;
  const rows = records.map((record) => columns.map(([, cell]) => text(cell(record, language))));
  return stringify([columns.map(([key]) => text(t(`openData.csv.column.${key}`))), ...rows], {
    delimiter: dialect.delimiter,
    record_delimiter: dialect.lineEnd === "crlf" ? "windows" : "unix",
    bom: dialect.byteOrderMark,
    // Quoted, a text keeps a separator of another locale's spreadsheet inside its cell.
    quoted_string: true,
    cast: { number: (value) => plainNumber(value, dialect) },
  });
}

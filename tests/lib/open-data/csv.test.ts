import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { factsCsv } from "../../../src/lib/open-data/csv.ts";
import { factRecords, type FactRecord } from "../../../src/lib/open-data/records.ts";
import { buildTexts, realProject, type RealProject } from "./support.ts";

let project: RealProject;
let records: FactRecord[];

beforeAll(async () => {
  project = await realProject();
  records = factRecords(project.data.facts, project.data.sources, project.translator);
});

const t = (language: "de" | "en") => (key: string) => project.translator.t(language, key);

describe("kennzahlen.csv", () => {
  it("starts with a byte-order mark and parses with semicolons: German header, one row per fact", () => {
    const { files } = buildTexts(project.data, project.translator);
    const bytes = files.find((file) => file.id === "csv-de")?.bytes ?? new Uint8Array();
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(Buffer.from(bytes), { delimiter: ";", bom: true });
    expect(rows[0]?.slice(0, 6)).toEqual([
      "Kennung",
      "Region",
      "Kennzahl",
      "Wert",
      "Einheit",
      "Einschränkung",
    ]);
    expect(rows.slice(1).map((row) => row[0])).toEqual(Object.keys(project.data.facts));
    expect(rows.every((row) => row.length === rows[0]?.length)).toBe(true);
  });

  it("writes values with a decimal comma and no grouping, and the German text of each fact", () => {
    const rows = parse<Record<string, string>>(factsCsv(records, "de", t("de")), {
      delimiter: ";",
      bom: true,
      columns: true,
    });
    rows.forEach((row, index) => {
      const record = records[index];
      expect(Number(row.Wert?.replace(",", "."))).toBe(record?.value);
      expect(row.Wert).not.toMatch(/\./);
      expect(row.Text).toBe(record?.text.de);
      expect(row.Einschränkung).toBe(record?.qualifier ?? "");
    });
    expect(rows.find((row) => row.Kennung === "nrw.healthRegionsShare")?.Wert).toBe("0,8");
  });
});

describe("key-figures.csv", () => {
  it("follows RFC 4180: no byte-order mark, commas, CRLF, English header, one row per fact", () => {
    const csv = factsCsv(records, "en", t("en"));
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv.split("\r\n").length).toBe(records.length + 2);
    const rows = parse<Record<string, string>>(csv, { columns: true });
    expect(Object.keys(rows[0] ?? {})).toEqual([
      "id",
      "region",
      "measure",
      "value",
      "unit",
      "qualifier",
      "label",
      "text",
      "source publisher",
      "note on the source publisher",
      "source title",
      "source web address",
      "source retrieved on",
    ]);
    expect(rows.map((row) => [row.id, Number(row.value), row.text])).toEqual(
      records.map((record) => [record.id, record.value, record.text.en]),
    );
  });

  it("quotes a field holding the separator or quotes, so the parser reads it back whole", () => {
    const record = records[0];
    if (record === undefined) throw new Error("the project has no facts");
    const tricky = { ...record, label: { de: 'Ein; "Wert"', en: 'One, "value"' } };
    const german = parse(factsCsv([tricky], "de", t("de")), {
      delimiter: ";",
      bom: true,
    });
    const english = parse(factsCsv([tricky], "en", t("en")));
    expect(german[1]?.[6]).toBe('Ein; "Wert"');
    expect(english[1]?.[6]).toBe('One, "value"');
  });
});

describe("text cells in both files", () => {
  const hostile = [
    '=HYPERLINK("https://example.org";"x")',
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\tTab",
    "\rZeile",
  ];
  /** A file's rows as a CSV parser reads them, in its language's dialect. */
  const rowsOf = (csv: string | Buffer, language: "de" | "en"): string[][] =>
    language === "de" ? parse(csv, { delimiter: ";", bom: true }) : parse(csv);
  /** Every cell that is not the value column, as a spreadsheet reads the file. */
  const textCells = (rows: string[][]) =>
    rows.flatMap((row, index) => row.filter((_, column) => index === 0 || column !== 3));

  it("never start a formula: text that would gets a leading ' inside its quotes, numbers stay numbers", () => {
    const [first] = records;
    if (first === undefined) throw new Error("the project has no facts");
    const attacked = hostile.map((text, index) => ({
      ...first,
      id: `${text}.${index}`,
      value: -3.5,
      label: { de: text, en: text },
      text: { de: `${text} de`, en: `${text} en` },
    }));
    for (const language of ["de", "en"] as const) {
      const csv = factsCsv(attacked, language, t(language));
      for (const text of hostile) expect(csv).toContain(`"'${text.replaceAll('"', '""')}"`);
      const rows = rowsOf(csv, language);
      for (const cell of textCells(rows)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      rows.slice(1).forEach((row, index) => {
        expect(row[6]).toBe(`'${hostile[index] ?? ""}`);
        expect(Number(row[3]?.replace(",", "."))).toBe(-3.5);
      });
    }
  });

  it("of the files the build publishes all read as text, not as formulas", () => {
    const { files } = buildTexts(project.data, project.translator);
    for (const [key, language] of [
      ["csv-de", "de"],
      ["csv-en", "en"],
    ] as const) {
      const bytes = files.find((file) => file.id === key)?.bytes;
      if (bytes === undefined) throw new Error(`no ${key} file`);
      const rows = rowsOf(Buffer.from(bytes), language);
      expect(rows.length).toBe(records.length + 1);
      for (const cell of textCells(rows)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });
});

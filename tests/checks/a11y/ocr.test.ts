import { describe, expect, it } from "vitest";
import { carriesText, wordsOfTsv } from "../../../src/checks/a11y/probes/ocr.ts";

const HEADER =
  "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext";
const word = (conf: number, text: string) => `5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t${conf}\t${text}`;

describe("wordsOfTsv", () => {
  it("keeps the words the OCR engine reads with confidence and of at least three letters", () => {
    const tsv = [
      HEADER,
      word(96, "Jetzt"),
      word(91, "anmelden"),
      word(40, "Rauschen"),
      word(95, "a1"),
      word(90, "—"),
    ].join("\n");
    expect(wordsOfTsv(tsv)).toEqual(["Jetzt", "anmelden"]);
  });
});

describe("carriesText", () => {
  it("counts two words, or one long one, as text; a stray short word not", () => {
    expect(carriesText(["Jetzt", "anmelden"])).toBe(true);
    expect(carriesText(["Gesundheitswirtschaft"])).toBe(true);
    expect(carriesText(["Tor"])).toBe(false);
    expect(carriesText([])).toBe(false);
  });
});

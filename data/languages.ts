import type { z } from "zod";
import type { languagesModule } from "../src/lib/data/language-list.ts";

/**
 * The site's languages: German first, the source every other language is translated from.
 * `npm run lang:add -- CODE --name NAME` adds one (see README, "Adding a language").
 */
export default {
  source: "de",
  tools: "en",
  languages: [
    {
      code: "de",
      name: "Deutsch",
      englishName: "German",
      direction: "ltr",
      intlLocale: "de-DE",
      compactMoneyDisplay: "short",
      // German spreadsheets expect semicolons and decimal commas; Excel needs the byte-order mark.
      csv: {
        file: "kennzahlen.csv",
        delimiter: ";",
        decimalMark: ",",
        byteOrderMark: true,
        lineEnd: "crlf",
      },
      euLanguage: "DEU",
      hyphenation: "de-1996",
      ocr: "deu",
      easyLanguage: "leichte-sprache",
    },
    {
      code: "en",
      name: "English",
      englishName: "English",
      direction: "ltr",
      // British English: dates read "22 November 2026".
      intlLocale: "en-GB",
      compactMoneyDisplay: "long",
      // RFC 4180.
      csv: {
        file: "key-figures.csv",
        delimiter: ",",
        decimalMark: ".",
        byteOrderMark: false,
        lineEnd: "crlf",
      },
      euLanguage: "ENG",
      hyphenation: "en-gb",
      ocr: "eng",
      easyLanguage: "easy-read",
    },
  ],
} satisfies z.input<typeof languagesModule>;

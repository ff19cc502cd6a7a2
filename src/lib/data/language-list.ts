import { z } from "zod";

/**
 * A language tag as BCP 47 writes it and `Intl` accepts it, in its canonical spelling: `de`,
 * `en-GB`, `pt-BR`, `zh-Hant`, `es-419`. The canonical form keeps folders, addresses and
 * `lang` attributes spelt one way.
 */
export const languageTag = z.string().superRefine((value, context) => {
  let canonical: string | undefined;
  try {
    [canonical] = Intl.getCanonicalLocales(value);
  } catch {
    canonical = undefined;
  }
  if (canonical === undefined || !/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(value)) {
    context.addIssue({
      code: "custom",
      message: `"${value}" is not a BCP 47 language tag such as de, fr, pt-BR or zh-Hant`,
    });
  } else if (canonical !== value) {
    context.addIssue({
      code: "custom",
      message: `write the language tag "${value}" as "${canonical}"`,
    });
  }
});

/** How a CSV file is written for readers of one language, and its name. */
export const csvDialect = z.strictObject({
  /** The open-data file's name, e.g. `kennzahlen.csv`. */
  file: z
    .string()
    .regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*\.csv$/, "must be a file name such as key-figures.csv"),
  delimiter: z.enum([",", ";", "\t"]),
  decimalMark: z.enum([".", ","]),
  /** Excel reads a UTF-8 file without a byte-order mark as ANSI and garbles every non-ASCII letter. */
  byteOrderMark: z.boolean(),
  lineEnd: z.enum(["crlf", "lf"]),
});
export type CsvDialect = z.infer<typeof csvDialect>;

/**
 * The hyphenation patterns the code can load, by the name of their module in the `hyphen`
 * package (`src/lib/hyphenate.ts` maps each name to `hyphen/<name>`): the list names a
 * language's resources, the code maps each name to its module.
 */
/* eslint-disable project/no-language-literals -- the names of hyphen's modules, not languages */
export const hyphenationPatterns = [
  "af",
  "as",
  "be",
  "bg",
  "bn",
  "ca",
  "cs",
  "cy",
  "da",
  "de-1901",
  "de-1996",
  "de-ch-1901",
  "el-monoton",
  "el-polyton",
  "en-gb",
  "en-us",
  "es",
  "et",
  "eu",
  "fi",
  "fr",
  "ga",
  "gl",
  "gu",
  "hi",
  "hr",
  "hsb",
  "hu",
  "hy",
  "ia",
  "id",
  "is",
  "it",
  "ka",
  "kmr",
  "kn",
  "la",
  "lt",
  "lv",
  "mk",
  "ml",
  "mn-cyrl",
  "mr",
  "nb",
  "nl",
  "nn",
  "oc",
  "or",
  "pa",
  "pl",
  "pt",
  "rm",
  "ro",
  "ru",
  "sa",
  "sh-cyrl",
  "sh-latn",
  "sk",
  "sl",
  "sq",
  "sr-cyrl",
  "sv",
  "ta",
  "te",
  "th",
  "tk",
  "tr",
  "uk",
] as const;
/* eslint-enable project/no-language-literals */
/** The easy-language rule sets the Leichte Sprache check knows (`src/checks/leichte-sprache/`). */
export const easyLanguageRuleSets = ["leichte-sprache", "easy-read"] as const;
/** One of the easy-language rule sets. */
export type RuleSet = (typeof easyLanguageRuleSets)[number];

/** One language of the site. */
export const languageEntry = z.strictObject({
  /** Its BCP 47 tag: the pages' folder (`src/site/<code>/`), `lang`, `hreflang`, the locale folder. */
  code: languageTag,
  /** Its name in itself, as a reader looking for it would recognise it ("Deutsch", "العربية"). */
  name: z.string().trim().min(1),
  /** Its English name, for the messages of the project's tools ("German"). */
  englishName: z.string().trim().min(1),
  /** Which way its text runs: `rtl` pages carry `dir="rtl"` and the layout mirrors. */
  direction: z.enum(["ltr", "rtl"]),
  /** The locale its figures and dates are written in (`Intl`), e.g. `en-GB` for "22 November 2026". */
  intlLocale: languageTag,
  /**
   * How large amounts of money are abbreviated: `short` "58 Mrd. €", `long` "€58 billion"
   * (Intl's short English form, "€58B", reads as jargon).
   */
  compactMoneyDisplay: z.enum(["short", "long"]),
  /** The open data's CSV file for readers of this language. */
  csv: csvDialect,
  /** Its code in the EU's language vocabulary (`DEU`), for the open data's metadata. */
  euLanguage: z
    .string()
    .regex(/^[A-Z]{3}$/, "must be a code of the EU language vocabulary, such as DEU or FRA")
    .optional(),
  /** The hyphenation patterns for its long words; without them, words are not hyphenated. */
  hyphenation: z.enum(hyphenationPatterns).optional(),
  /**
   * Tesseract's language pack for its text in images (`deu`, `ara`, `chi_sim`; Debian's package
   * `tesseract-ocr-<pack>`): the accessibility gate reads images with the packs of every
   * language that is installed.
   */
  ocr: z
    .string()
    .regex(/^[a-z]{3}(?:_[a-z]+)?$/, "must be a Tesseract language pack, such as deu or chi_sim")
    .optional(),
  /** The easy-language rules its `easyLanguage: true` pages are checked against, if any. */
  easyLanguage: z.enum(easyLanguageRuleSets).optional(),
});
export type LanguageEntry = z.infer<typeof languageEntry>;

/** `data/languages.ts`: the site's languages, the one list everything else derives from. */
export const languagesModule = z
  .strictObject({
    /** The language the pages and texts are written in first; the others are translated from it. */
    source: languageTag,
    /** The language of the project's tools: their messages and reports. */
    tools: languageTag,
    /** Every language of the site, in the order menus and the root page list them. */
    languages: z.array(languageEntry).min(1),
  })
  .superRefine((module, context) => {
    const codes = module.languages.map((language) => language.code.toLowerCase());
    codes.forEach((code, index) => {
      if (codes.indexOf(code) !== index) {
        context.addIssue({
          code: "custom",
          path: ["languages", index, "code"],
          message: `the language "${code}" is listed twice`,
        });
      }
    });
    if (!codes.includes(module.source.toLowerCase())) {
      context.addIssue({
        code: "custom",
        path: ["source"],
        message: `the source language "${module.source}" is not in the list`,
      });
    }
    const files = module.languages.map((language) => language.csv.file);
    files.forEach((file, index) => {
      if (files.indexOf(file) !== index) {
        context.addIssue({
          code: "custom",
          path: ["languages", index, "csv", "file"],
          message: `the file name "${file}" is used by two languages`,
        });
      }
    });
  });
export type LanguagesModule = z.infer<typeof languagesModule>;

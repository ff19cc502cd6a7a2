import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { formatLocation } from "../../lib/errors.ts";
import {
  languageName,
  languageOfTag,
  sourceLanguage,
  targetLanguages,
  type Language,
} from "../../lib/languages.ts";
import { projectFiles, projectFolders } from "../../lib/project.ts";
import type { Finding } from "../../lib/translation-findings.ts";
import type { ExchangeUnit, UnitState } from "../../translation/exchange.ts";
import {
  defaultExportFolder,
  exportTranslations,
  type XliffFormat,
} from "../../translation/export.ts";
import { addLanguage, LanguageRefused } from "../../translation/add-language.ts";
import { formatProblem, importTranslations } from "../../translation/import.ts";
import { UsageError, type Command, type ParsedArguments } from "../gate.ts";
import { checkTranslations, inspectTranslations } from "./check.ts";
import { markKeys, markPages, type KeySelection } from "./mark.ts";
import { outdatedChanges, translationStatus } from "./status.ts";
import { formatStatusText, renderStatusHtml } from "./status-report.ts";

/** Where the status report page is written, relative to the project. */
export const statusReportFile = `${projectFolders.reports}/i18n/status.html`;

const STATUS_USAGE = "Usage: npm run i18n:status";

const exampleTarget = targetLanguages[0] ?? sourceLanguage;

const MARK_USAGE = `Usage:
  npm run i18n:mark -- PAGE...            mark pages (the source's path marks every translation of it)
  npm run i18n:mark -- --keys             mark every locale text
  npm run i18n:mark -- --keys KEY...      mark these locale texts, e.g. common.skipLink
  npm run i18n:mark -- ${projectFolders.locales}            mark every locale text
  npm run i18n:mark -- ${projectFiles.localeFile(exampleTarget, "common")}   mark the texts of one locale file in its language

  --lang CODE   mark only this language's translations, those not translated yet included
                (without it, pages and texts not translated yet are left as they are)`;

/** A finding as one line: `file:line:col (key): message`. */
function problemLine(finding: Finding): string {
  return `${formatLocation(finding.location)}: ${finding.message}`;
}

/** Pages and locale files the status cannot count: they cannot be read or paired. */
const unreadable = new Set(["front-matter", "page", "invalid-json", "reserved-key"]);

/** `npm run i18n:status`: the translation status per language, and its report page. */
export const statusCommand: Command<undefined> = {
  name: "i18n-status",
  title: "Translation status",
  summary: `Shows per language how many texts and pages are translated, not yet marked, outdated or missing,\nand writes the report page ${statusReportFile}.`,
  usage: STATUS_USAGE,
  options: {},
  parse: () => undefined,
  async run(_options, { projectRoot }) {
    const inspection = await inspectTranslations({ projectRoot });
    const statuses = translationStatus(inspection);
    const changes = await outdatedChanges(projectRoot);
    const reportPath = path.join(projectRoot, statusReportFile);
    await mkdir(path.dirname(reportPath), { recursive: true });
    await writeFile(reportPath, renderStatusHtml(statuses, changes));
    const problems = inspection.findings.filter((finding) => unreadable.has(finding.rule));
    return {
      exitCode: problems.length > 0 ? 1 : 0,
      lines: [
        formatStatusText(statuses, changes),
        `The report page for translators is ${statusReportFile}.`,
        ...(problems.length > 0
          ? ["Files that could not be counted are listed above: fix them and run this again."]
          : []),
      ],
      problems: problems.map(problemLine),
    };
  },
};

/** What to mark: pages, and locale texts, in one language or all. */
interface MarkTargets {
  pages: string[];
  selection: KeySelection;
  language?: Language;
}

/** Sorts the mark command's arguments into pages and locale texts. */
/** A locale file's name and language (`common`, `fr` for `locales/fr/common.json`), or undefined for any other path. */
function localeFileName(relative: string): { name: string; language: string } | undefined {
  const [folder, language, file, ...deeper] = relative.split("/");
  if (folder !== projectFolders.locales || language === undefined || deeper.length > 0) {
    return undefined;
  }
  return file?.endsWith(".json") === true
    ? { name: file.slice(0, -".json".length), language }
    : undefined;
}

function markTargets(args: ParsedArguments): MarkTargets {
  const pages: string[] = [];
  const selection: KeySelection = { all: false, files: [], keys: [] };
  const byKeys = args.values.keys === true;
  const lang = args.values.lang;
  if (lang !== undefined && (typeof lang !== "string" || !targetLanguages.includes(lang))) {
    throw new UsageError(
      `--lang takes a language translations are made into: ${targetLanguages.join(", ")}`,
    );
  }
  const language = typeof lang === "string" ? lang : undefined;
  if (language !== undefined) selection.language = language;
  for (const argument of args.positionals) {
    const relative = argument.replace(/^\.\//, "");
    const localeFile = localeFileName(relative);
    if (relative.endsWith(".md")) pages.push(argument);
    else if (relative.replace(/\/$/, "") === projectFolders.locales) selection.all = true;
    else if (localeFile !== undefined) {
      selection.files.push(localeFile.name);
      // A translation's own file names its language.
      if (targetLanguages.includes(localeFile.language)) selection.language ??= localeFile.language;
    } else if (byKeys) selection.keys.push(argument);
    else {
      throw new UsageError(
        `"${argument}" is neither a page (.md) nor a locale file; to mark texts by name, put --keys before them.`,
      );
    }
  }
  if (byKeys && selection.keys.length === 0) selection.all = true;
  const marksKeys = selection.all || selection.files.length > 0 || selection.keys.length > 0;
  if (pages.length === 0 && !marksKeys) throw new UsageError("say what to mark.");
  return { pages, selection, ...(language === undefined ? {} : { language }) };
}

/** `npm run i18n:mark`: records which source version translations were made from. */
export const markCommand: Command<MarkTargets> = {
  name: "i18n-mark",
  title: "Marking translations",
  summary: "Records which version of the source a translation was made from.",
  usage: MARK_USAGE,
  options: { keys: { type: "boolean" }, lang: { type: "string" } },
  allowPositionals: true,
  parse: markTargets,
  async run({ pages, selection, language }, { projectRoot }) {
    const marksKeys = selection.all || selection.files.length > 0 || selection.keys.length > 0;
    const outcomes = [
      ...(pages.length > 0 ? [await markPages(projectRoot, pages, language)] : []),
      ...(marksKeys ? [await markKeys(projectRoot, selection)] : []),
    ];
    const done = outcomes.flatMap((outcome) => outcome.done);
    const problems = outcomes.flatMap((outcome) => outcome.problems);
    return { exitCode: problems.length > 0 ? 1 : 0, lines: done, problems };
  },
};

/** How the export's summary names each state. */
const stateWords: [string, (state: UnitState) => boolean][] = [
  ["up to date", (state) => state === "current"],
  ["to translate", (state) => state === "new"],
  [
    "to review (the source changed, or nobody confirmed the translation)",
    (state) => state === "changed" || state === "unconfirmed",
  ],
];

/** "318 segments: 253 up to date, 65 to translate". */
function segmentSummary(units: readonly ExchangeUnit[]): string {
  const parts = stateWords.flatMap(([words, matches]) => {
    const count = units.filter((unit) => matches(unit.state)).length;
    return count === 0 ? [] : [`${count} ${words}`];
  });
  return `${units.length} segment${units.length === 1 ? "" : "s"}: ${parts.join(", ")}.`;
}

/** Options of `npm run i18n:export`. */
interface ExportArguments {
  format: XliffFormat;
  all: boolean;
  out: string;
  tmx: boolean;
  languages: readonly Language[];
}

/** `npm run i18n:export`: the segments to translate as one XLIFF file for a CAT tool. */
export const exportCommand: Command<ExportArguments> = {
  name: "i18n-export",
  title: "Translation export",
  summary:
    "Writes the texts and pages to translate as XLIFF for a CAT tool, one file per target language.",
  usage: `Usage: npm run i18n:export -- [--lang CODE] [--format xliff12|xliff20] [--changed|--all] [--out DIR] [--tmx]

  --lang     the target language (${targetLanguages.join(", ")}); more than once for several;
             without it, a file for every target language (translation-${sourceLanguage}-CODE.xlf)
  --format   XLIFF version: xliff12 (the default, read by every CAT tool) or xliff20
  --changed  only segments that are not yet translated or whose source changed (the default)
  --all      every segment, with its current translation
  --out DIR  the folder to write into (default: ${defaultExportFolder})
  --tmx      also write the translation memory (TMX 1.4b) for the CAT tool`,
  options: {
    format: { type: "string", default: "xliff12" },
    changed: { type: "boolean", default: false },
    all: { type: "boolean", default: false },
    out: { type: "string", default: defaultExportFolder },
    tmx: { type: "boolean", default: false },
    lang: { type: "string", multiple: true },
  },
  parse({ values }) {
    const { format, changed, all, out, tmx, lang } = values;
    // As in the exchange's files, a tag in another case or with a region names the list's language.
    const asked = Array.isArray(lang)
      ? lang.map((code) => languageOfTag(String(code)) ?? String(code))
      : [];
    const unknown = asked.filter((code) => !targetLanguages.includes(code));
    if (unknown.length > 0) {
      throw new UsageError(
        `${unknown.map((code) => `"${code}"`).join(", ")} is not a language translations are made into: use ${targetLanguages.join(", ")}`,
      );
    }
    if (format !== "xliff12" && format !== "xliff20") {
      throw new UsageError(`unknown format "${String(format)}": use xliff12 or xliff20`);
    }
    if (changed === true && all === true) throw new UsageError("give --changed or --all, not both");
    return {
      format,
      all: all === true,
      out: String(out),
      tmx: tmx === true,
      languages: asked.length > 0 ? asked : targetLanguages,
    };
  },
  async run(options, { projectRoot }) {
    const outcome = await exportTranslations(projectRoot, options);
    if (outcome.problems.length > 0) {
      return {
        exitCode: 1,
        lines: ["Nothing was exported: fix the problems above, then export again."],
        problems: outcome.problems.map(problemLine),
      };
    }
    return {
      exitCode: 0,
      lines: [
        ...[...outcome.units].map(
          ([language, units]) =>
            `${languageName(language)} (${language}): ${
              units.length === 0
                ? `nothing to translate, every text and page is translated from the ${languageName(sourceLanguage)} as it is now (--all exports everything).`
                : segmentSummary(units)
            }`,
        ),
        ...(outcome.files.length === 0 ? [] : [`Written: ${outcome.files.join(", ")}`]),
      ],
    };
  },
};

/** `npm run i18n:import`: translated XLIFF files back into the pages and texts of their target languages. */
export const importCommand: Command<string[]> = {
  name: "i18n-import",
  title: "Translation import",
  summary:
    "Takes translated XLIFF files back into the pages and texts of the language each file names.",
  usage: `Usage: npm run i18n:import -- FILE.xlf...

Nothing is written unless every file and segment is in order; each problem is named with its
file, line and segment.`,
  options: {},
  allowPositionals: true,
  parse({ positionals }) {
    if (positionals.length === 0) throw new UsageError("name the XLIFF file(s) to import");
    return positionals;
  },
  async run(files, { projectRoot }) {
    const outcome = await importTranslations(projectRoot, files);
    if (outcome.problems.length > 0) {
      return {
        exitCode: 1,
        lines: [],
        problems: [
          ...outcome.problems.map(formatProblem),
          "Nothing was imported: fix the problems above in the CAT tool, export the XLIFF file again and import it again.",
        ],
      };
    }
    const errors = (await checkTranslations({ projectRoot })).filter(
      (finding) => finding.severity === "error",
    );
    const plural = (count: number) => `${count} segment${count === 1 ? "" : "s"}`;
    return {
      exitCode: 0,
      lines: [
        outcome.changed === 0
          ? `${plural(outcome.confirmed)} confirmed, nothing to change.`
          : `${plural(outcome.changed)} translated, ${outcome.confirmed} confirmed as they were.`,
        outcome.written.length === 0
          ? "No file needed to change."
          : `Written: ${outcome.written.join(", ")}`,
        errors.length === 0
          ? "The translation check finds no errors."
          : `The translation check finds ${errors.length} error${errors.length === 1 ? "" : "s"}: run npm run check:i18n to see them.`,
      ],
    };
  },
};

/** Options of `npm run lang:add`. */
interface AddLanguageArguments {
  code: string;
  name: string;
  direction?: "ltr" | "rtl";
  intlLocale?: string;
  euLanguage?: string;
}

/** `npm run lang:add`: a new language, scaffolded from the source language, not translated yet. */
export const addLanguageCommand: Command<AddLanguageArguments> = {
  name: "lang-add",
  title: "Adding a language",
  summary: `Adds a language: its entry in ${projectFiles.dataModule("languages")}, and copies of the ${languageName(sourceLanguage)} locale files and pages, marked as not translated yet.`,
  usage: `Usage: npm run lang:add -- CODE --name NAME [--dir ltr|rtl] [--locale LOCALE] [--eu-language CODE]

  CODE           the language's BCP 47 tag, e.g. fr, uk, ar, pt-BR
  --name         its name in itself, e.g. Français, Українська, العربية
  --dir          its text direction (default: the one Intl knows for it, else ltr)
  --locale       the Intl locale its figures and dates are written in (default: CODE)
  --eu-language  its code in the EU language vocabulary (FRA), for the open data's metadata

Nothing under src/ outside ${projectFolders.site}/ changes. See README, "Adding a language".`,
  options: {
    name: { type: "string" },
    dir: { type: "string" },
    locale: { type: "string" },
    "eu-language": { type: "string" },
  },
  allowPositionals: true,
  parse({ values, positionals }) {
    const [code, ...extra] = positionals;
    if (code === undefined) throw new UsageError("name the language's code, e.g. fr");
    if (extra.length > 0)
      throw new UsageError(`one language at a time: "${extra.join(" ")}" is too much`);
    const { name, dir, locale } = values;
    const euLanguage = values["eu-language"];
    if (typeof name !== "string" || name.trim() === "") {
      throw new UsageError("give the language's name in itself with --name, e.g. --name Français");
    }
    if (dir !== undefined && dir !== "ltr" && dir !== "rtl") {
      throw new UsageError(`--dir is ltr or rtl, not "${String(dir)}"`);
    }
    return {
      code,
      name: name.trim(),
      ...(dir === undefined ? {} : { direction: dir }),
      ...(typeof locale === "string" ? { intlLocale: locale } : {}),
      ...(typeof euLanguage === "string" ? { euLanguage } : {}),
    };
  },
  async run(options, { projectRoot }) {
    let added;
    try {
      added = await addLanguage(projectRoot, options);
    } catch (error) {
      if (!(error instanceof LanguageRefused)) throw error;
      if (error.usage) throw new UsageError(error.message);
      return { exitCode: 1, lines: [], problems: [`Not added: ${error.message}`] };
    }
    const { entry } = added;
    return {
      exitCode: 0,
      lines: [
        `Added ${entry.englishName} (${entry.code}, ${entry.name}, ${entry.direction}) to ${projectFiles.dataModule("languages")}: ${added.pages} pages and ${added.texts} texts copied from ${languageName(sourceLanguage)}, marked as not translated yet.`,
        `Written: ${added.written.join(", ")}`,
        `Next: check the entry in ${projectFiles.dataModule("languages")}, translate the pages in ${projectFolders.pages(entry.code)}/ and the texts in ${projectFolders.locales}/${entry.code}/ (or export them with npm run i18n:export -- --lang ${entry.code}), then run npm run i18n:mark; npm run i18n:status shows what is left.`,
      ],
    };
  },
};

import { existsSync } from "node:fs";
import { mkdir, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { ArrayLiteralExpression, Node } from "typescript";
import { importModule } from "../lib/data/load.ts";
import {
  hyphenationPatterns,
  languageEntry,
  languagesModule,
  languageTag,
  type LanguageEntry,
} from "../lib/data/language-list.ts";
import { validateDataModule } from "../lib/data/validate.ts";
import { ContentError } from "../lib/errors.ts";
import { setFrontMatterField } from "../lib/front-matter-field.ts";
import { readFrontMatter } from "../lib/front-matter.ts";
import { parseLocaleFile, type LocaleTree } from "../lib/i18n.ts";
import { toolLanguage, type Language } from "../lib/languages.ts";
import { projectFiles, projectFolders, projectPath } from "../lib/project.ts";
import { readKeyRecord, serialiseKeyRecord } from "../lib/translation-state.ts";
import { untranslatedMark } from "../lib/translation-version.ts";
import { writeAll } from "./import.ts";

/** What `npm run lang:add` is told about the new language. */
export interface NewLanguage {
  code: string;
  /** Its name in itself. */
  name: string;
  /** Which way its text runs; by default the way `Intl` knows for it, else left to right. */
  direction?: "ltr" | "rtl";
  /** The locale its figures and dates are written in; by default the code itself. */
  intlLocale?: string;
  /** Its code in the EU language vocabulary, for the open data's metadata. */
  euLanguage?: string;
}

/** A refusal: nothing was written. `usage` marks a malformed request (exit 2), else exit 1. */
export class LanguageRefused extends Error {
  override name = "LanguageRefused";
  readonly usage: boolean;
  constructor(message: string, usage = false) {
    super(message);
    this.usage = usage;
  }
}

/** The issues of a value against a schema, as one line. */
function problemOf(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  return result.error?.issues.map((issue) => issue.message).join("; ") ?? "";
}

const cldrOrder = ["zero", "one", "two", "few", "many", "other"] as const;
const pluralForm = /^(.*)_(zero|one|two|few|many|other)$/;

/**
 * A copy of a source locale tree for a language: every text as it is, and each plural text
 * in the forms the language needs (CLDR), each taken from the source's form of that name or
 * its `_other`.
 */
export function copyLocaleTree(tree: LocaleTree, intlLocale: string): LocaleTree {
  const categories = new Intl.PluralRules(intlLocale).resolvedOptions().pluralCategories;
  const needed = cldrOrder.filter((category) => categories.includes(category));
  const copy: LocaleTree = {};
  const done = new Set<string>();
  for (const [name, value] of Object.entries(tree)) {
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      copy[name] = copyLocaleTree(value as LocaleTree, intlLocale);
      continue;
    }
    const base = pluralForm.exec(name)?.[1];
    if (base === undefined) {
      copy[name] = value;
      continue;
    }
    if (done.has(base)) continue;
    done.add(base);
    for (const category of needed) {
      copy[`${base}_${category}`] = tree[`${base}_${category}`] ?? tree[`${base}_other`];
    }
  }
  return copy;
}

/** Every key of a locale tree, dotted, with the file's name first. */
function keysOf(tree: LocaleTree, prefix: string): string[] {
  return Object.entries(tree).flatMap(([name, value]) =>
    typeof value === "object" && value !== null && !Array.isArray(value)
      ? keysOf(value as LocaleTree, `${prefix}.${name}`)
      : [`${prefix}.${name}`],
  );
}

/** The list's entry for a new language, from what `Intl` knows of it and what was given. */
export function newLanguageEntry(
  request: NewLanguage,
  existingFiles: readonly string[],
): LanguageEntry {
  const intlLocale = request.intlLocale ?? request.code;
  const decimalMark =
    new Intl.NumberFormat(intlLocale).formatToParts(1.5).find((part) => part.type === "decimal")
      ?.value === ","
      ? ","
      : ".";
  const known = (
    new Intl.Locale(request.code) as Intl.Locale & {
      textInfo?: { direction?: string };
    }
  ).textInfo?.direction;
  const lower = request.code.toLowerCase();
  const base = lower.split("-")[0] ?? lower;
  const hyphenation = hyphenationPatterns.find((name) => name === lower || name === base);
  let file = `key-figures-${lower}.csv`;
  for (let index = 2; existingFiles.includes(file); index++)
    file = `key-figures-${lower}-${index}.csv`;
  return {
    code: request.code,
    name: request.name,
    englishName:
      new Intl.DisplayNames([toolLanguage], { type: "language", fallback: "code" }).of(
        request.code,
      ) ?? request.code,
    direction: request.direction ?? (known === "rtl" ? "rtl" : "ltr"),
    intlLocale,
    compactMoneyDisplay: "short",
    // A decimal comma takes the semicolon as separator, as spreadsheets of such locales expect;
    // the byte-order mark makes Excel read UTF-8.
    csv: {
      file,
      delimiter: decimalMark === "," ? ";" : ",",
      decimalMark,
      byteOrderMark: true,
      lineEnd: "crlf",
    },
    ...(request.euLanguage === undefined ? {} : { euLanguage: request.euLanguage }),
    ...(hyphenation === undefined ? {} : { hyphenation }),
  };
}

/** An entry as the list writes it, indented as an element of `languages`. */
function entryText(entry: LanguageEntry): string {
  const value = (item: unknown): string => JSON.stringify(item);
  const lines = [
    "    {",
    ...Object.entries(entry).flatMap(([key, item]) =>
      typeof item === "object"
        ? [
            `      ${key}: {`,
            ...Object.entries(item).map(
              ([inner, innerValue]) => `        ${inner}: ${value(innerValue)},`,
            ),
            "      },",
          ]
        : [`      ${key}: ${value(item)},`],
    ),
    "    },",
  ];
  return `${lines.join("\n")}\n`;
}

/** `data/languages.ts` with the entry added at the end of its `languages` list. */
async function withEntry(source: string, file: string, entry: LanguageEntry): Promise<string> {
  // Loaded here, not with the module: the compiler takes most of a second to load, and every
  // translation command imports this module while only `lang:add` reaches this line.
  const { default: ts } = await import("typescript");
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  let list: ArrayLiteralExpression | undefined;
  const visit = (node: Node) => {
    if (
      ts.isPropertyAssignment(node) &&
      node.name.getText(tree) === "languages" &&
      ts.isArrayLiteralExpression(node.initializer)
    ) {
      list = node.initializer;
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  if (list === undefined) {
    throw new ContentError("has no `languages: [ … ]` list to add the language to", { file });
  }
  // Just before the line with the list's closing bracket.
  const closing = list.getEnd() - 1;
  const lineStart = source.lastIndexOf("\n", closing) + 1;
  return source.slice(0, lineStart) + entryText(entry) + source.slice(lineStart);
}

/** What `npm run lang:add` wrote, relative to the project. */
export interface AddedLanguage {
  entry: LanguageEntry;
  written: string[];
  pages: number;
  texts: number;
}

/**
 * Adds a language to the project: its entry in `data/languages.ts`, copies of the source
 * language's locale files (each plural text in the forms the new language needs) and pages,
 * all marked as not translated yet (`untranslated` in `locales/translated-from.json`,
 * `translatedFrom: untranslated` in each page's front matter), and the language folder's data
 * file. Nothing under `src/` outside the site folder changes. A code that is malformed or the
 * project has already, or folders already there, refuse it before anything is written.
 */
export async function addLanguage(
  projectRoot: string,
  request: NewLanguage,
): Promise<AddedLanguage> {
  const tag = languageTag.safeParse(request.code);
  if (!tag.success) throw new LanguageRefused(problemOf(tag), true);
  const listFile = projectFiles.dataModule("languages");
  const listPath = path.join(projectRoot, listFile);
  const list = validateDataModule(
    listFile,
    languagesModule,
    await importModule(listPath, listFile),
  );
  const { code } = request;
  const taken = list.languages.find((entry) => entry.code.toLowerCase() === code.toLowerCase());
  if (taken !== undefined) {
    throw new LanguageRefused(
      `the project already has the language "${taken.code}" (${taken.name}) in ${listFile}`,
    );
  }
  const source: Language = list.source;
  const pagesFolder = projectFolders.pages(code);
  const localeFolder = `${projectFolders.locales}/${code}`;
  for (const folder of [pagesFolder, localeFolder]) {
    if (existsSync(path.join(projectRoot, folder))) {
      throw new LanguageRefused(
        `${folder}/ already exists: remove it, or add the language to ${listFile} by hand`,
      );
    }
  }
  const entry = newLanguageEntry(
    request,
    list.languages.map((language) => language.csv.file),
  );
  const checked = languageEntry.safeParse(entry);
  if (!checked.success) throw new LanguageRefused(problemOf(checked), true);

  const files = new Map<string, string>();
  files.set(listFile, await withEntry(await readFile(listPath, "utf8"), listFile, entry));

  const sourceLocales = projectPath(`${projectFolders.locales}/${source}`, projectRoot);
  const record = await readKeyRecord(projectRoot);
  const untranslated = new Map<string, string>();
  for (const name of (await readdir(sourceLocales))
    .filter((file) => file.endsWith(".json"))
    .sort()) {
    const from = `${projectFolders.locales}/${source}/${name}`;
    const tree = copyLocaleTree(
      parseLocaleFile(from, await readFile(path.join(projectRoot, from), "utf8")),
      entry.intlLocale,
    );
    files.set(`${localeFolder}/${name}`, `${JSON.stringify(tree, null, 2)}\n`);
    for (const key of keysOf(tree, path.basename(name, ".json")))
      untranslated.set(key, untranslatedMark);
  }
  const versions = new Map(
    [...record.versions].map(([language, entries]) => [
      language,
      new Map([...entries].map(([key, item]) => [key, item.version])),
    ]),
  );
  versions.set(code, untranslated);
  files.set(projectFiles.translationRecord, serialiseKeyRecord(versions));

  const sourcePages = projectFolders.pages(source);
  let pages = 0;
  for (const name of (await readdir(path.join(projectRoot, sourcePages))).sort()) {
    const from = `${sourcePages}/${name}`;
    const text = await readFile(path.join(projectRoot, from), "utf8");
    if (name === `${source}.11tydata.json`) {
      const data = JSON.parse(text) as Record<string, unknown>;
      files.set(
        `${pagesFolder}/${code}.11tydata.json`,
        `${JSON.stringify({ ...data, lang: code })}\n`,
      );
      continue;
    }
    if (!name.endsWith(".md")) continue;
    const { data } = readFrontMatter(text);
    // A page that exists in its language only, by design, has no twin to copy.
    if (typeof data.onlyInThisLanguage === "string") continue;
    let copy = setFrontMatterField(
      `${pagesFolder}/${name}`,
      text,
      "translatedFrom",
      untranslatedMark,
    );
    if (typeof data.permalink === "string" && data.permalink.startsWith(`/${source}/`)) {
      copy = setFrontMatterField(
        `${pagesFolder}/${name}`,
        copy,
        "permalink",
        `/${code}/${data.permalink.slice(source.length + 2)}`,
      );
    }
    files.set(`${pagesFolder}/${name}`, copy);
    pages++;
  }
  await mkdir(path.join(projectRoot, pagesFolder), { recursive: true });
  await mkdir(path.join(projectRoot, localeFolder), { recursive: true });
  await writeAll(projectRoot, files);
  return { entry, written: [...files.keys()], pages, texts: untranslated.size };
}

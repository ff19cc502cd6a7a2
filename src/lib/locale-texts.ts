import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { ContentError } from "./errors.ts";
import { parseLocaleFile, reservedKeyMessage, reservedKeyPath, type LocaleTree } from "./i18n.ts";
import { locateJsonKeys, type Position } from "./json-keys.ts";
import { languages, type Language } from "./languages.ts";
import { projectFolders, projectPath } from "./project.ts";
import type { Finding } from "./translation-findings.ts";

/** One text of a locale file: a leaf of its JSON tree. */
export interface LocaleText extends Position {
  /** Full name, `<file>.<dotted.path>`, e.g. `common.skipLink`. */
  key: string;
  /** The name inside its file, e.g. `skipLink`. */
  path: string;
  language: Language;
  /** The locale file, relative to the project, e.g. `locales/de/common.json`. */
  file: string;
  value: unknown;
}

/** One readable locale file. */
export interface LocaleFile {
  language: Language;
  /** The file's name without `.json`: the first part of its keys. */
  name: string;
  file: string;
}

/** Every locale file of a project that could be read, and its texts. */
export interface Locales {
  files: LocaleFile[];
  /** Texts by language and full key. */
  texts: Record<Language, Map<string, LocaleText>>;
  /** Names of locale files that are broken JSON or use a reserved name in some language (`common`). */
  brokenFiles: Set<string>;
  /** Files that are broken JSON, repeat a key or use a reserved name. */
  findings: Finding[];
}

/**
 * Whether a text belongs to a locale file that is broken JSON in some language. Its texts
 * cannot be compared or looked up, so checks leave them alone until the file is fixed,
 * rather than report every one of them as missing.
 */
export function inBrokenFile(locales: Locales, key: string): boolean {
  return locales.brokenFiles.has(key.split(".")[0] ?? key);
}

const noTexts: ReadonlyMap<string, LocaleText> = new Map();

/** A language's texts by full key; none for a language the project has no locale files for. */
export function textsIn(locales: Locales, language: Language): Map<string, LocaleText> {
  return locales.texts[language] ?? (noTexts as Map<string, LocaleText>);
}

/** The locale file a text of `name` belongs in, in `language`. */
export function localeFilePath(language: Language, name: string): string {
  return `${projectFolders.locales}/${language}/${name}.json`;
}

/** Where a text stands, for a finding. */
export function locationOf(text: LocaleText) {
  return { file: text.file, line: text.line, column: text.column, key: text.key };
}

function isTree(value: unknown): value is LocaleTree {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function* leaves(tree: LocaleTree, prefix: string[] = []): Generator<[string[], unknown]> {
  for (const [name, value] of Object.entries(tree)) {
    if (isTree(value)) yield* leaves(value, [...prefix, name]);
    else yield [[...prefix, name], value];
  }
}

async function fileNames(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder)).filter((file) => file.endsWith(".json")).sort();
  } catch (error) {
    // A language without a folder simply has no files; the checks say which ones it lacks.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/**
 * Reads every `locales/<language>/<file>.json` with the build's own parser, keeping each
 * text's line and column. A broken file is reported and left out; the others are still read.
 * Throws a `ContentError` when the folder holds no `locales/`: it is not a project.
 */
export async function readLocales(projectRoot: string): Promise<Locales> {
  const localesDir = projectPath(projectFolders.locales, projectRoot);
  if (!existsSync(localesDir)) {
    throw new ContentError(
      `there is no ${projectFolders.locales}/ folder in ${projectRoot}: run the command in the project folder`,
      { file: projectFolders.locales },
    );
  }
  const locales: Locales = {
    files: [],
    texts: Object.fromEntries(languages.map((language) => [language, new Map()])),
    brokenFiles: new Set(),
    findings: [],
  };
  const read = await Promise.all(
    languages.map(async (language) => {
      const names = await fileNames(path.join(localesDir, language));
      return Promise.all(
        names.map(async (fileName) => {
          const file = `${projectFolders.locales}/${language}/${fileName}`;
          const text = await readFile(path.join(projectRoot, file), "utf8");
          return { language, name: path.basename(fileName, ".json"), file, text };
        }),
      );
    }),
  );
  for (const { language, name, file, text } of read.flat()) {
    let tree: LocaleTree;
    try {
      tree = parseLocaleFile(file, text);
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      locales.brokenFiles.add(name);
      locales.findings.push({
        severity: "error",
        rule: "invalid-json",
        location: error.location,
        message: `${error.message}. Look for a missing comma or quote, or a comma after the last entry, at or just before this place`,
      });
      continue;
    }
    const { positions, duplicates } = locateJsonKeys(text);
    const reserved = reservedKeyPath(tree);
    if (reserved !== undefined) {
      const dotted = reserved.join(".");
      locales.brokenFiles.add(name);
      locales.findings.push({
        severity: "error",
        rule: "reserved-key",
        location: { file, ...(positions.get(dotted) ?? {}), key: `${name}.${dotted}` },
        message: reservedKeyMessage(reserved),
      });
      continue;
    }
    for (const duplicate of duplicates) {
      locales.findings.push({
        severity: "error",
        rule: "duplicate-key",
        location: { file, ...duplicate.again, key: `${name}.${duplicate.path}` },
        message: `this text is written twice in the file (also at line ${duplicate.first.line}); only this one is used: delete one of them`,
        related: [{ file, ...duplicate.first }],
      });
    }
    locales.files.push({ language, name, file });
    for (const [keyPath, value] of leaves(tree)) {
      const dotted = keyPath.join(".");
      const key = `${name}.${dotted}`;
      const position = positions.get(dotted) ?? { line: 1, column: 1 };
      textsIn(locales, language).set(key, {
        key,
        path: dotted,
        language,
        file,
        value,
        ...position,
      });
    }
  }
  return locales;
}
